import pMap from 'p-map'
import { gitBlobOid } from '../core/git-blob.js'
import type { Log } from '../core/log.js'
import {
  parseRecord,
  recordPath,
  type RankedPaper,
  type RecordEntry,
  type RecordFile,
  type RecordUpdate,
} from '../core/post-record.js'
import type { Paper } from '../core/paper.js'

/** The record files of a run, by path; `writable` is false for a file that is not entirely understood. */
export type PostRecords = ReadonlyMap<string, RecordFile & { writable: boolean }>

/** A post this run may write, for its record entry. */
export interface RecordedPost {
  /** The post's `{date}`: its record file is that day's month. */
  day: string
  path: string
  /** Ranked, as the post shows them. */
  papers: readonly Paper[]
}

/** Record files read at once: a three-year backfill touches 37. */
const READ_CONCURRENCY = 4

/**
 * Reads the record files of the months these days fall in. A file that is not entirely understood is
 * read as far as it can be and left as it is, with a warning: posts without a usable entry are then
 * simply not refreshed.
 */
export async function readRecords(
  days: readonly string[],
  readText: (path: string) => Promise<string | undefined>,
  log: Log,
): Promise<PostRecords> {
  const paths = [...new Set(days.map(recordPath))]
  const files = await pMap(
    paths,
    async (path): Promise<[string, RecordFile & { writable: boolean }]> => {
      const text = await readText(path)
      if (text === undefined) return [path, { entries: new Map(), writable: true }]
      const { entries, problem } = parseRecord(text)
      if (problem !== undefined) {
        log.warning(
          `${path} ${problem}: what can be read of it is used, but the file is left as it is; fix or delete it so that the action can record the posts it writes`,
        )
      }
      return [path, { entries, readOid: gitBlobOid(text), writable: problem === undefined }]
    },
    { concurrency: READ_CONCURRENCY },
  )
  return new Map(files)
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
