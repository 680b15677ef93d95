/** The vocabulary of papers every stage shares: what the source produces and the digest shows. */

/**
 * One paper as the digest needs it: the Hugging Face item reduced to what a post can show.
 * Titles and abstracts are kept exactly as the API sent them; the digest decides how to print them.
 */
export interface Paper {
  /** arXiv id, e.g. `2512.20617` or `2512.20617v2`: checked, so it is safe in a URL. */
  id: string
  title: string
  summary: string
  upvotes: number
  authors: string[]
  /** The organisation's display name (`fullname`), falling back to its handle. */
  organization?: string
  /** Exactly `https://github.com/<owner>/<repo>`. */
  githubRepo?: string
  /** A whole number of at least 0, as is `numComments`. */
  githubStars?: number
  /** An https link on a public host, percent-encoded so that markdown reads it as nothing but a link. */
  projectPage?: string
  /**
   * The image Hugging Face shows for the paper in link previews: https on its thumbnail host only,
   * percent-encoded (see `source/paper-checks.ts`).
   */
  thumbnail?: string
  aiSummary?: string
  aiKeywords: string[]
  numComments?: number
  publishedAt?: string
  /** Fields the API sent that failed their check and were left out; the pipeline warns about each. */
  omitted?: OmittedField[]
}

export interface OmittedField {
  /** Where it was in the API's item, e.g. `paper.githubRepo`. */
  field: string
  problem: string
}

export interface InvalidPaper {
  /** The paper's id when it is an arXiv id, otherwise its position in the response (`#3`). */
  id: string
  /** Where the first problem is, e.g. `paper.upvotes`. */
  field: string
  problem: string
}

/** A paper Hugging Face listed on another day than the one asked for. */
export interface OffDayPaper {
  id: string
  /** The UTC day of its `submittedOnDailyAt`. */
  listedOn: string
  /** The week or month (`2025-W48`, `2025-11`) whose answer held it, when it came in one. */
  askedFor?: string
}

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
