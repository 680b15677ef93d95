import type { Log } from '../core/log.js'
import {
  POST_RECORD,
  recordPath,
  type RankedPaper,
  type RecordEntry,
  type RecordUpdate,
} from '../core/post-record.js'
import type { Paper } from '../core/paper.js'
import { readStateFiles, type StateFile } from '../core/state-file.js'

/** The record files of a run, by path. */
export type PostRecords = ReadonlyMap<string, StateFile<RecordEntry>>

/** A post this run may write, for its record entry. */
export interface RecordedPost {
  /** The post's `{date}`: its record file is that day's. */
  day: string
  path: string
  /** Ranked, as the post shows them. */
  papers: readonly Paper[]
}

/**
 * Reads the record files of these days. A file that is not entirely understood is read as far as it can
 * be and left as it is, with a warning: posts without a usable entry are then simply not refreshed.
 */
export function readRecords(
  days: readonly string[],
  readText: (path: string) => Promise<string | undefined>,
  log: Log,
): Promise<PostRecords> {
  return readStateFiles(POST_RECORD, days, readText, log)
}

/** What the action last wrote to the post of `day` at `path`, if it knows. */
export function recordEntry(records: PostRecords, day: string, path: string): RecordEntry | undefined {
  return records.get(recordPath(day))?.entries.get(path)
}

/** A post's ranking as the record keeps it. */
export function ranking(papers: readonly Paper[]): RankedPaper[] {
  return papers.map((paper) => [paper.id, paper.upvotes] as const)
}

/** The change set's `record`: the writable record files and the posts whose entries they hold. */
export function recordUpdate(records: PostRecords, posts: readonly RecordedPost[]): RecordUpdate {
  const files = new Map([...records].filter(([, file]) => file.writable))
  return {
    files,
    posts: new Map(
      posts
        .filter((post) => files.has(recordPath(post.day)))
        .map((post) => [post.path, { record: recordPath(post.day), papers: ranking(post.papers) }]),
    ),
  }
}
