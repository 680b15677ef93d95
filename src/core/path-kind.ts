import { statSync } from 'node:fs'

export type PathKind = 'directory' | 'file' | 'other' | 'missing'

/** Following links: for the settings' checks of the runner's paths. */
export function pathKind(path: string): PathKind {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (stats === undefined) return 'missing'
  return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other'
}
