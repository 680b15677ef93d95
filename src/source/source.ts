import type { DayPapers } from '../core/paper.js'

/** A week or a month, as `/api/daily_papers?week=2025-W48` or `?month=2025-11` asks for it. */
export interface Period {
  query: 'week' | 'month'
  /** `2025-W48` or `2025-11`. */
  name: string
  /** Every day of the period, in order. */
  days: string[]
}

/** Where papers come from: the Hugging Face API, or a saved response for the CLI's `--input`. */
export interface PaperSource {
  fetchDay(day: string): Promise<DayPapers>
  /**
   * Every day of a period in one paged request, each day as `fetchDay` would give it; undefined when
   * the answer has a paper it cannot place on a day (no `submittedOnDailyAt`), to be asked day by day.
   */
  fetchPeriod?(period: Period): Promise<DayPapers[] | undefined>
}
