import { gitBlobOid } from './git-blob.js'
import { LANGUAGE_TAGS, type LanguageTag } from './languages.js'
import type { FileChange } from './file-change.js'
import {
  periodShard,
  statePath,
  updatedStateFiles,
  type StateFile,
  type StateFormat,
  type StatePeriod,
} from './state-file.js'
import { z } from './zod.js'

/**
 * The record of what the action wrote: a post's git blob id and ranking. A later run rewrites a post
 * only while it still has that blob id (a person's edit changes it), and explains a rewrite by the
 * rankings. Kept in state files, so that the posts themselves stay exactly as rendered.
 */

export type RankedPaper = readonly [id: string, upvotes: number]

export interface RecordEntry {
  blob: string
  papers: readonly RankedPaper[]
  /**
   * A weekly or monthly post's mark. Earlier builds recorded such a post in its first day's file, where the
   * mark keeps a later post from taking it for that day's own; still written, so the entry says what it is.
   */
  period?: StatePeriod
  /** The post's language: a period post links its days' posts in its own (earlier builds wrote none). */
  language?: LanguageTag
}

/** The record files the publisher may rewrite, and each post's record file and ranking. */
export interface RecordUpdate {
  files: ReadonlyMap<string, StateFile<RecordEntry>>
  posts: ReadonlyMap<string, { record: string } & Omit<RecordEntry, 'blob'>>
}

const entrySchema = z.strictObject({
  blob: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
  papers: z.array(z.tuple([z.string().check(z.maxLength(64)), z.int().check(z.nonnegative())])),
  period: z.optional(z.enum(['week', 'month'])),
  language: z.optional(z.enum(LANGUAGE_TAGS as [LanguageTag, ...LanguageTag[]])),
})

export const POST_RECORD: StateFormat<RecordEntry> = {
  name: 'posts',
  about:
    'What hf-daily-papers wrote to each post (the git blob id and the ranking it shows), so that refresh-days rewrites a post only while nobody has edited it. Delete an entry and that post is never refreshed.',
  kind: 'a record of posts',
  unusable: 'it cannot read',
  unusableFate: 'kept as they are',
  repair:
    "fix it so that the action can record the posts it writes (deleted, it no longer keeps the posts it lists, and a person's edits of them, from being rewritten)",
  readEntry(value) {
    const entry = entrySchema.safeParse(value)
    return entry.success ? { entry: entry.data, unusable: 0 } : { unusable: 1 }
  },
}

/** A file per `{date}`, and per period for a weekly or monthly post (periodShard). */
export function recordPath(day: string, period?: StatePeriod): string {
  return statePath(POST_RECORD, recordShard(day, period))
}

/** `day` is the post's `{date}`, a period's first day. */
function recordShard(day: string, period?: StatePeriod): string {
  return period === undefined ? day : periodShard(day, period)
}

/**
 * The files that may hold a post's entry, its own first: then, for a weekly or monthly post, its first
 * day's, where the first 2.0 builds recorded it; then 1.x's file of its month (`2025-11`), read for its
 * posts and never written.
 */
export function recordShards(day: string, period?: StatePeriod): string[] {
  return [...new Set([recordShard(day, period), day, day.slice(0, 7)])]
}

/** Each written post's entry gets its new blob id; a run that writes nothing changes no record. */
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
      const { record, ...entry } = post
      return [{ path: record, key: file.path, entry: { blob: gitBlobOid(file.content), ...entry } }]
    }),
  )
}
