import { posix } from 'node:path'
import pMap from 'p-map'
import { describeFilters, renderPost, selectPapers } from './digest/index.js'
import type { Log } from './log.js'
import { modelSummaries, type ModelSummaries, type SummaryStats } from './model-summaries.js'
import { nothingWritten } from './publish/nothing-written.js'
import type { ChangeSet, FileChange, Publisher, PublishResult } from './publish/publisher.js'
import type { EarlierPost, RefreshedPost } from './refresh/refresh.js'
import { startRefresh } from './refresh/stage.js'
import { eachDay, isoWeek, postDate, utcDay } from './settings/calendar.js'
import type { Settings } from './settings/settings.js'
import { fillTemplate, type TemplateValues } from './settings/template.js'
import { ignoredDate } from './source/drift.js'
import type { Paper } from './source/paper.js'
import type { DayPapers, PaperSource } from './source/source.js'

/** The outside world as the pipeline sees it; main.ts and the CLI build it, tests pass fakes. */
export interface Collaborators {
  source: PaperSource
  publisher: Publisher
  log: Log
  now: () => Date
}

export interface DayOutcome {
  day: string
  /** Valid papers Hugging Face listed that day. */
  listed: number
  /** The papers in the day's post, ranked; empty when the day got no post of its own. */
  papers: Paper[]
  /** Repository-relative path of the post that holds the day (a weekly or monthly digest: the same for all). */
  postPath?: string
  /** The day is today on Hugging Face's (UTC) calendar: its list is still growing. */
  incomplete?: boolean
}

export interface DigestResult {
  days: DayOutcome[]
  /** Post paths written or committed (in dry-run: that would be). */
  posts: string[]
  /** Papers rendered, all posts together. */
  papers: number
  commitSha?: string
  commitUrl?: string
  pullRequestUrl?: string
  /** Why nothing was written, when nothing was. */
  skipped?: string
  /** The earlier posts `refresh-days` rendered again, and what became of each. */
  refreshed?: RefreshedPost[]
  /** Something after the commit went wrong (the workflow dispatch): outputs stand, the run fails. */
  failure?: string
  /** Where the papers' model summaries came from, when `fields` asked for them. */
  summaries?: SummaryStats
}

/** A run that must fail after inputs were accepted: an empty day under `empty-day: fail`, every paper invalid. */
export class DigestError extends Error {
  override name = 'DigestError'
}

/** Days fetched at once: quick backfills, far below Hugging Face's 500 requests per 5 minutes. */
const FETCH_CONCURRENCY = 6

/** One post to write: the papers it may show and how to name and date it. */
interface PostPlan {
  /** The day or the period, for messages. */
  label: string
  listed: Paper[]
  values: TemplateValues
  /**
   * The day whose `post-time` dates the post: a period's first day, as in its file name, so that the
   * name, the date and the URL Jekyll makes from it stay the same on every run while the period fills.
   */
  dateDay: string
  period?: { from: string; to: string; days: number }
}

