import type { RootContent } from 'mdast'
import type { Paper } from '../core/paper.js'
import type { Language } from '../core/fields.js'
import { LOCALES, type PeriodWords } from './locales/index.js'
import { heading, list, textItem } from './mdast.js'
import { cleanText } from './text.js'

/** A weekly or monthly digest's period, with every paper listed in it (before selection). */
export interface Period {
  from: string
  to: string
  /** Days that had papers. */
  days: number
  listed: readonly Paper[]
}

const TOP_KEYWORDS = 10

export function periodWords(language: Language): PeriodWords {
  return LOCALES[language].period
}

/** Papers, days, total and mean upvotes of the whole period. */
export function statisticsSection(period: Period, language: Language): RootContent[] {
  const words = periodWords(language)
  const total = period.listed.reduce((sum, paper) => sum + paper.upvotes, 0)
  const mean = period.listed.length === 0 ? 0 : total / period.listed.length
  return [
    heading(2, words.statistics),
    list(
      [
        words.papers(period.listed.length),
        words.days(period.from, period.to, period.days),
        words.totalUpvotes(total),
        words.meanUpvotes(mean.toFixed(1)),
      ].map(textItem),
    ),
  ]
}

/** The AI keywords most papers of the period share, each counted once per paper. */
export function keywordsSection(period: Period, language: Language): RootContent[] {
  const counts = new Map<string, { label: string; count: number }>()
  for (const paper of period.listed) {
    const seen = new Set<string>()
    for (const keyword of paper.aiKeywords.map(cleanText)) {
      const key = keyword.toLowerCase()
      if (key === '' || seen.has(key)) continue
      seen.add(key)
      const entry = counts.get(key) ?? { label: keyword, count: 0 }
      entry.count++
      counts.set(key, entry)
    }
  }
  // Ties in first-seen order, so the list is stable from run to run.
  const top = [...counts.values()].sort((a, b) => b.count - a.count).slice(0, TOP_KEYWORDS)
  if (top.length === 0) return []
  const ranked = list(
    top.map(({ label, count }) => textItem(`${label} (${count})`)),
    { ordered: true },
  )
  return [heading(2, periodWords(language).topKeywords(top.length)), ranked]
}
