import { statSync } from 'node:fs'
import type { PathKind } from '../settings/environment.js'

/** What is at `path` (following links), for the settings' checks of the runner's paths. */
export function pathKind(path: string): PathKind {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (stats === undefined) return 'missing'
  return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other'
}