/** fetch → select and render → publish, for every day asked for. */
export async function runDigest(
  settings: Settings,
  { source, publisher, log, now }: Collaborators,
): Promise<DigestResult> {
  const range = describeRange(settings)
  const refresh = startRefresh(settings, publisher, log)
  const fetchedAll = await log.group(`Fetch papers (${range}${describeRefresh(refresh.days)})`, () =>
    fetchDays([...eachDay(settings.from, settings.to), ...refresh.days], source, log),
  )
  const fetched = fetchedAll.slice(0, fetchedAll.length - refresh.days.length)
  const earlierDays = fetchedAll.slice(fetched.length)
  // The run's own days first, then with the earlier days, oldest first: one deaf day list is enough.
  const dateIgnored = ignoredDate(fetched) ?? ignoredDate([...earlierDays, ...fetched])
  if (dateIgnored !== undefined) throw new DigestError(dateIgnored)
  const today = utcDay(now())
  if (fetched.some((day) => day.day === today)) {
    log.warning(
      `${today} is today on Hugging Face's calendar (UTC): its list keeps growing during the day, so the post may miss papers. Schedule the run for "yesterday" for complete days.`,
    )
  }

  const plans = settings.digest === 'daily' ? fetched.map(dailyPlan) : [periodPlan(fetched, settings)]
  const selected = plans.map((plan) => ({ plan, papers: selectPapers(plan.listed, settings) }))
  if (settings.emptyDay === 'fail') {
    const empty = selected.find(({ papers }) => papers.length === 0)
    if (empty !== undefined) {
      const filtered = noneSelected(empty.plan.listed.length, settings)
      throw new DigestError(
        `${empty.plan.label}: no papers to post${filtered ? ` (${filtered})` : ''}; empty-day is "fail"`,
      )
    }
  }
  const earlier = selectEarlier(earlierDays, settings)
  // Asked for once for every post, refreshed ones too, before any is rendered: a range of days takes as
  // few requests as one day.
  const summaries = await modelSummaries(
    [...selected, ...earlier].flatMap(({ papers }) => papers),
    settings,
    { publisher, log, now },
  )

  const files: FileChange[] = []
  const postOf = new Map<string, { day: string; path: string; papers: Paper[] }>()
  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a throw rejects, as Log.group expects
  await log.group('Render posts', async () => {
    for (const { plan, papers } of selected) {
      if (papers.length === 0 && settings.emptyDay !== 'post') {
        log.info(
          `${plan.label}: ${noneSelected(plan.listed.length, settings) ?? 'no papers'}, no post (empty-day: skip)`,
        )
        continue
      }
      const path = postPath(plan, settings)
      files.push({ path, content: renderPlan(plan, papers, settings, now(), summaries) })
      postOf.set(plan.label, { day: plan.values.date as string, path, papers })
      log.info(`${plan.label}: ${papers.length} of ${plan.listed.length} papers → ${path}`)
    }
    if (settings.dataDir !== undefined) files.push(...dataFiles(fetched, settings.dataDir))
  })
  const earlierPosts = earlier.map(({ plan, papers }): EarlierPost => {
    const content = renderPlan(plan, papers, settings, now(), summaries)
    return { day: plan.label, path: postPath(plan, settings), content, papers }
  })
  files.push(...(await refresh.plan(earlierPosts, [...postOf.values()])))

  const days = fetched.map((day): DayOutcome => {
    const post = postOf.get(settings.digest === 'daily' ? day.day : range)
    return {
      day: day.day,
      listed: day.papers.length,
      papers: settings.digest === 'daily' ? (post?.papers ?? []) : [],
      postPath: post?.path,
      ...(day.day === today ? { incomplete: true } : {}),
    }
  })
  const posts = [...postOf.values()].map((post) => post.path)
  const papers = [...postOf.values()].reduce((sum, post) => sum + post.papers.length, 0)
  if (files.length === 0) {
    const listed = plans.reduce((sum, plan) => sum + plan.listed.length, 0)
    const filtered = noneSelected(listed, settings)
    return {
      days,
      posts: [],
      papers: 0,
      skipped: filtered ? `${range}: ${filtered}` : `no papers on ${range}`,
      refreshed: refresh.finish(),
    }
  }
  // Committed with the posts, so that a re-run finds them and asks the model nothing.
  files.push(...(summaries?.files ?? []))

  const changes: ChangeSet = {
    files,
    message: fillTemplate(settings.commitMessage, { ...rangeValues(settings), date: range }),
    overwrite: settings.overwrite,
    record: refresh.record(),
  }
  const published = await log.group(`Publish (${settings.mode})`, () => publisher.publish(changes))
  const written = new Set(published.written)
  const refreshed = refresh.finish(published)
  return {
    days,
    posts: posts.filter((path) => written.has(path)),
    papers,
    commitSha: published.commitSha,
    commitUrl: published.commitUrl,
    pullRequestUrl: published.pullRequestUrl,
    failure: published.dispatchFailure,
    skipped: written.size > 0 ? undefined : nothingWrittenFor(posts, published.kept, range),
    refreshed,
    ...(summaries ? { summaries: summaries.stats } : {}),
  }
}

/**
 * The days before the run's first day, selected again from today's data as their own day would be; a
 * day with no papers now has nothing to refresh.
 */
function selectEarlier(
  earlierDays: DayPapers[],
  settings: Settings,
): Array<{ plan: PostPlan; papers: Paper[] }> {
  return earlierDays
    .map(dailyPlan)
    .map((plan) => ({ plan, papers: selectPapers(plan.listed, settings) }))
    .filter(({ papers }) => papers.length > 0)
}

/** Why nothing was written although there was something to publish: the run's own posts, or refreshed ones. */
function nothingWrittenFor(posts: string[], kept: PublishResult['kept'], range: string): string {
  if (posts.length === 0) return `no papers on ${range}, and the earlier posts stay as they are`
  return nothingWritten(posts, kept)
}

