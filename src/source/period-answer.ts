import type { DayPapers, OffDayPaper } from '../core/paper.js'
import { itemId, listedDay } from './drift.js'
import { parseDailyPapers } from './paper.js'
import { isArxivId } from './paper-checks.js'
import type { Period } from './source.js'

/**
 * The pages of a week's or a month's answer, put back into the days they list. Hugging Face stamps each
 * item with the moment it was listed (`paper.submittedOnDailyAt`): an item is placed on its UTC day, so
 * that each day is validated, deduplicated and checked exactly as its own `date=` answer would be. A
 * paper listed on two days (it happens) is kept on both, as the two days' answers have it.
 */
export interface PeriodItems {
  /** Adds a page's items; returns how many were new (a server that ignores `p` sends none). */
  add(items: readonly unknown[]): number
  /** Items a day of the period holds, all pages together. */
  readonly placed: number
  /**
   * Each day of the period as fetchDay gives it; items listed outside the period are left out (the
   * first day carries them as off-day papers). Undefined when an item has no day to be placed on.
   */
  days(listUrl: string): DayPapers[] | undefined
}

export function periodItems(period: Period): PeriodItems {
  const inPeriod = new Set(period.days)
  const byDay = new Map<string, unknown[]>(period.days.map((day) => [day, []]))
  const outside: OffDayPaper[] = []
  const seen = new Set<string>()
  let unplaced = false
  let placed = 0

  return {
    add(items) {
      let fresh = 0
      for (const item of items) {
        const day = listedDay(item)
        const id = itemId(item)
        const key = `${day} ${id}`
        if (id !== undefined && seen.has(key)) continue
        if (id !== undefined) seen.add(key)
        fresh++
        if (day === undefined) unplaced = true
        else if (!inPeriod.has(day)) {
          // Shown in a warning: only an id that is safe to print, as the day's own checks let through.
          if (isArxivId(id)) outside.push({ id, listedOn: day, askedFor: period.name })
        } else {
          byDay.get(day)?.push(item)
          placed++
        }
      }
      return fresh
    },
    get placed() {
      return placed
    },
    days(listUrl) {
      if (unplaced) return undefined
      return period.days.map((day, index) => {
        const { papers, invalid } = parseDailyPapers(byDay.get(day) ?? [], day)
        return { day, papers, invalid, offDay: index === 0 ? outside : [], listUrl }
      })
    },
  }
}
