import { describeRange, todayIncompleteWarning } from '../core/day-range.js'
import type { ChangeSet, FileChange, Publisher, PublishResult } from '../core/changes.js'
import { changePathsProblem } from '../core/file-change.js'
import { eachDay, formatDay } from '../core/calendar.js'
import type { Clock } from '../core/clock.js'
import { warningsOnce, type Log } from '../core/log.js'
import { fillTemplate } from '../core/template.js'
import type { DispatchWorkflow } from '../publish/dispatch.js'
import { nothingWritten } from '../publish/nothing-written.js'
import {
  finishRefresh,
  planRefreshOf,
  protectEdits,
  startRefresh,
  type PlannedRefresh,
  type RefreshStart,
} from '../refresh/stage.js'
import type { DayOutcome, DigestResult } from '../report/result.js'
import type { Settings } from '../settings/settings.js'
import { ignoredDate } from '../source/drift.js'
import type { DayPapers } from '../core/paper.js'
import type { PaperSource } from '../source/source.js'
import { prepareLanguage } from '../digest/index.js'
import { DigestError } from './errors.js'
import { linkedPeriodPlan } from './daily-posts.js'
import { fetchDays } from './fetch.js'
import { modelSummaries } from './model-summaries.js'
import { dailyPlan, dataFiles, noneSelected, rangeValues } from './plans.js'
import { renderPosts, selectPosts, type RenderedPosts } from './posts.js'

export interface Collaborators {
  source: PaperSource
  publisher: Publisher
  /** Commit mode with `dispatch-workflow`. */
  dispatch?: DispatchWorkflow
  log: Log
  clock: Clock
}

/** fetch → plan → select → summaries → render → refresh → publish → result. */
export async function runDigest(settings: Settings, given: Collaborators): Promise<DigestResult> {
  const collaborators = { ...given, log: warningsOnce(given.log) }
  const { log } = collaborators
  const fetched = await fetchPhase(settings, collaborators)
  const plans =
    settings.digest === 'daily'
      ? fetched.own.map(dailyPlan)
      : [await linkedPeriodPlan(fetched.own, settings, collaborators.publisher, log)]
  const selected = selectPosts(plans, fetched.earlier, settings)
  // Asked for once, before any post is rendered, for the posts that will be written.
  const summaries = await modelSummaries(selected, fetched.refresh, settings, collaborators)
  const rendered = await renderPosts(selected, summaries, settings, collaborators)
  const refresh = await planRefreshOf(fetched.refresh, rendered.earlier, rendered.own)
  for (const [own, other] of refresh.alsoRecorded)
    log.warning(
      `${other} is recorded as the action's post for this ${settings.digest === 'weekly' ? 'week' : 'month'} too (written under another filename or posts-dir); it is left as it is: delete it if ${own} replaces it`,
    )
  const data = settings.dataDir === undefined ? [] : dataFiles(fetched.own, settings.dataDir)
  const files = [...protectEdits(rendered.files, refresh), ...data, ...refresh.plan.files]
  const pathsProblem = changePathsProblem(files.map((file) => file.path))
  if (pathsProblem !== undefined) throw new DigestError(`Nothing written: ${pathsProblem}`)
  const days = dayOutcomes(fetched, rendered, settings)
  const range = describeRange(settings)
  if (files.length === 0) {
    const listed = selected.own.reduce((sum, { plan }) => sum + plan.listed.length, 0)
    const filtered = noneSelected(listed, settings)
    return {
      days,
      posts: [],
      papers: 0,
      skipped: filtered ? `${range}: ${filtered}` : `no papers on ${range}`,
      refreshed: finishRefresh(refresh.plan, undefined, log),
    }
  }
  // The summaries are committed with the posts, so that a re-run finds them and asks the model nothing.
  const published = await publishPhase(
    [...files, ...(summaries?.cacheFiles ?? [])],
    refresh,
    settings,
    collaborators,
  )
  return {
    days,
    ...ownPostsResult(rendered.own, published, range),
    refreshed: finishRefresh(refresh.plan, published.result, log),
    ...(summaries ? { summaries: summaries.stats } : {}),
  }
}

