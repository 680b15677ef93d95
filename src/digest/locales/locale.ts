import type { LocaleBasis } from './format.js'

/** Every word a post says; a new language is one file of them, listed in ./index.ts. */
export interface Locale extends LocaleBasis {
  /** The sentence under the H1, split around the bold count: 총 **5개**의 논문이 수집되었습니다. */
  collected(count: number, listed: number): { before?: string; count?: string; after: string }
  noPapers: string
  /** A day whose papers the filters (min-upvotes, keywords) all left out: `listed` were. */
  noneSelected(listed: number): string
  rankingHeading: string
  organization: string
  abstract: string
  aiSummary: string
  /** A model's summary in the post's language (the llm-summary field). */
  summary: string
  /** Hugging Face's own AI summary, shown by llm-summary for a paper the model gave none. */
  huggingFaceSummary: string
  authors: string
  moreAuthors(count: number): string
  projectPageLink: string
  keywords: string
  comments: string
  /** The classic style's weeks and months (the reference blog's monthly post used 📊 통계, 🔥 …, 🏷️ …). */
  period: PeriodWords
  digest: DigestWords
}

export interface DigestWords {
  /** How a post starts its TL;DR and its description: `33 papers`, `10 of the day's 33 papers`. */
  dayCount(count: number, listed: number): string
  /** The same for a week or month: `142 papers over 5 days`, `10 of the 142 papers over 5 days`. */
  periodCount(count: number, days: number, listed?: number): string
  /** Before the most upvoted papers: `Most upvoted`. */
  mostUpvoted: string
  /** Before the AI keywords several papers share: `Recurring topics`. */
  topics: string
  tldr: string
  tldrByModel: string
  topHeading(count: number): string
  restHeading(count: number): string
  /** The fold's label, when not the locale's `abstract`. */
  abstract?: string
  /** A week's or month's upvotes in all and per paper. */
  upvotes(total: number, mean: number): string
}

export interface PeriodWords {
  /** A week or month without papers (`noPapers` says "this day"). */
  noPapers: string
  noneSelected(listed: number, days: number): string
  statistics: string
  papers(count: number): string
  /** `from` and `to` as the post's days are named: 2025-11-24. */
  days(from: string, to: string, days: number): string
  totalUpvotes(total: number): string
  meanUpvotes(mean: number): string
  topPapers(count: number): string
  topKeywords(count: number): string
}
