import { needsModel } from '../core/fields.js'
import {
  openSummaries,
  type CachePeriod,
  type EnrichResult,
  type ListedPapers,
  type SummaryStore,
} from '../enrich/index.js'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { Publisher } from '../core/changes.js'
import { RECORDED_PERIOD } from '../refresh/records.js'
import { planRefreshOf, type RefreshStart } from '../refresh/stage.js'
import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../core/version.js'
import { postPath } from './plans.js'
import { renderEarlier, type SelectedPost, type SelectedPosts } from './posts.js'

/**
 * Asked for once (a range of days takes as few requests as one day). An earlier day's post is asked for
 * only when the refresh will rewrite it as the cache alone renders it, so a blog's first run (no record)
 * and a re-run (all cached) ask nothing for the earlier days.
 */
export async function modelSummaries(
  selected: SelectedPosts,
  refresh: RefreshStart,
  settings: Settings,
  { publisher, log, clock }: { publisher: Publisher; log: Log; clock: Clock },
): Promise<EnrichResult | undefined> {
  if (settings.fields.includes('llm-title') && settings.language === 'en') {
    log.warning(
      'fields lists llm-title, but language is en: an English post keeps the original titles, so llm-title shows nothing',
    )
  }
  const everyPost = [...selected.own, ...selected.earlier]
  const papers = everyPost.flatMap((post) => post.papers)
  if (!needsModel(settings.fields, settings.language) || papers.length === 0) return undefined
  const { token: llmToken, ...llm } = settings.llm
  const options = { ...llm, llmToken, language: settings.language, userAgent: USER_AGENT }
  return log.group('Model summaries', async () => {
    const store = await openSummaries(
      everyPost.flatMap(listedDays),
      everyPost.filter(hasTldr(settings)).map((post) => post.plan.label),
      cachePeriod(settings),
      options,
      { log, clock, readFile: (path) => publisher.readText(path) },
    )
    const rewritten = await earlierToRewrite(selected, store, refresh, settings, clock)
    const written = [...selected.own, ...selected.earlier.filter((post) => rewritten.has(post.plan.label))]
    const tldrs = selected.own
      .filter(hasTldr(settings))
      .map((post) => ({ day: post.plan.label, papers: post.papers }))
    return store.complete(
      written.flatMap((post) => post.papers),
      tldrs,
    )
  })
}

/**
 * A weekly or monthly run keeps the summaries it adds in its period's file, beside its record's, so that its
 * pull request changes no day's file; a daily run (undefined) in its days'.
 */
function cachePeriod(settings: Settings): CachePeriod | undefined {
  const period = RECORDED_PERIOD[settings.digest]
  return period === undefined ? undefined : { period, day: settings.from }
}

/** By the day Hugging Face listed them, whose files are read for their summaries (and a daily run writes). */
function listedDays({ plan, papers }: SelectedPost): ListedPapers[] {
  const { period } = plan
  if (period === undefined) return [{ day: plan.dateDay, papers }]
  const byDay = Map.groupBy(papers, (paper) => period.listedOn.get(paper.id)?.day ?? plan.dateDay)
  return [...byDay].map(([day, listed]) => ({ day, papers: listed }))
}

function hasTldr(settings: Settings) {
  return (post: SelectedPost) =>
    settings.style === 'digest' && post.plan.period === undefined && post.papers.length > 0
}

/** Unrecorded posts (a blog's first run, a dry run) are never rewritten. */
async function earlierToRewrite(
  selected: SelectedPosts,
  store: SummaryStore,
  refresh: RefreshStart,
  settings: Settings,
  clock: Pick<Clock, 'now'>,
): Promise<Set<string>> {
  if (selected.earlier.length === 0) return new Set()
  const earlier = renderEarlier(selected.earlier, store.cached, settings, clock.now())
  const own = selected.own.map(({ plan, papers }) => ({
    day: plan.values.date as string,
    path: postPath(plan, settings),
    papers,
  }))
  const { plan } = await planRefreshOf(refresh, earlier, own)
  return new Set(plan.rewritten.map((post) => post.day))
}