/** What the run tells of its own posts once the publisher has answered. */
function ownPostsResult(
  own: RenderedPosts['own'],
  { result, dispatchFailure }: Awaited<ReturnType<typeof publishPhase>>,
  range: string,
) {
  const written = new Set(result.written)
  const posts = own.map((post) => post.path)
  const ownWritten = posts.filter((path) => written.has(path))
  return {
    posts: ownWritten,
    papers: own.reduce((sum, post) => sum + post.papers.length, 0),
    commitSha: result.commitSha,
    commitUrl: result.commitUrl,
    pullRequestUrl: result.pullRequestUrl,
    failure: dispatchFailure,
    skipped: written.size > 0 ? undefined : nothingWrittenFor(posts, result.kept, range),
    ...(written.size > 0 && posts.length > 0 && ownWritten.length === 0
      ? { ownKept: nothingWritten(posts, result.kept) }
      : {}),
  }
}

interface Fetched {
  own: DayPapers[]
  earlier: DayPapers[]
  today: string
  refresh: RefreshStart
}

/** Ends a run on a server that ignores `date=`. */
async function fetchPhase(
  settings: Settings,
  { source, publisher, log, clock }: Collaborators,
): Promise<Fetched> {
  const refresh = startRefresh(settings, publisher, log)
  // Of the run's two waits GitHub's answer is the longer: its read goes out before the days.
  if (refresh.records !== undefined) await readsSent()
  let label = describeRange(settings)
  const [first] = refresh.days
  if (first !== undefined) label += `; refresh ${describeRange({ from: first, to: refresh.days.at(-1)! })}`
  // A daily run's day and its refresh days go out at once, a request each; a digest of a period or a
  // backfill a week or a month to a request.
  const byPeriod = settings.digest !== 'daily' || settings.from !== settings.to
  const fetching = log.group(`Fetch papers (${label})`, () =>
    fetchDays([...eachDay(settings.from, settings.to), ...refresh.days], source, log, byPeriod),
  )
  // The answers are a round trip away, and rendering the first post would set up ICU for the language:
  // done while waiting instead, once the requests are under way (a turn of the event loop after).
  setImmediate(() => prepareLanguage(settings.language))
  const all = await fetching
  const own = all.slice(0, all.length - refresh.days.length)
  const earlier = all.slice(own.length)
  // The run's own days first, then with the earlier days, oldest first: one deaf day list is enough.
  const dateIgnored = ignoredDate(own) ?? ignoredDate([...earlier, ...own])
  if (dateIgnored !== undefined) throw new DigestError(dateIgnored)
  const today = formatDay(clock.now())
  if (own.some((day) => day.day === today))
    log.warning(todayIncompleteWarning(today, '"yesterday"', settings.digest))
  return { own, earlier, today, refresh }
}

/**
 * Resolves once the reads asked for so far have gone out: publish/read-batch.ts gathers the paths asked
 * for until the event loop turns (setImmediate), and the record's reads are asked for a few microtasks
 * after startRefresh returns, so one turn later they are sent.
 */
function readsSent(): Promise<void> {
  return new Promise((sent) => setImmediate(() => setImmediate(sent)))
}

async function publishPhase(
  files: FileChange[],
  refresh: PlannedRefresh,
  settings: Settings,
  { publisher, dispatch, log }: Collaborators,
) {
  const changes: ChangeSet = {
    files,
    message: fillTemplate(settings.commitMessage, {
      ...rangeValues(settings),
      date: describeRange(settings),
    }),
    overwrite: settings.overwrite,
    record: refresh.record,
  }
  return log.group(`Publish (${settings.target.mode})`, async () => {
    const result = await publisher.publish(changes)
    // After the commit's retries, never inside them: a moved branch must not start the workflow twice.
    const dispatchFailure =
      result.commitBranch === undefined ? undefined : await dispatch?.(result.commitBranch)
    return { result, dispatchFailure }
  })
}

function dayOutcomes(fetched: Fetched, rendered: RenderedPosts, settings: Settings): DayOutcome[] {
  const daily = settings.digest === 'daily'
  const range = describeRange(settings)
  const posts = new Map(rendered.own.map((post) => [post.label, post]))
  return fetched.own.map((day) => {
    const post = posts.get(daily ? day.day : range)
    return {
      day: day.day,
      listed: day.papers.length,
      papers: daily ? (post?.papers ?? []) : [],
      postPath: post?.path,
      ...(day.day === fetched.today ? { incomplete: true } : {}),
    }
  })
}

/** Why nothing was written although there was something to publish. */
function nothingWrittenFor(posts: string[], kept: PublishResult['kept'], range: string): string {
  if (posts.length === 0) return `no papers on ${range}, and the earlier posts stay as they are`
  return nothingWritten(posts, kept)
}
