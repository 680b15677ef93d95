import {
  POST_RECORD,
  recordPath,
  recordShards,
  type RankedPaper,
  type RecordEntry,
  type RecordUpdate,
} from '../core/post-record.js'
import type { LanguageTag } from '../core/languages.js'
import type { Paper } from '../core/paper.js'
import { statePath, type StateFile, type StatePeriod } from '../core/state-file.js'
import type { Settings } from '../settings/settings.js'

/** By path. */
export type PostRecords = ReadonlyMap<string, StateFile<RecordEntry>>

/** A post's period: its record and summaries files (periodShard) and the mark in its record entry. */
export const RECORDED_PERIOD: Record<Settings['digest'], StatePeriod | undefined> = {
  daily: undefined,
  weekly: 'week',
  monthly: 'month',
}

/** A post this run may write. */
export interface RecordedPost {
  /** The post's `{date}`: a daily post's record file is that day's. */
  day: string
  path: string
  /** Ranked, as the post shows them. */
  papers: readonly Paper[]
  /** A weekly or monthly post's: its record file is its period's. */
  period?: StatePeriod
}

/** See recordShards: the post's own file first. */
export function recordPaths({ day, period }: Pick<RecordedPost, 'day' | 'period'>): string[] {
  return recordShards(day, period).map((shard) => statePath(POST_RECORD, shard))
}

/** A file the run asked for and found: one that is not there is read as writable and empty. */
export const isThere = (file: StateFile<RecordEntry> | undefined): file is StateFile<RecordEntry> =>
  file !== undefined && !(file.writable && file.readOid === undefined)

/**
 * The post's own file's entry; else an older layout's, which guards the post until the action writes it
 * again (one record file holds every post of its day: another post's entry, another workflow's or another
 * language's, says nothing of this one's).
 */
export function recordEntry(
  records: PostRecords,
  post: Pick<RecordedPost, 'day' | 'path' | 'period'>,
): RecordEntry | undefined {
  return recordPaths(post)
    .map((path) => records.get(path)?.entries.get(post.path))
    .find((entry) => entry !== undefined)
}

export function ranking(papers: readonly Paper[]): RankedPaper[] {
  return papers.map((paper) => [paper.id, paper.upvotes] as const)
}

/** The writable record files and the posts, in `language`, whose entries they hold. */
export function recordUpdate(
  records: PostRecords,
  posts: readonly RecordedPost[],
  language: LanguageTag,
): RecordUpdate {
  const files = new Map([...records].filter(([, file]) => file.writable))
  const entries = posts.flatMap(({ day, path, papers, period }) => {
    const record = recordPath(day, period)
    if (!files.has(record)) return []
    return [[path, { record, papers: ranking(papers), ...(period && { period }), language }] as const]
  })
  return { files, posts: new Map(entries) }
}
