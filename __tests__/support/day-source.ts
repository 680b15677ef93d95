import { parseDailyPapers } from '../../src/source/paper.js'
import type { PaperSource } from '../../src/source/source.js'

/**
 * Hugging Face as the pipeline sees it: saved answers by day, days it does not know empty, and the days
 * asked for remembered. With `listUrl`, each day carries it as the real client does (the range check
 * compares lists only then).
 */
export function daySource(
  days: Record<string, unknown[]>,
  listUrl?: string,
): PaperSource & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    fetchDay: (day) => {
      asked.push(day)
      const parsed = parseDailyPapers(days[day] ?? [], day)
      return Promise.resolve({ day, ...parsed, ...(listUrl === undefined ? {} : { listUrl }) })
    },
  }
}