function postPath(plan: PostPlan, settings: Settings): string {
  return posix.join(settings.postsDir, fillTemplate(settings.filename, plan.values))
}

function describeRefresh(days: string[]): string {
  return days.length === 0
    ? ''
    : `; refresh ${describeRange({ from: days[0] as string, to: days.at(-1) as string })}`
}

/** Fetches a few days at a time, in order of the result, logging `[12/250] 2025-03-14: 23 papers`. */
async function fetchDays(days: string[], source: PaperSource, log: Log): Promise<DayPapers[]> {
  let done = 0
  return pMap(
    days,
    async (day) => {
      const result = await source.fetchDay(day)
      for (const invalid of result.invalid) {
        log.warning(`${day}: left out paper ${invalid.id}: ${invalid.field}: ${invalid.problem}`)
      }
      for (const paper of result.papers) {
        for (const { field, problem } of paper.omitted ?? []) {
          log.warning(`${day}: paper ${paper.id}: left out ${field}: ${problem}`)
        }
      }
      for (const paper of result.offDay ?? []) {
        log.warning(
          `${day}: left out paper ${paper.id}: Hugging Face lists it on ${paper.listedOn}, not on ${day}`,
        )
      }
      if (result.papers.length === 0 && result.invalid.length > 0) {
        throw new DigestError(
          `${day}: all ${result.invalid.length} papers Hugging Face listed failed validation; the API may have changed its format`,
        )
      }
      done++
      log.info(`${days.length > 1 ? `[${done}/${days.length}] ` : ''}${day}: ${result.papers.length} papers`)
      return result
    },
    { concurrency: FETCH_CONCURRENCY },
  )
}

/** `11 listed, none passed min-upvotes 10`, when the filters left no paper of those listed. */
function noneSelected(listed: number, settings: Settings): string | undefined {
  return listed > 0 ? `${listed} listed, none passed ${describeFilters(settings)}` : undefined
}

function dailyPlan({ day, papers }: DayPapers): PostPlan {
  return { label: day, listed: papers, values: dayValues(day), dateDay: day }
}

/** A weekly or monthly digest: every paper of the period once, in its latest (most upvoted) listing. */
function periodPlan(fetched: DayPapers[], settings: Settings): PostPlan {
  const merged = new Map<string, Paper>()
  for (const paper of fetched.flatMap((day) => day.papers)) {
    const seen = merged.get(paper.id)
    if (!seen || paper.upvotes > seen.upvotes) merged.set(paper.id, paper)
  }
  return {
    label: describeRange(settings),
    listed: [...merged.values()],
    values: rangeValues(settings),
    dateDay: settings.from,
    period: {
      from: settings.from,
      to: settings.to,
      days: fetched.filter((day) => day.papers.length > 0).length,
    },
  }
}

function renderPlan(
  plan: PostPlan,
  papers: Paper[],
  settings: Settings,
  now: Date,
  summaries: ModelSummaries | undefined,
): string {
  return renderPost(papers, {
    language: settings.language,
    title: fillTemplate(settings.title, plan.values),
    date: postDate(plan.dateDay, settings.postTime, settings.timezone, now),
    categories: settings.categories,
    tags: settings.tags,
    author: settings.author,
    permalink: settings.permalink && fillTemplate(settings.permalink, plan.values),
    fields: settings.fields,
    listed: plan.listed.length,
    ...(plan.period ? { period: { ...plan.period, listed: plan.listed } } : {}),
    ...(summaries ? { enriched: summaries.byId } : {}),
  })
}

/** `{data-dir}/daily-{day}.json` for each day with papers: deterministic, so re-runs change nothing. */
function dataFiles(fetched: DayPapers[], dataDir: string): FileChange[] {
  return fetched
    .filter((day) => day.papers.length > 0)
    .map((day) => ({
      path: posix.join(dataDir, `daily-${day.day}.json`),
      content: `${JSON.stringify(day.papers, null, 2)}\n`,
    }))
}

function dayValues(day: string): TemplateValues {
  return { date: day, from: day, to: day, week: isoWeek(day), month: day.slice(0, 7) }
}

/** For a range or period `{date}` is its first day in names, and `FROM..TO` in the commit message. */
function rangeValues({ from, to }: Settings): TemplateValues {
  return { ...dayValues(from), to }
}

function describeRange({ from, to }: Pick<Settings, 'from' | 'to'>): string {
  return from === to ? from : `${from}..${to}`
}
