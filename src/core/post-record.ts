import { errorMessage } from './errors.js'
import { posix } from 'node:path'
import { gitBlobOid } from './git-blob.js'
import { parseJson } from './bounded-json.js'
import { z } from './zod.js'
import { MAX_STATE_FILE_BYTES, type FileChange } from './changes.js'

/**
 * The record of what the action wrote: for each post, the git blob id of the content it wrote and
 * the ranking that content shows. A later run rewrites a post only while the post still has that
 * blob id (a person's edit changes it), and explains a rewrite by comparing rankings. Kept in a dot
 * folder, which Jekyll neither publishes nor parses, one file per month of the post's day, so that
 * the posts themselves stay exactly as rendered.
 */
const RECORD_DIR = '.hf-daily-papers/posts'

/** A month of daily posts with a hundred papers each is ~0.2 MB; a larger file is not ours. */
const MAX_RECORD_FILE_BYTES = MAX_STATE_FILE_BYTES

const ABOUT =
  'What hf-daily-papers wrote to each post (the git blob id and the ranking it shows), so that refresh-days rewrites a post only while nobody has edited it. Delete an entry and that post is never refreshed.'

/** A paper of a post's ranking: arXiv id and upvotes, in rank order. */
export type RankedPaper = readonly [id: string, upvotes: number]

export interface RecordEntry {
  /** The git blob id of the content the action wrote. */
  blob: string
  papers: readonly RankedPaper[]
}

/** One record file as read before publishing. */
export interface RecordFile {
  /** Post path → what the action wrote there. */
  entries: ReadonlyMap<string, RecordEntry>
  /** The git blob id of the text that was read; undefined when there was no file. */
  readOid?: string
}

/**
 * What a publisher needs to keep the record true: the record files as read (only those it may
 * rewrite), and for each post the action may write, its record file and ranking.
 */
export interface RecordUpdate {
  files: ReadonlyMap<string, RecordFile>
  posts: ReadonlyMap<string, { record: string; papers: readonly RankedPaper[] }>
}

/** The record file of a post whose `{date}` is `day`. Built from the day's digits only. */
export function recordPath(day: string): string {
  return posix.join(RECORD_DIR, `${day.slice(0, 7)}.json`)
}

export interface ParsedRecord {
  entries: Map<string, RecordEntry>
  /** Set when the file is not entirely understood: its valid entries are used, but it is not rewritten. */
  problem?: string
}

const fileSchema = z.strictObject({
  about: z.optional(z.string()),
  posts: z.record(z.string(), z.unknown()),
})
const entrySchema = z.strictObject({
  blob: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
  papers: z.array(z.tuple([z.string().check(z.maxLength(64)), z.int().check(z.nonnegative())])),
})

/**
 * Reads a record file's text. A file that is too large, not JSON or not shaped as expected (a person
 * may have edited it) gives what can be read of it and a problem to warn about, never an error.
 */
export function parseRecord(text: string): ParsedRecord {
  const entries = new Map<string, RecordEntry>()
  if (Buffer.byteLength(text) > MAX_RECORD_FILE_BYTES) {
    return { entries, problem: `is larger than ${MAX_RECORD_FILE_BYTES / 1024 / 1024} MB` }
  }
  let json: unknown
  try {
    json = parseJson(text)
  } catch (error) {
    return { entries, problem: `is not valid JSON (${errorMessage(error)})` }
  }
  const file = fileSchema.safeParse(json)
  if (!file.success) return { entries, problem: 'is not a record of posts ({"posts": {…}} expected)' }
  let invalid = 0
  // The parsed JSON itself, whose keys are data: zod's copy may not keep a key like `__proto__`.
  for (const [path, value] of Object.entries((json as { posts: Record<string, unknown> }).posts)) {
    const entry = entrySchema.safeParse(value)
    if (entry.success) entries.set(path, entry.data)
    else invalid++
  }
  if (invalid === 0) return { entries }
  return { entries, problem: `has ${invalid} ${invalid === 1 ? 'entry' : 'entries'} it cannot read` }
}

/** The file's text: posts sorted, one paper a line, a final newline, so equal records give equal bytes. */
export function renderRecord(entries: ReadonlyMap<string, RecordEntry>): string {
  const posts = [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, { blob, papers }]) => {
      const ranking = papers.map(([id, upvotes]) => `\n        [${JSON.stringify(id)}, ${upvotes}]`)
      return [
        `    ${JSON.stringify(path)}: {`,
        `      "blob": ${JSON.stringify(blob)},`,
        `      "papers": [${ranking.join(',')}${papers.length > 0 ? '\n      ' : ''}]`,
        '    }',
      ].join('\n')
    })
  const body = posts.length > 0 ? `{\n${posts.join(',\n')}\n  }` : '{}'
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n  "posts": ${body}\n}\n`
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
  const changed = new Map<string, Map<string, RecordEntry>>()
  for (const file of written) {
    const post = update.posts.get(file.path)
    const record = post && update.files.get(post.record)
    if (post === undefined || record === undefined) continue
    const entries = changed.get(post.record) ?? new Map(record.entries)
    entries.set(file.path, { blob: gitBlobOid(file.content), papers: post.papers })
    changed.set(post.record, entries)
  }
  return [...changed]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, entries]) => ({ path, content: renderRecord(entries), policy: { kind: 'state' } }))
}
