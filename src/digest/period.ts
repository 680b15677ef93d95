import type { RootContent } from 'mdast'
import type { Paper } from '../core/paper.js'
import type { Locale, PeriodWords } from './locales/index.js'
import { heading, list, textItem } from './mdast.js'
import type { PostLinkTarget } from './kramdown.js'
import { countKeywords, type Topic } from './topics.js'

/** A weekly or monthly digest's period, with every paper listed in it (before selection). */
export interface Period {
  from: string
  to: string
  /** Days that had papers. */
  days: number
  listed: readonly Paper[]
  /** How many of them the filters (min-upvotes, keywords) kept, before max-papers. */
  matched: number
  /** By paper id: the day it was listed on, and that day's post where the action wrote one. */
  listedOn: ReadonlyMap<string, ListedOn>
}

export interface ListedOn {
  day: string
  /** The daily post, when the action wrote one and it is still there, and the period's own post. */
  post?: PostLinkTarget
}

const TOP_KEYWORDS = 10

function upvoteTotals(period: Period): { total: number; mean: number } {
  const total = period.listed.reduce((sum, paper) => sum + paper.upvotes, 0)
  return { total, mean: period.listed.length === 0 ? 0 : total / period.listed.length }
}

export function statisticsSection(period: Period, words: PeriodWords): RootContent[] {
  const { total, mean } = upvoteTotals(period)
  return [
    heading(2, words.statistics),
    list(
      [
        words.papers(period.listed.length),
        words.days(period.from, period.to, period.days),
        words.totalUpvotes(total),
        words.meanUpvotes(mean),
      ].map(textItem),
    ),
  ]
}

/** The classic style's list of the AI keywords most papers of the period share (case ignored). */
export function keywordsSection(period: Period, words: PeriodWords): RootContent[] {
  const top = countKeywords(period.listed).slice(0, TOP_KEYWORDS)
  if (top.length === 0) return []
  const ranked = list(
    top.map(({ label, count }) => textItem(`${label} (${count})`)),
    { ordered: true },
  )
  return [heading(2, words.topKeywords(top.length)), ranked]
}

/** The digest style's statistics: the count and the days, the upvotes, and the most shared topics. */
export function periodOverview(period: Period, topics: readonly Topic[], locale: Locale): RootContent[] {
  const { digest: words, punctuation: marks } = locale
  const { total, mean } = upvoteTotals(period)
  const range = `${locale.day(period.from)}${marks.range}${locale.day(period.to)}`
  const lines = [
    `📄\u00a0${words.periodCount(period.listed.length, period.days)}${marks.open}${range}${marks.close}`,
    words.upvotes(total, mean),
  ].map(textItem)
  const shared = topics
    .slice(0, TOP_KEYWORDS)
    .map(({ label, count }) => `${label}\u00a0(${locale.number(count)})`)
  if (shared.length > 0) lines.push(textItem(`🏷️ ${locale.keywords}${marks.colon}${shared.join(' · ')}`))
  return [heading(2, locale.period.statistics), list(lines)]
}
