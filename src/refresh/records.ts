import {
  recordPath,
  type RankedPaper,
  type RecordedPeriod,
  type RecordEntry,
  type RecordUpdate,
} from '../core/post-record.js'
import type { Paper } from '../core/paper.js'
import type { StateFile } from '../core/state-file.js'
import type { Settings } from '../settings/settings.js'

/** By path. */
export type PostRecords = ReadonlyMap<string, StateFile<RecordEntry>>

/** How a post's record entry names its period, so that no later post takes it for that day's own. */
export const RECORDED_PERIOD: Record<Settings['digest'], RecordedPeriod | undefined> = {
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
  period?: RecordedPeriod
}

/**
 * A weekly or monthly post that an earlier build recorded in its first day's file is still guarded by
 * that entry until its period's own file has one; the old entry is never rewritten.
 */
export function recordEntry(
  records: PostRecords,
  { day, path, period }: Pick<RecordedPost, 'day' | 'path' | 'period'>,
): RecordEntry | undefined {
  const entry = records.get(recordPath(day, period))?.entries.get(path)
  return entry ?? (period === undefined ? undefined : records.get(recordPath(day))?.entries.get(path))
}

export function ranking(papers: readonly Paper[]): RankedPaper[] {
  return papers.map((paper) => [paper.id, paper.upvotes] as const)
}

/** The writable record files and the posts whose entries they hold. */
export function recordUpdate(records: PostRecords, posts: readonly RecordedPost[]): RecordUpdate {
  const files = new Map([...records].filter(([, file]) => file.writable))
  return {
    files,
    posts: new Map(
      posts
        .filter((post) => files.has(recordPath(post.day, post.period)))
        .map((post) => [
          post.path,
          {
            record: recordPath(post.day, post.period),
            papers: ranking(post.papers),
            ...(post.period && { period: post.period }),
          },
        ]),
    ),
  }
}
