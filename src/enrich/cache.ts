import type { Log } from '../core/log.js'
import {
  periodShard,
  readStateFiles,
  STATE_DIR,
  statePath,
  updatedStateFiles,
  type StateFormat,
  type StatePeriod,
} from '../core/state-file.js'
import { posix } from 'node:path'
import { z } from '../core/zod.js'
import { cleanSummary, type Summary } from './plain-text.js'
import { PROMPT_VERSION } from './prompt.js'

/** Variant (prompt version, language, model) → a paper's summary, or a day's TL;DR (`summary` only). */
export type CachedSummaries = ReadonlyMap<string, Summary>

// A person's own key beside the summary (a note) is no reason to ask again; an empty title is one removed.
const entrySchema = z.looseObject({ summary: z.string(), title: z.optional(z.nullable(z.string())) })

/** A person's own keys beside a summary read from a file (a note, an emptied title), written back with it. */
const personsKeys = new WeakMap<Summary, ReadonlyMap<string, unknown>>()
const variantsSchema = z.record(z.string(), z.unknown())

/**
 * The summaries a model wrote, kept in a state file per day of listing, or per week or month for a weekly or
 * monthly post (state-file.ts), by paper id.
 */
export const SUMMARY_CACHE: StateFormat<CachedSummaries> = {
  name: 'summaries',
  about:
    'Summaries written by a model for hf-daily-papers, by paper id (or "tldr" and the day, for a post\'s TL;DR), then by prompt version, language and model. Edit an entry to correct it, delete it to have it written again.',
  kind: 'a summaries file',
  unusable: 'without a usable summary',
  unusableFate:
    'kept as they are until a post that shows their paper is written, whose new summary takes their place,',
  repair: 'fix or delete it so that new summaries can be kept',
  readEntry(value) {
    if (!variantsSchema.safeParse(value).success) return { unusable: 1 }
    const entry = new Map<string, Summary>()
    let unusable = 0
    // The parsed JSON itself, whose keys are data: zod's copy may not keep a key like `__proto__`.
    for (const [variant, item] of Object.entries(value as Record<string, unknown>)) {
      // Cleaned again: a hand edit may have brought in anything.
      const parsed = entrySchema.safeParse(item)
      const title = parsed.success && parsed.data.title?.trim() ? parsed.data.title : undefined
      const summary = parsed.success ? cleanSummary(parsed.data.summary, title) : undefined
      if (summary === undefined) {
        unusable++
        continue
      }
      entry.set(variant, summary)
      const own = Object.entries(item as object).filter(
        ([key]) => key !== 'summary' && (key !== 'title' || title === undefined),
      )
      if (own.length > 0) personsKeys.set(summary, new Map(own))
    }
    return entry.size > 0 ? { entry, unusable } : { unusable }
  },
  // The variants it could not read are written back as they are; a new summary of one takes its place.
  writeEntry: (entry, readInPart) =>
    new Map([
      ...Object.entries(readInPart ?? {}).filter(([variant]) => !entry.has(variant)),
      ...[...entry].map(
        ([variant, summary]) =>
          [variant, new Map([...(personsKeys.get(summary) ?? []), ...Object.entries(summary)])] as const,
      ),
    ]),
}

export const CACHE_DIR = posix.join(STATE_DIR, SUMMARY_CACHE.name)

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A day's post, and so its pull request, touches only its own day's file (`summaries/2025-11-04.json`);
 * built only from a checked date (else `other`), never from a paper's text.
 */
export function cachePath(day: string): string {
  return statePath(SUMMARY_CACHE, DAY.test(day) ? day : 'other')
}

/**
 * A weekly or monthly run's period, by any day of it (its first): its post, and so its pull request,
 * touches only its period's file (`summaries/2025-W48.json`, `summaries/2025-11-month.json`), never a day's.
 */
export interface CachePeriod {
  period: StatePeriod
  day: string
}

/** A day's file, then its week's and its month's, where a weekly or monthly run may have kept a summary. */
const readShards = (day: string) =>
  DAY.test(day) ? [day, periodShard(day, 'week'), periodShard(day, 'month')] : ['other']

/**
 * 1.x kept a summary by its paper's arXiv month (`2511.01234` → `2511`), a TL;DR by its day's month: read
 * as a fallback, so that a blog's summaries are not asked for again, but never written or deleted.
 */
function legacyShard(key: string): string | undefined {
  const arxiv = /^(\d{4})\.\d{4,5}(?:v\d+)?$/.exec(key)
  if (arxiv) return arxiv[1]
  const day = /^tldr \d{2}(\d{2})-(\d{2})-\d{2}$/.exec(key)
  return day ? `${day[1]}${day[2]}` : undefined
}

/** One summary per paper, prompt version, language and model: a change to any of them asks again. */
export function variantKey(model: string, language: string): string {
  return `v${PROMPT_VERSION} ${language} ${model}`
}

/** variantKey is `v{version} {language} {model}`: the first two words, which hold no space. */
const samePromptAndLanguage = (variant: string, other: string) =>
  variant.split(' ', 2).join(' ') === other.split(' ', 2).join(' ')

/**
 * `keys`: a paper's id (or `tldr` and a day) and the day Hugging Face listed it on. `period`: a weekly or
 * monthly run's, which keeps every key in its period's file; a daily run (undefined) keeps a key in its
 * day's file, the latest one's for a key listed on several days. The files of the keys' days, weeks and
 * months are read, so that a summary any run kept is not asked for again: all at once (one request on
 * GitHub).
 */
export async function loadCache(
  keys: ReadonlyArray<{ key: string; day: string }>,
  period: CachePeriod | undefined,
  readText: (path: string) => Promise<string | undefined>,
  log: Log,
) {
  const periodFile = period && periodShard(period.day, period.period)
  const home = new Map<string, string>()
  for (const { key, day } of keys) {
    const path = periodFile === undefined ? cachePath(day) : statePath(SUMMARY_CACHE, periodFile)
    if ((home.get(key) ?? '') < path) home.set(key, path)
  }
  const shards = [
    ...(periodFile === undefined ? [] : [periodFile]),
    ...keys.flatMap(({ day }) => readShards(day)),
    ...keys.flatMap(({ key }) => legacyShard(key) ?? []),
  ]
  // In this order, which readStateFiles keeps: a key's summary is taken from its own file (stored), else
  // from its days' and their periods' files, else from the legacy months'.
  const files = await readStateFiles(SUMMARY_CACHE, shards, readText, log)
  const added = new Map<string, Map<string, Summary>>()
  const stored = (key: string) => files.get(home.get(key) ?? '')?.entries.get(key)
  const variants = (key: string) => [
    ...(added.get(key) ?? stored(key) ?? []),
    ...[...files.values()].flatMap((file) => [...(file.entries.get(key) ?? [])]),
  ]
  return {
    get: (key: string, variant: string) => variants(key).find(([name]) => name === variant)?.[1],
    /** Another model's, for the same prompt version and language: a TL;DR kept when llm-model changed. */
    otherModels: (key: string, variant: string) =>
      variants(key)
        .filter(([name]) => name !== variant && samePromptAndLanguage(name, variant))
        .map(([, summary]) => summary),
    add: (key: string, variant: string, summary: Summary) =>
      void added.set(key, new Map(added.get(key) ?? stored(key)).set(variant, summary)),
    // None when nothing was added: a re-run commits nothing.
    changedFiles: () =>
      updatedStateFiles(
        SUMMARY_CACHE,
        files,
        [...added].flatMap(([key, entry]) => {
          const path = home.get(key)
          return path === undefined ? [] : [{ path, key, entry }]
        }),
      ),
  }
}
