import type { DayPapers } from '../core/paper.js'

/** Where papers come from: the Hugging Face API, or a saved response for the CLI's `--input`. */
export interface PaperSource {
  fetchDay(day: string): Promise<DayPapers>
}
