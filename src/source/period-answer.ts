import type { DayPapers, OffDayPaper } from '../core/paper.js'
import { itemId, listedDay } from './drift.js'
import { inListOrder, parseDailyPapers } from './paper.js'
import { isArxivId } from './paper-checks.js'
import type { Period } from './source.js'

/**
 * A week's or a month's pages put back into the days they list, each item on the UTC day of its
 * `submittedOnDailyAt`, so that each day is validated, deduplicated and checked as its own `date=` answer
 * would be. A paper listed on two days (it happens) is kept on both, as the two days' answers have it.
 */
export function periodItems(period: Period) {
  const inPeriod = new Set(period.days)
  const byDay = new Map<string, unknown[]>(period.days.map((day) => [day, []]))
  const outside: OffDayPaper[] = []
  const seen = new Set<string>()
  let unplaced = false

  return {
    /** Adds a page's items; returns how many were new (a server that ignores `p` sends none). */
    add(items: readonly unknown[]): number {
      let fresh = 0
      for (const item of items) {
        const day = listedDay(item)
        const id = itemId(item)
        const key = `${day} ${id}`
        // Counted once; every copy goes to its day, as in the day's own answer (an invalid first copy).
        if (id === undefined || !seen.has(key)) fresh++
        if (id !== undefined) seen.add(key)
        // A paper outside the period is shown in a warning: only with an id that is safe to print.
        if (day === undefined) unplaced = true
        else if (inPeriod.has(day)) byDay.get(day)?.push(item)
        else if (isArxivId(id)) outside.push({ id, listedOn: day, askedFor: period.name })
      }
      return fresh
    },
    /**
     * The first day carries the papers listed outside the period. Undefined when an item has no day to
     * place it on: the days are to be asked one by one.
     */
    days(listUrl: string): DayPapers[] | undefined {
      if (unplaced) return undefined
      return period.days.map((day, index) => {
        const { papers, invalid } = parseDailyPapers(byDay.get(day) ?? [], day)
        return { day, papers: inListOrder(papers), invalid, offDay: index === 0 ? outside : [], listUrl }
      })
    },
  }
}
