import {
  recordPath,
  type RankedPaper,
  type RecordedPeriod,
  type RecordEntry,
  type RecordUpdate,
} from '../core/post-record.js'
import type { Paper } from '../core/paper.js'
import type { StateFile } from '../core/state-file.js'

/** By path. */
export type PostRecords = ReadonlyMap<string, StateFile<RecordEntry>>

/** A post this run may write. */
export interface RecordedPost {
  /** The post's `{date}`: its record file is that day's. */
  day: string
  path: string
  /** Ranked, as the post shows them. */
  papers: readonly Paper[]
  /** A weekly or monthly post's: so that no later post takes it for its first day's own. */
  period?: RecordedPeriod
}

export function recordEntry(records: PostRecords, day: string, path: string): RecordEntry | undefined {
  return records.get(recordPath(day))?.entries.get(path)
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
        .filter((post) => files.has(recordPath(post.day)))
        .map((post) => [
          post.path,
          {
            record: recordPath(post.day),
            papers: ranking(post.papers),
            ...(post.period && { period: post.period }),
          },
        ]),
    ),
  }
}
