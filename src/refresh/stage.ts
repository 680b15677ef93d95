import { addDays, eachDay } from '../core/calendar.js'
import type { FileChange, KeptReason, PublishResult } from '../core/changes.js'
import type { Log } from '../core/log.js'
import type { Settings } from '../settings/settings.js'
import { readRecords, recordEntry, recordUpdate, type PostRecords, type RecordedPost } from './records.js'
import {
  logRefresh,
  planRefresh,
  type EarlierPost,
  type RefreshedPost,
  type RefreshPlan,
  type RefreshStatus,
} from './refresh.js'

/**
 * The `refresh-days` days before a daily digest's first day, and why none are when refresh-days asks
 * for them. Weekly and monthly digests refresh nothing (their own period is fetched whole each run).
 * `overwrite: never` promises to leave existing posts alone, and refresh is on by default, so it
 * yields; a dry run reads no record of what was written, so it could only guess.
 */
export function refreshWindow(
  settings: Pick<Settings, 'refreshDays' | 'digest' | 'overwrite' | 'target' | 'from'>,
): { days: string[]; off?: string } {
  if (settings.refreshDays === 0 || settings.digest !== 'daily') return { days: [] }
  const off =
    settings.overwrite === 'never'
      ? 'overwrite is "never": earlier posts are left as they are (refresh-days)'
      : settings.target.mode === 'dry-run'
        ? 'a dry run reads no record of earlier posts, so none is refreshed (refresh-days)'
        : undefined
  if (off !== undefined) return { days: [], off }
  return { days: eachDay(addDays(settings.from, -settings.refreshDays), addDays(settings.from, -1)) }
}

/** The refresh as a run starts it. */
export type RefreshStart = ReturnType<typeof startRefresh>

/**
 * Says why refresh is off when it is, and starts reading the record files of the days the run's
 * posts fall in, so that they arrive while Hugging Face answers. A dry run reads and records nothing.
 * `days`: the earlier days to fetch besides the run's own, oldest first.
 */
export function startRefresh(
  settings: Settings,
  readText: (path: string) => Promise<string | undefined>,
  log: Log,
): { days: string[]; records?: Promise<PostRecords> } {
  const window = refreshWindow(settings)
  if (window.off !== undefined) log.info(window.off)
  if (settings.target.mode === 'dry-run') return { days: window.days }
  const ownDays = settings.digest === 'daily' ? eachDay(settings.from, settings.to) : [settings.from]
  const records = readRecords([...window.days, ...ownDays], readText, log)
  // Awaited by planRefreshOf; a run that fails before then must not leave an unhandled rejection.
  records.catch(() => undefined)
  return { days: window.days, records }
}

/** The refresh planned against the record: what to rewrite, and the change set's record. */
export type PlannedRefresh = Awaited<ReturnType<typeof planRefreshOf>>

/**
 * Compares the earlier posts with the record once it is read. `own` are the posts of the run's own
 * days, which win over an earlier day that has the same file.
 */
export async function planRefreshOf(
  start: RefreshStart,
  earlier: readonly EarlierPost[],
  own: readonly RecordedPost[],
) {
  const records = (await start.records) ?? new Map()
  const plan = planRefresh(earlier, records, new Set(own.map((post) => post.path)))
  return {
    plan,
    /** The run's own posts and the rewritten ones; undefined in a dry run. */
    record: start.records === undefined ? undefined : recordUpdate(records, [...own, ...plan.rewritten]),
    /** The run's own posts the record says the action wrote: path → the git blob id it wrote. */
    lastWritten: new Map(
      own.flatMap(({ day, path }) => {
        const blob = recordEntry(records, day, path)?.blob
        return blob === undefined ? [] : [[path, blob] as const]
      }),
    ),
  }
}

/**
 * The run's own posts, each the record says the action wrote carrying what it wrote: under
 * `overwrite: changed`, a post a person edited since is kept (see WritePolicy); one with no record is
 * written as it always was, so that a blog moving to this version is taken over.
 */
export function protectEdits(files: readonly FileChange[], refresh: PlannedRefresh): FileChange[] {
  return files.map((file) => {
    const lastWritten = refresh.lastWritten.get(file.path)
    return lastWritten === undefined ? file : { ...file, policy: { kind: 'overwrite', lastWritten } }
  })
}

/** What a rewrite the publisher kept became; any other reason means a person edited the post. */
const KEPT_STATUS: Partial<Record<KeptReason, RefreshStatus>> = {
  unchanged: 'current',
  deleted: 'deleted',
  unrecorded: 'unrecorded',
}

/** What became of each earlier post (`published`: when something was published), logged. */
export function finishRefresh(
  plan: RefreshPlan,
  published: Pick<PublishResult, 'kept'> | undefined,
  log: Log,
): RefreshedPost[] {
  const kept = new Map(published?.kept.map(({ path, reason }) => [path, reason]))
  const posts = plan.posts.map((post) => {
    const reason = post.status === 'rewritten' ? kept.get(post.path) : undefined
    return reason === undefined ? post : { ...post, status: KEPT_STATUS[reason] ?? 'edited' }
  })
  logRefresh(posts, log)
  return posts
}
