import type { List, RootContent } from 'mdast'
import type { Paper } from '../source/paper.js'
import type { Language } from './fields.js'
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

/** The words of the period sections, in the reference blog's Korean monthly post style. */
const WORDS: Record<Language, PeriodWords> = {
  en: {
    statistics: '📊 Statistics',
    papers: (count) => `Papers: ${count}`,
    days: (from, to, days) => `Period: ${from} to ${to} (${days} ${days === 1 ? 'day' : 'days'} with papers)`,
    totalUpvotes: (total) => `Total upvotes: ${total}`,
    meanUpvotes: (mean) => `Mean upvotes: ${mean}`,
    topPapers: (count) => `🔥 Top ${count} papers by upvotes`,
    topKeywords: (count) => `🏷️ Top ${count} keywords`,
  },
  ko: {
    statistics: '📊 통계',
    papers: (count) => `논문 수: ${count}개`,
    days: (from, to, days) => `기간: ${from} ~ ${to} (논문이 있는 날 ${days}일)`,
    totalUpvotes: (total) => `총 좋아요: ${total}`,
    meanUpvotes: (mean) => `평균 좋아요: ${mean}`,
    topPapers: (count) => `🔥 가장 인기 있는 논문 Top ${count}`,
    topKeywords: (count) => `🏷️ 인기 태그 Top ${count}`,
  },
}

interface PeriodWords {
  statistics: string
  papers(count: number): string
  days(from: string, to: string, days: number): string
  totalUpvotes(total: number): string
  meanUpvotes(mean: string): string
  topPapers(count: number): string
  topKeywords(count: number): string
}

export function periodWords(language: Language): PeriodWords {
  return WORDS[language]
}

/** Papers, days, total and mean upvotes of the whole period. */
export function statisticsSection(period: Period, language: Language): RootContent[] {
  const words = WORDS[language]
  const total = period.listed.reduce((sum, paper) => sum + paper.upvotes, 0)
  const mean = period.listed.length === 0 ? 0 : total / period.listed.length
  return [
    heading(words.statistics),
    bulletList([
      words.papers(period.listed.length),
      words.days(period.from, period.to, period.days),
      words.totalUpvotes(total),
      words.meanUpvotes(mean.toFixed(1)),
    ]),
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
  const list: List = {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    children: top.map(({ label, count }) => listItem(`${label} (${count})`)),
  }
  return [heading(WORDS[language].topKeywords(top.length)), list]
}

const heading = (value: string): RootContent => ({
  type: 'heading',
  depth: 2,
  children: [{ type: 'text', value }],
})
const listItem = (value: string) => ({
  type: 'listItem' as const,
  spread: false,
  children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] }],
})
const bulletList = (lines: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: lines.map(listItem),
})
