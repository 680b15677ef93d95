import { addDays, eachDay } from '../core/calendar.js'
import type { Settings } from '../settings/settings.js'

export interface RefreshWindow {
  /** The days whose posts are rendered again, oldest first; none when refresh is off. */
  days: string[]
  /** Why no earlier post is refreshed although `refresh-days` asks for it, for the log. */
  off?: string
}

/**
 * The `refresh-days` days before a daily digest's first day. Weekly and monthly digests refresh
 * nothing (their own period is fetched whole each run). `overwrite: never` promises to leave existing
 * posts alone, and refresh is on by default, so it yields; a dry run reads no record of what was
 * written, so it could only guess.
 */
export function refreshWindow(
  settings: Pick<Settings, 'refreshDays' | 'digest' | 'overwrite' | 'target' | 'from'>,
): RefreshWindow {
  if (settings.refreshDays === 0 || settings.digest !== 'daily') return { days: [] }
  if (settings.overwrite === 'never') {
    return { days: [], off: 'overwrite is "never": earlier posts are left as they are (refresh-days)' }
  }
  if (settings.target.mode === 'dry-run') {
    return {
      days: [],
      off: 'a dry run reads no record of earlier posts, so none is refreshed (refresh-days)',
    }
  }
  return { days: eachDay(addDays(settings.from, -settings.refreshDays), addDays(settings.from, -1)) }
}
