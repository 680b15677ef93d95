import type { DayPapers } from '../core/paper.js'

/** A week or a month, as `/api/daily_papers?week=2025-W48` or `?month=2025-11` asks for it. */
export interface Period {
  query: 'week' | 'month'
  name: string
  days: string[]
}

/** Where papers come from: the Hugging Face API, or a saved response for the CLI's `--input`. */
export interface PaperSource {
  fetchDay(day: string): Promise<DayPapers>
  /** Each day as fetchDay gives it; or why the answer cannot be used and its days are to be asked for. */
  fetchPeriod?(period: Period): Promise<DayPapers[] | { askByDay: string }>
}
