import type { OffDayPaper } from './drift.js'
import type { InvalidPaper, Paper } from './paper.js'

/** The papers Hugging Face lists for one UTC day, in the API's order. */
export interface DayPapers {
  /** `YYYY-MM-DD` */
  day: string
  papers: Paper[]
  /** Items left out because they failed validation; the pipeline warns about each. */
  invalid: InvalidPaper[]
  /** Papers left out because Hugging Face lists them on another day; the pipeline warns about each. */
  offDay?: OffDayPaper[]
  /** The list's URL without the day, e.g. `https://huggingface.co/api/daily_papers`; none for a saved response. */
  listUrl?: string
}

/** Where papers come from: the Hugging Face API, or a saved response for the CLI's `--input`. */
export interface PaperSource {
  fetchDay(day: string): Promise<DayPapers>
}
