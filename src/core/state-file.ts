import { posix } from 'node:path'
import pMap from 'p-map'
import { parseJson } from './bounded-json.js'
import { isoWeek } from './calendar.js'
import { errorMessage } from './errors.js'
import type { FileChange, StateMerge } from './file-change.js'
import { gitBlobOid } from './git-blob.js'
import type { Log } from './log.js'
import { z } from './zod.js'

/**
 * The action's bookkeeping in the blog (the post record, the summary cache): a dot folder, which Jekyll
 * neither publishes nor parses, so a hand-broken file cannot break the site; a file per day (or week, or
 * month, for those posts), so commits stay small and runs of different days touch different files.
 */
export const STATE_DIR = '.hf-daily-papers'

/** A month of Korean summaries is ~0.7 MB, a month of records ~0.2 MB: a larger file is not ours. */
export const MAX_STATE_FILE_BYTES = 4 * 1024 * 1024

/** A publisher's `readText` refuses a state file: the reader warns and leaves it as it is. */
export class UnreadableStateError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} ${problem}`)
  }
}

export const TOO_LARGE = `is larger than ${MAX_STATE_FILE_BYTES / 1024 / 1024} MB`
export const NOT_TEXT = 'is not text (it holds a NUL byte)'

export interface StateFormat<Entry> {
  /** The folder under STATE_DIR and the key of the entries in the file, e.g. `posts`. */
  name: string
  /** For a person who opens the file. */
  about: string
  /** For messages: `a record of posts`, `it cannot read`, `the action can record the posts it writes`. */
  kind: string
  unusable: string
  /** What the run does with such an entry, for its warning: `kept as they are`. */
  unusableFate: string
  /** What a person should do about a file it cannot use: `fix or delete it so that …`. */
  repair: string
  /** What can be used of an entry a person may have edited, and how many parts could not. */
  readEntry(value: unknown): { entry?: Entry; unusable: number }
  /**
   * What is written for an entry, when not the entry itself (a person's own keys put back beside it);
   * `readInPart`: the key's value in the file written over, when readEntry could read only part of it.
   */
  writeEntry?(entry: Entry, readInPart: unknown): unknown
}

export interface StateFile<Entry> {
  entries: ReadonlyMap<string, Entry>
  /** The git blob id of the text that was read; undefined when there was no file. */
  readOid?: string
  /** False for a file that is not entirely understood: its entries are used, but it is never written over. */
  writable: boolean
  kept?: ReadonlyMap<string, unknown>
  /** A person's own keys beside the entries (a note): written back as they are. */
  extra?: ReadonlyMap<string, unknown>
  /** The values of the entries read in part, for writeEntry to keep the rest. */
  readInPart?: ReadonlyMap<string, unknown>
}

/** `shard` is made by the format's owner from a checked day, ISO week or month only (or `other`). */
export function statePath(format: Pick<StateFormat<unknown>, 'name'>, shard: string): string {
  return posix.join(STATE_DIR, format.name, `${shard}.json`)
}

export type StatePeriod = 'week' | 'month'

/**
 * A weekly or monthly post's own file, named after the period of `day` (`2025-W48`, `2025-11-month`; not
 * `2025-11`, 1.x's record of a month's posts): no two open pull requests, two days' or a day's and its
 * period's, change the same file, so they merge without a conflict.
 */
export function periodShard(day: string, period: StatePeriod): string {
  return period === 'week' ? isoWeek(day) : `${day.slice(0, 7)}-month`
}

const fileShape = (name: string) =>
  z.looseObject({ about: z.optional(z.string()), [name]: z.record(z.string(), z.unknown()) })

/**
 * What can be read of a state file and a problem to warn about, never an error; `readOnly` when not read
 * whole. `kept`: the entries it cannot read at all, written back as they are, so that one entry a person
 * broke neither stops the file from being kept up to date nor is lost.
 */
export function parseStateFile<Entry>(
  format: StateFormat<Entry>,
  text: string,
): {
  entries: Map<string, Entry>
  kept?: Map<string, unknown>
  extra?: Map<string, unknown>
  readInPart?: Map<string, unknown>
  problem?: string
  readOnly?: true
} {
  const entries = new Map<string, Entry>()
  const unread = (problem: string) => ({ entries, problem, readOnly: true as const })
  if (Buffer.byteLength(text) > MAX_STATE_FILE_BYTES) return unread(TOO_LARGE)
  if (text.includes('\0')) return unread(NOT_TEXT)
  let json: unknown
  try {
    // Less the byte order mark some editors on Windows put first, which JSON has no place for.
    json = parseJson(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return unread(`is not valid JSON (${errorMessage(error)})`)
  }
  if (!fileShape(format.name).safeParse(json).success) {
    return unread(`is not ${format.kind} ({"${format.name}": {…}} expected)`)
  }
  const file = json as Record<string, Record<string, unknown>>
  // A person's note beside the entries, written back with them.
  const extra = new Map(Object.entries(file).filter(([key]) => key !== 'about' && key !== format.name))
  let unusable = 0
  const kept = new Map<string, unknown>()
  const readInPart = new Map<string, unknown>()
  // The parsed JSON itself, whose keys are data: zod's copy may not keep a key like `__proto__`.
  for (const [key, value] of Object.entries(file[format.name]!)) {
    const read = format.readEntry(value)
    if (read.entry === undefined) kept.set(key, value)
    else entries.set(key, read.entry)
    if (read.entry !== undefined && read.unusable > 0) readInPart.set(key, value)
    unusable += read.unusable
  }
  const read = { entries, ...(extra.size > 0 ? { extra } : {}) }
  if (unusable === 0) return read
  return {
    ...read,
    ...(kept.size > 0 ? { kept } : {}),
    ...(readInPart.size > 0 ? { readInPart } : {}),
    problem: `has ${unusable} ${unusable === 1 ? 'entry' : 'entries'} ${format.unusable}`,
  }
}

/** Keys sorted, so that equal entries give equal bytes; `entries` win over `kept`. */
export function renderStateFile<Entry>(
  format: StateFormat<Entry>,
  entries: ReadonlyMap<string, Entry>,
  kept: ReadonlyMap<string, unknown> = new Map(),
  extra: ReadonlyMap<string, unknown> = new Map(),
  readInPart: ReadonlyMap<string, unknown> = new Map(),
): string {
  const written = [...entries].map(
    ([key, entry]) => [key, format.writeEntry?.(entry, readInPart.get(key)) ?? entry] as const,
  )
  const file = new Map([...extra, ['about', format.about], [format.name, new Map([...kept, ...written])]])
  return `${renderJson(file, '')}\n`
}

/** A publisher on GitHub sends the paths asked for together in one request (a hundred at most). */
const READ_CONCURRENCY = 100

/** By path. A file not entirely understood is read as far as it can be, warned about, and read-only. */
export async function readStateFiles<Entry>(
  format: StateFormat<Entry>,
  shards: Iterable<string>,
  readText: (path: string) => Promise<string | undefined>,
  log: Log,
): Promise<Map<string, StateFile<Entry>>> {
  const read = async (path: string): Promise<[string, StateFile<Entry>]> => {
    let text: string | undefined
    try {
      text = await readText(path)
    } catch (error) {
      if (!(error instanceof UnreadableStateError)) throw error
      log.warning(`${path} ${error.problem}: it is not used and is left as it is; ${format.repair}`)
      return [path, { entries: new Map(), writable: false }]
    }
    if (text === undefined) return [path, { entries: new Map(), writable: true }]
    const { problem, readOnly, ...read } = parseStateFile(format, text)
    if (readOnly) {
      const used = read.entries.size > 0 ? 'what can be read of it is used, but' : 'it is not used, and'
      log.warning(`${path} ${problem}: ${used} the file is left as it is; ${format.repair}`)
    } else if (problem !== undefined) {
      log.warning(
        `${path} ${problem}: those are ${format.unusableFate} and the others used; fix or delete them`,
      )
    }
    return [path, { ...read, readOid: gitBlobOid(text), writable: !readOnly }]
  }
  const paths = new Set([...shards].map((shard) => statePath(format, shard)))
  return new Map(await pMap(paths, read, { concurrency: READ_CONCURRENCY }))
}

/**
 * The files that change when these entries are set, every other entry kept, sorted by path; a file not
 * writable or not read is left out, and none when nothing is set, so a run that adds nothing commits nothing.
 */
export function updatedStateFiles<Entry>(
  format: StateFormat<Entry>,
  files: ReadonlyMap<string, StateFile<Entry>>,
  updates: Iterable<{ path: string; key: string; entry: Entry }>,
): FileChange[] {
  const changed = new Map<string, Map<string, Entry>>()
  for (const { path, key, entry } of updates) {
    if (files.get(path)?.writable)
      changed.set(path, (changed.get(path) ?? new Map<string, Entry>()).set(key, entry))
  }
  return [...changed]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([path, ours]) => {
      const read = files.get(path)!
      const onto = ({ entries, kept, extra, readInPart }: Omit<StateFile<Entry>, 'writable'>) => {
        const merged = new Map(entries)
        for (const [key, entry] of ours)
          merged.set(key, mergeEntry(entries.get(key), entry, read.entries.get(key)))
        return renderStateFile(format, merged, kept, extra, readInPart)
      }
      const merge: StateMerge = {
        readOid: read.readOid,
        onto(text) {
          if (text === undefined) return { content: onto({ entries: new Map() }) }
          const parsed = parseStateFile(format, text)
          if (parsed.readOnly) return { problem: parsed.problem ?? '' }
          return { content: onto(parsed) }
        },
      }
      return { path, content: onto(read), policy: { kind: 'state', merge } }
    })
}

/**
 * An entry that is a map (the summary cache's variants) merges key by key: only the run's new or changed
 * values (against `read`) go over the branch's, so a run in another language, or a person's correction
 * or removal of another value, is kept. Any other entry is the run's.
 */
function mergeEntry<Entry>(onBranch: Entry | undefined, ours: Entry, read: Entry | undefined): Entry {
  if (!(ours instanceof Map) || (onBranch !== undefined && !(onBranch instanceof Map))) return ours
  const before = read instanceof Map ? (read as ReadonlyMap<unknown, unknown>) : new Map()
  const merged = new Map<unknown, unknown>(onBranch as ReadonlyMap<unknown, unknown> | undefined)
  for (const [key, value] of ours as ReadonlyMap<unknown, unknown>) {
    if (before.get(key) !== value) merged.set(key, value)
  }
  return merged as Entry
}

// Code-unit order, not localeCompare: the same bytes on every machine, whatever its locale.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Keys sorted, an array of plain values on one line (a ranking: a paper a line). No package does this. */
function renderJson(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
    }
    return `[\n${value.map((item) => inner + renderJson(item, inner)).join(',\n')}\n${indent}]`
  }
  const members = (value instanceof Map ? [...(value as Map<string, unknown>)] : Object.entries(value))
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => byCodeUnits(a, b))
  if (members.length === 0) return '{}'
  const lines = members.map(([key, member]) => `${inner}${JSON.stringify(key)}: ${renderJson(member, inner)}`)
  return `{\n${lines.join(',\n')}\n${indent}}`
}
