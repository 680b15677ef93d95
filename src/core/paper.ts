/** A Hugging Face item reduced to what a post can show; titles and abstracts exactly as the API sent them. */
export interface Paper {
  /** arXiv id, e.g. `2512.20617v2`: checked, so it is safe in a URL. */
  id: string
  title: string
  summary: string
  upvotes: number
  authors: string[]
  /** The organisation's display name (`fullname`), falling back to its handle. */
  organization?: string
  /** Exactly `https://github.com/<owner>/<repo>`. */
  githubRepo?: string
  githubStars?: number
  /** https on a public host (thumbnail: Hugging Face's), percent-encoded: nothing but a link. */
  projectPage?: string
  thumbnail?: string
  aiSummary?: string
  aiKeywords: string[]
  numComments?: number
  publishedAt?: string
  /** Fields that failed their check and were left out (`field`: e.g. `paper.githubRepo`). */
  omitted?: OmittedField[]
}

export interface OmittedField {
  field: string
  problem: string
}

export interface InvalidPaper extends OmittedField {
  /** The arXiv id, otherwise its position in the response (`#3`). */
  id: string
}

/** A paper Hugging Face listed on another day than the one asked for. */
export interface OffDayPaper {
  id: string
  listedOn: string
  /** The week or month (`2025-W48`, `2025-11`) whose answer held it, when it came in one. */
  askedFor?: string
}

/** The papers Hugging Face lists for one UTC day, in the API's order. */
export interface DayPapers {
  day: string
  papers: Paper[]
  invalid: InvalidPaper[]
  offDay?: OffDayPaper[]
  /** Without the day, e.g. `https://huggingface.co/api/daily_papers`; none for a saved response. */
  listUrl?: string
}
