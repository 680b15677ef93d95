import type { Log } from '../core/log.js'
import type { Summary } from './answer.js'
import {
  cachePath,
  cacheShard,
  parseCacheFile,
  renderCacheFile,
  type CacheEntries,
  type ParsedCache,
} from './cache.js'

/** A file for the ChangeSet: repository-relative path and its whole new content. */
export interface CacheFile {
  path: string
  content: string
}

interface Shard {
  path: string
  entries: CacheEntries
  /** False for a file that is not entirely understood: it stays as its author left it. */
  writable: boolean
  changed: boolean
}

export interface CacheStore {
  get(id: string, variant: string): Summary | undefined
  add(id: string, variant: string, summary: Summary): void
  /** The shard files that gained entries, rendered; none when nothing was added (a re-run commits nothing). */
  changedFiles(): CacheFile[]
}

/** Reads the cache files that can hold these papers' summaries. */
export async function loadCache(
  ids: readonly string[],
  dir: string,
  readFile: (path: string) => Promise<string | undefined>,
  log: Log,
): Promise<CacheStore> {
  const shards = new Map<string, Shard>()
  for (const name of new Set(ids.map(cacheShard))) {
    const path = cachePath(name, dir)
    const text = await readFile(path)
    const parsed: ParsedCache = text === undefined ? { entries: new Map() } : parseCacheFile(text)
    if (parsed.problem !== undefined) {
      log.warning(
        `${path} ${parsed.problem}: its usable summaries are read, but the file is left as it is; fix or delete it so new summaries can be kept`,
      )
    }
    shards.set(name, {
      path,
      entries: parsed.entries,
      writable: parsed.problem === undefined,
      changed: false,
    })
  }
  const shardOf = (id: string) => shards.get(cacheShard(id))

  return {
    get: (id, variant) => shardOf(id)?.entries.get(id)?.get(variant),
    add(id, variant, summary) {
      const shard = shardOf(id)
      if (shard === undefined) return
      shard.entries.set(id, (shard.entries.get(id) ?? new Map<string, Summary>()).set(variant, summary))
      shard.changed = true
    },
    changedFiles: () =>
      [...shards.values()]
        .filter((shard) => shard.changed && shard.writable)
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((shard) => ({ path: shard.path, content: renderCacheFile(shard.entries) })),
  }
}
