import { needsModel } from '../core/fields.js'
import { openSummaries, type EnrichResult, type ListedPapers } from '../enrich/index.js'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { Publisher } from '../core/changes.js'
import { RECORDED_PERIOD } from '../refresh/records.js'
import { planRefreshOf, type RefreshStart } from '../refresh/stage.js'
import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../core/version.js'
import { checkoutBlobOid } from '../core/git-blob.js'
import type { WritePolicy } from '../core/file-change.js'
import { keptWhateverItSays, policyOf } from '../publish/write-policy.js'
import { ownPost, renderEarlier, type RenderedPost, type SelectedPost, type SelectedPosts } from './posts.js'

/**
 * Asked for once (a range of days takes as few requests as one day), for the posts that will be written. An
 * earlier day's post is asked for only when the refresh will rewrite it as the cache alone renders it, so a
 * blog's first run (no record) and a re-run (all cached) ask nothing for the earlier days; a post of the
 * run's own only when the publisher will write it (not one a person deleted or edited, or overwrite: never).
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
  // A weekly or monthly run keeps the summaries it adds in its period's file, beside its record's, so that
  // its pull request changes no day's file; a daily run in its days'.
  const period = RECORDED_PERIOD[settings.digest]
  return log.group('Model summaries', async () => {
    const own = selected.own.filter((post) => post.papers.length > 0).map((post) => ownPost(post, settings))
    // Read with the cache files, in the same request.
    const existing = existingPosts(own, settings, publisher)
    const store = await openSummaries(
      everyPost.flatMap(listedDays),
      everyPost.filter(hasTldr(settings)).map((post) => post.plan.label),
      period && { period, day: settings.from },
      { ...llm, llmToken, language: settings.language, userAgent: USER_AGENT },
      { log, clock, readFile: (path) => publisher.readText(path) },
    )
    const earlier = renderEarlier(selected.earlier, store.cached, settings, clock.now())
    const { plan, guards } = await planRefreshOf(refresh, earlier, own)
    const kept = keptAnyway(own, guards, await existing, settings.overwrite)
    const rewritten = new Set(plan.rewritten.map((post) => post.day))
    const ownWritten = selected.own.filter((post) => !kept.has(post.plan.label))
    const tldrs = ownWritten
      .filter(hasTldr(settings))
      .map((post) => ({ day: post.plan.label, papers: post.papers }))
    const refreshed = selected.earlier.filter((post) => rewritten.has(post.plan.label))
    return store.complete(
      { own: ownWritten.flatMap((post) => post.papers), refreshed: refreshed.flatMap((post) => post.papers) },
      tldrs,
    )
  })
}

/**
 * The run's own posts where they would be written, as git blob ids (undefined: not there), read where the
 * commit or the workspace decides; in pull-request mode its work branch decides, and a dry run writes
 * nothing, so none is known (null) and every post is asked for.
 */
function existingPosts(
  own: readonly RenderedPost[],
  settings: Settings,
  publisher: Publisher,
): Promise<Array<string | undefined | null>> {
  if (settings.target.mode !== 'commit' && settings.target.mode !== 'files') {
    return Promise.resolve(own.map(() => null))
  }
  return Promise.all(
    own.map(async (post) => {
      const text = await publisher.readText(post.path).catch(() => null)
      return typeof text === 'string' ? checkoutBlobOid(text) : text
    }),
  )
}

/** Labels of the posts the publisher will leave as they are whatever they say: the model is not asked. */
function keptAnyway(
  own: readonly RenderedPost[],
  guards: ReadonlyMap<string, WritePolicy>,
  existing: ReadonlyArray<string | undefined | null>,
  overwrite: Settings['overwrite'],
): Set<string> {
  const kept = own.filter((post, index) => {
    const oid = existing[index]
    const policy = policyOf({ policy: guards.get(post.path) })
    return oid !== null && keptWhateverItSays(policy, oid, overwrite) !== undefined
  })
  return new Set(kept.map((post) => post.label))
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
