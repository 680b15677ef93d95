import { addDays, eachDay } from '../core/calendar.js'
import type { FileChange, KeptReason, Publisher, PublishResult } from '../core/changes.js'
import type { Log } from '../core/log.js'
import type { WritePolicy } from '../core/file-change.js'
import type { LanguageTag } from '../core/languages.js'
import type { Paper } from '../core/paper.js'
import { POST_RECORD, recordShards, type RecordEntry } from '../core/post-record.js'
import { readStateFiles, type StateFile } from '../core/state-file.js'
import type { Settings } from '../settings/settings.js'
import {
  isThere,
  RECORDED_PERIOD,
  recordEntry,
  recordPaths,
  recordUpdate,
  type PostRecords,
  type RecordedPost,
} from './records.js'
import {
  logRefresh,
  planRefresh,
  type EarlierPost,
  type RefreshedPost,
  type RefreshPlan,
  type RefreshStatus,
} from './refresh.js'

/** Weekly and monthly digests refresh nothing: their own period is fetched whole each run. */
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

export type RefreshStart = ReturnType<typeof startRefresh>

/**
 * Starts reading the record files, so that they arrive while Hugging Face answers. `days`: the earlier
 * days to fetch besides the run's own, oldest first.
 */
export function startRefresh(
  settings: Settings,
  publisher: Pick<Publisher, 'readText' | 'otherPullRequests'>,
  log: Log,
): {
  days: string[]
  language: Settings['language']
  records?: Promise<PostRecords>
  otherPullRequests?: () => Promise<ReadonlyMap<string, string>>
} {
  const window = refreshWindow(settings)
  if (window.off !== undefined) log.info(window.off)
  const { language } = settings
  if (settings.target.mode === 'dry-run') return { days: window.days, language }
  const period = RECORDED_PERIOD[settings.digest]
  const own = period === undefined ? eachDay(settings.from, settings.to) : [settings.from]
  const shards = new Set([...window.days, ...own].flatMap((day) => recordShards(day, period)))
  const records = readStateFiles(POST_RECORD, shards, (path) => publisher.readText(path), log)
  // Awaited by planRefreshOf; a run that fails before then must not leave an unhandled rejection.
  records.catch(() => undefined)
  const otherPullRequests = publisher.otherPullRequests?.bind(publisher)
  return { days: window.days, language, records, otherPullRequests }
}

export type PlannedRefresh = Awaited<ReturnType<typeof planRefreshOf>>

/** The run's own post, with the papers its day (or period) lists now. */
export type OwnPost = RecordedPost & { listed?: readonly Paper[] }

/** `own`: the run's own posts, which win over an earlier day that has the same file. */
export async function planRefreshOf(
  start: RefreshStart,
  earlier: readonly EarlierPost[],
  own: readonly OwnPost[],
) {
  const records = (await start.records) ?? new Map()
  const others = earlier.length > 0 ? await start.otherPullRequests?.() : undefined
  const plan = planRefresh(earlier, records, new Set(own.map((post) => post.path)), others)
  return {
    plan,
    record:
      start.records === undefined
        ? undefined
        : recordUpdate(records, [...own, ...plan.rewritten], start.language),
    /** Path → how the record guards the run's own post against overwriting a person's edit. */
    guards: new Map(start.records === undefined ? [] : own.flatMap((post) => guardOf(records, post))),
    /** Other posts its record gives the run's own period post's period, in its language: [own, other]. */
    alsoRecorded: own.flatMap((post) => alsoRecorded(records, post, start.language)),
  }
}

/**
 * A weekly or monthly post's record file may name another post of the action's for the same period and
 * language: one written under another `filename` or `posts-dir`, which the run leaves as it is.
 */
function alsoRecorded(records: PostRecords, post: OwnPost, language: LanguageTag): Array<[string, string]> {
  if (post.period === undefined) return []
  const [own] = recordPaths(post)
  return [...(records.get(own!)?.entries ?? [])]
    .filter(
      ([path, entry]) => path !== post.path && entry.period === post.period && entry.language === language,
    )
    .map(([path]) => [post.path, path])
}

/**
 * The git blob id the record says the action wrote; or, where the post's own record file holds no entry
 * for it (a person removed it) or cannot be read, that it is not known. Without a file of its own, an older
 * layout's entry guards it (see recordEntry), and an older file that cannot be read may hide one; with
 * neither, a post already there is someone else's (by hand, another tool) and is held too. A post whose
 * recorded papers Hugging Face mostly no longer lists is held, as the refresh holds one.
 */
function guardOf(records: PostRecords, post: OwnPost): Array<[string, WritePolicy]> {
  const { path, listed } = post
  const held = (why: HeldReason): Array<[string, WritePolicy]> => [[path, { kind: 'held', why }]]
  const entry = recordEntry(records, post)
  if (entry !== undefined) {
    const ids = new Set(listed?.map((paper) => paper.id))
    const stillListed = listed ? entry.papers.filter(([id]) => ids.has(id)).length : entry.papers.length
    if (stillListed * 2 < entry.papers.length) return held('shrunk')
    return [[path, { kind: 'overwrite', lastWritten: entry.blob }]]
  }
  const [own, ...older] = recordPaths(post).map((file) => records.get(file))
  // A file nothing could be read from, or this post's entry in it, may hide the entry.
  const unread = (file: StateFile<RecordEntry> | undefined) =>
    (file?.writable === false && file.entries.size === 0) || file?.kept?.has(path) === true
  // Its own file's entry may be that of a post a person deleted: it is not written again either. An older
  // layout's file was written by earlier builds only, so a post gone from it is this run's to write.
  if (unread(own)) return [[path, { kind: 'held', why: 'record-unreadable', evenWhenGone: true }]]
  if (older.some(unread)) return held('record-unreadable')
  if (!isThere(own)) return held('not-recorded')
  // A file with no entry at all had every entry removed by a person: a post of it that is gone stays gone.
  // One with others' entries (another workflow's, another language's) may never have named this post.
  if (own.entries.size > 0) return held('opted-out')
  return [[path, { kind: 'held', why: 'opted-out', evenWhenGone: true }]]
}

type HeldReason = Extract<WritePolicy, { kind: 'held' }>['why']

export function protectEdits(files: readonly FileChange[], refresh: PlannedRefresh): FileChange[] {
  return files.map((file) => {
    const policy = refresh.guards.get(file.path)
    return policy === undefined ? file : { ...file, policy }
  })
}

/** What a rewrite the publisher kept became; any other reason means a person edited the post. */
const KEPT_STATUS: Partial<Record<KeptReason, RefreshStatus>> = {
  unchanged: 'current',
  deleted: 'deleted',
  unrecorded: 'unrecorded',
  'other-pull-request': 'pull-request',
}

/** Logged. */
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
  logRefresh(posts, plan.missed, log)
  return posts
}
