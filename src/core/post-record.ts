import { gitBlobOid } from './git-blob.js'
import type { FileChange } from './file-change.js'
import { statePath, updatedStateFiles, type StateFile, type StateFormat } from './state-file.js'
import { z } from './zod.js'

/**
 * The record of what the action wrote: for each post, the git blob id of the content it wrote and
 * the ranking that content shows. A later run rewrites a post only while the post still has that
 * blob id (a person's edit changes it), and explains a rewrite by comparing rankings. A state file
 * per day of the post (state-file.ts), so that the posts themselves stay exactly as rendered.
 */

/** A paper of a post's ranking: arXiv id and upvotes, in rank order. */
export type RankedPaper = readonly [id: string, upvotes: number]

export interface RecordEntry {
  /** The git blob id of the content the action wrote. */
  blob: string
  papers: readonly RankedPaper[]
}

/**
 * What a publisher needs to keep the record true: the record files as read (only those it may
 * rewrite), and for each post the action may write, its record file and ranking.
 */
export interface RecordUpdate {
  files: ReadonlyMap<string, StateFile<RecordEntry>>
  posts: ReadonlyMap<string, { record: string; papers: readonly RankedPaper[] }>
}

const entrySchema = z.strictObject({
  blob: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
  papers: z.array(z.tuple([z.string().check(z.maxLength(64)), z.int().check(z.nonnegative())])),
})

export const POST_RECORD: StateFormat<RecordEntry> = {
  name: 'posts',
  about:
    'What hf-daily-papers wrote to each post (the git blob id and the ranking it shows), so that refresh-days rewrites a post only while nobody has edited it. Delete an entry and that post is never refreshed.',
  kind: 'a record of posts',
  unusable: 'it cannot read',
  purpose: 'the action can record the posts it writes',
  readEntry(value) {
    const entry = entrySchema.safeParse(value)
    return entry.success ? { entry: entry.data, unusable: 0 } : { unusable: 1 }
  },
}

/**
 * The record file of a post whose `{date}` is `day`: a file per day (its shard is the day itself, digits
 * only), so that runs and pull requests of different days never touch the same file: two open pull
 * requests of two days merge without a conflict.
 */
export function recordPath(day: string): string {
  return statePath(POST_RECORD, day)
}

/**
 * The record files that change because these files are written: each written post gets an entry with
 * its new blob id, every other entry stays. None when no recorded post is written, so a run that
 * writes nothing changes no record. Pure, one rule for every publisher.
 */
export function recordChanges(
  update: RecordUpdate | undefined,
  written: readonly FileChange[],
): FileChange[] {
  if (update === undefined) return []
  return updatedStateFiles(
    POST_RECORD,
    update.files,
    written.flatMap((file) => {
      const post = update.posts.get(file.path)
      if (post === undefined) return []
      return [
        { path: post.record, key: file.path, entry: { blob: gitBlobOid(file.content), papers: post.papers } },
      ]
    }),
  )
}
