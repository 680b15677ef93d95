import type { DayPapers } from '../core/paper.js'
import type { PaperSource } from './source.js'

/**
 * A source that has already asked for `days`. The action starts its first Hugging Face request before
 * it loads the rest of itself; the pipeline picks the answer up when it comes to that day.
 */
export function fetchingAhead(source: PaperSource, days: string[]): PaperSource {
  const started = new Map<string, Promise<DayPapers>>()
  for (const day of days) {
    const papers = source.fetchDay(day)
    // The pipeline reports a failure when it asks for the day; until then it is not an unhandled one.
    papers.catch(() => undefined)
    started.set(day, papers)
  }
  return {
    fetchDay(day) {
      const papers = started.get(day)
      started.delete(day)
      return papers ?? source.fetchDay(day)
    },
  }
}
