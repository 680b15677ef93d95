import { errorMessage } from '../core/errors.js'
import { posix } from 'node:path'
import { z } from '../core/zod.js'
import type { Summary } from './answer.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from './plain-text.js'
import { PROMPT_VERSION } from './prompt.js'
import { MAX_STATE_FILE_BYTES } from '../core/changes.js'

/**
 * Where the summaries are kept, relative to the repository root. A dot folder: Jekyll neither
 * publishes nor parses it, so a hand-broken file cannot break the site's build (a file in `_data/`
 * would). One file per arXiv month (`2511.json`) keeps each file, and so each commit, small.
 */
export const CACHE_DIR = '.hf-daily-papers/summaries'

/** A month of Hugging Face papers with Korean summaries is ~0.7 MB; a larger file is not ours. */
export const MAX_CACHE_FILE_BYTES = MAX_STATE_FILE_BYTES

const ABOUT =
  'Summaries written by a model for hf-daily-papers, by paper id, then by prompt version, language and model. Edit an entry to correct it, delete it to have it written again.'

/** Paper id → variant (prompt version, language, model) → summary. */
export type CacheEntries = Map<string, Map<string, Summary>>

/** The cache file a paper's summaries live in: its arXiv month (`2511.01234` → `2511`), or `other`. */
export function cacheShard(paperId: string): string {
  return /^(\d{4})\.\d{4,5}(?:v\d+)?$/.exec(paperId)?.[1] ?? 'other'
}

/** The path of a shard's file. Built only from digits or `other`, never from a paper's text. */
export function cachePath(shard: string, dir = CACHE_DIR): string {
  return posix.join(dir, `${shard}.json`)
}

/** One summary per paper, prompt version, language and model: a change to any of them asks again. */
export function variantKey(model: string, language: string): string {
  return `v${PROMPT_VERSION} ${language} ${model}`
}

export interface ParsedCache {
  entries: CacheEntries
  /** Set when the file is not entirely understood: its valid entries are used, but it is not rewritten. */
  problem?: string
}

const fileSchema = z.strictObject({
  about: z.optional(z.string()),
  summaries: z.record(z.string(), z.record(z.string(), z.unknown())),
})
const entrySchema = z.strictObject({ summary: z.string(), title: z.optional(z.string()) })

/**
 * Reads a cache file's text. A file that is too large, not JSON or not shaped as expected (a person
 * may have edited it) gives what can be read of it and a problem to warn about, never an error.
 */
export function parseCacheFile(text: string): ParsedCache {
  const entries: CacheEntries = new Map()
  if (Buffer.byteLength(text) > MAX_CACHE_FILE_BYTES) {
    return { entries, problem: `is larger than ${MAX_CACHE_FILE_BYTES / 1024 / 1024} MB` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { entries, problem: `is not valid JSON (${errorMessage(error)})` }
  }
  const file = fileSchema.safeParse(json)
  if (!file.success) {
    const issue = file.error.issues[0]
    return {
      entries,
      problem: `is not a summaries file (${issue?.path.join('.') || 'top level'}: ${issue?.message})`,
    }
  }
  let invalid = 0
  // The parsed JSON itself, whose keys are data: zod's copy may not keep a key like `__proto__`.
  const { summaries } = json as z.infer<typeof fileSchema>
  for (const [id, variants] of Object.entries(summaries)) {
    for (const [variant, value] of Object.entries(variants)) {
      const summary = readEntry(value)
      if (summary === undefined) invalid++
      else entries.set(id, (entries.get(id) ?? new Map<string, Summary>()).set(variant, summary))
    }
  }
  const problem =
    invalid > 0 ? `has ${invalid} ${invalid === 1 ? 'entry' : 'entries'} without a usable summary` : undefined
  return problem === undefined ? { entries } : { entries, problem }
}

/** An entry as a summary, cleaned again: a hand edit may have brought in anything. */
function readEntry(value: unknown): Summary | undefined {
  const entry = entrySchema.safeParse(value)
  if (!entry.success) return undefined
  const summary = cleanModelText(entry.data.summary, MAX_SUMMARY_LENGTH)
  const title =
    entry.data.title === undefined ? undefined : cleanModelText(entry.data.title, MAX_TITLE_LENGTH)
  if (summary === '' || title === '') return undefined
  return title === undefined ? { summary } : { summary, title }
}

/** The file's text: ids and variants sorted, two-space JSON, a final newline, so equal entries give equal bytes. */
export function renderCacheFile(entries: CacheEntries): string {
  const byKey = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  // Object.fromEntries defines keys as data, so an id like `__proto__` stays an ordinary key.
  const summaries = Object.fromEntries(
    byKey(entries).map(([id, variants]) => [
      id,
      Object.fromEntries(byKey(variants).map(([variant, summary]) => [variant, { ...summary }])),
    ]),
  )
  return `${JSON.stringify({ about: ABOUT, summaries }, null, 2)}\n`
}
