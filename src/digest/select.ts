import { quoteForMessage } from '../core/control-characters.js'
import type { Paper } from '../core/paper.js'
import { cleanText } from './text.js'

export interface SelectOptions {
  maxPapers?: number
  minUpvotes: number
  /** Keep only papers whose title, abstract or AI keywords contain one of these, ignoring case. */
  keywords: string[]
}

/** Filters, then ranks by upvotes (ties keep the API's order: the sort is stable), then keeps the top N. */
export function selectPapers(
  papers: readonly Paper[],
  { maxPapers, minUpvotes, keywords }: SelectOptions,
): Paper[] {
  const wanted = keywords
    .map((keyword) => cleanText(keyword).toLowerCase())
    .filter((keyword) => keyword !== '')
  const matches = (paper: Paper) => {
    if (wanted.length === 0) return true
    const haystack = cleanText([paper.title, paper.summary, ...paper.aiKeywords].join(' ')).toLowerCase()
    return wanted.some((keyword) => haystack.includes(keyword))
  }
  return papers
    .filter((paper) => paper.upvotes >= minUpvotes && matches(paper))
    .sort((a, b) => b.upvotes - a.upvotes)
    .slice(0, maxPapers)
}

/** `min-upvotes 10 / keywords "agents", "rl"`; `max-papers` is no filter: it keeps at least one paper. */
export function describeFilters({ minUpvotes, keywords }: SelectOptions): string {
  const filters = [
    ...(minUpvotes > 0 ? [`min-upvotes ${minUpvotes}`] : []),
    ...(keywords.length > 0 ? [`keywords ${keywords.map(quoteForMessage).join(', ')}`] : []),
  ]
  return filters.length > 0 ? filters.join(' / ') : 'the filters'
}
