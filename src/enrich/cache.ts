import type { FileChange } from '../core/file-change.js'
import type { Log } from '../core/log.js'
import {
  readStateFiles,
  STATE_DIR,
  statePath,
  updatedStateFiles,
  type StateFormat,
} from '../core/state-file.js'
import { posix } from 'node:path'
import { z } from '../core/zod.js'
import type { Summary } from './answer.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from './plain-text.js'
import { PROMPT_VERSION } from './prompt.js'

/** Variant (prompt version, language, model) → summary: a paper's entry, or a day's TL;DR (`summary` only). */
export type CachedSummaries = ReadonlyMap<string, Summary>

const entrySchema = z.strictObject({ summary: z.string(), title: z.optional(z.string()) })
const variantsSchema = z.record(z.string(), z.unknown())

/** The summaries a model wrote, kept in a state file per arXiv month (state-file.ts), by paper id. */
export const SUMMARY_CACHE: StateFormat<CachedSummaries> = {
  name: 'summaries',
  about:
    'Summaries written by a model for hf-daily-papers, by paper id (or "tldr" and the day, for a post\'s TL;DR), then by prompt version, language and model. Edit an entry to correct it, delete it to have it written again.',
  kind: 'a summaries file',
  unusable: 'without a usable summary',
  purpose: 'new summaries can be kept',
  readEntry(value) {
    if (!variantsSchema.safeParse(value).success) return { unusable: 1 }
    const entry = new Map<string, Summary>()
    let unusable = 0
    // The parsed JSON itself, whose keys are data: zod's copy may not keep a key like `__proto__`.
    for (const [variant, item] of Object.entries(value as Record<string, unknown>)) {
      const summary = readSummary(item)
      if (summary === undefined) unusable++
      else entry.set(variant, summary)
    }
    return entry.size > 0 ? { entry, unusable } : { unusable }
  },
}

/** Where the summaries are kept, relative to the repository root. */
export const CACHE_DIR = posix.join(STATE_DIR, SUMMARY_CACHE.name)

/**
 * The cache file a paper's summaries live in: its arXiv month (`2511.01234` → `2511`), or `other`; a
 * day's TL;DR lives with the papers of its month (`tldr 2025-11-04` → `2511`).
 */
export function cacheShard(key: string): string {
  const arxiv = /^(\d{4})\.\d{4,5}(?:v\d+)?$/.exec(key)
  if (arxiv) return arxiv[1] as string
  const day = /^tldr \d{2}(\d{2})-(\d{2})-\d{2}$/.exec(key)
  return day ? `${day[1]}${day[2]}` : 'other'
}

/** The path of a paper's cache file. Built only from digits or `other`, never from a paper's text. */
export function cachePath(paperId: string): string {
  return statePath(SUMMARY_CACHE, cacheShard(paperId))
}

/** One summary per paper, prompt version, language and model: a change to any of them asks again. */
export function variantKey(model: string, language: string): string {
  return `v${PROMPT_VERSION} ${language} ${model}`
}

/** An entry as a summary, cleaned again: a hand edit may have brought in anything. */
function readSummary(value: unknown): Summary | undefined {
  const entry = entrySchema.safeParse(value)
  if (!entry.success) return undefined
  const summary = cleanModelText(entry.data.summary, MAX_SUMMARY_LENGTH)
  const title =
    entry.data.title === undefined ? undefined : cleanModelText(entry.data.title, MAX_TITLE_LENGTH)
  if (summary === '' || title === '') return undefined
  return title === undefined ? { summary } : { summary, title }
}

export interface SummaryCache {
  get(id: string, variant: string): Summary | undefined
  add(id: string, variant: string, summary: Summary): void
  /** The files that gained summaries, rendered; none when nothing was added (a re-run commits nothing). */
  changedFiles(): FileChange[]
}

/** Reads the cache files that can hold these papers' summaries. */
export async function loadCache(
  ids: readonly string[],
  readText: (path: string) => Promise<string | undefined>,
  log: Log,
): Promise<SummaryCache> {
  const files = await readStateFiles(SUMMARY_CACHE, ids.map(cacheShard), readText, log)
  const added = new Map<string, Map<string, Summary>>()
  const get = (id: string) => added.get(id) ?? files.get(cachePath(id))?.entries.get(id)
  return {
    get: (id, variant) => get(id)?.get(variant),
    add: (id, variant, summary) => void added.set(id, new Map(get(id)).set(variant, summary)),
    changedFiles: () =>
      updatedStateFiles(
        SUMMARY_CACHE,
        files,
        [...added].map(([id, entry]) => ({ path: cachePath(id), key: id, entry })),
      ),
  }
}
