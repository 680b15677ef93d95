import { statSync } from 'node:fs'

/** What a path names, as far as the settings' checks of the runner's paths care. */
export type PathKind = 'directory' | 'file' | 'other' | 'missing'

/** What is at `path` (following links), for the settings' checks of the runner's paths. */
export function pathKind(path: string): PathKind {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (stats === undefined) return 'missing'
  return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other'
}
