import type { Locale } from './locale.js'

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
const days = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const papers = (count: number) => `${numbers.format(count)} ${count === 1 ? 'paper' : 'papers'}`

export const en: Locale = {
  collected: (count, listed) => ({
    before: '',
    count: String(count),
    after:
      count < listed
        ? ` of the day's ${listed} papers ${count === 1 ? 'was' : 'were'} selected.`
        : ` ${count === 1 ? 'paper was' : 'papers were'} collected.`,
  }),
  noPapers: 'No papers were collected for this day.',
  rankingHeading: '📊 Ranked by upvotes',
  organization: 'Organization',
  huggingFaceLink: 'Hugging Face',
  arxivLink: 'arXiv',
  pdfLink: 'PDF',
  abstract: 'Abstract',
  aiSummary: 'AI summary',
  summary: 'Summary',
  huggingFaceSummary: "Hugging Face's AI summary",
  authors: 'Authors',
  moreAuthors: (count) => `and ${count} more`,
  githubLink: 'GitHub',
  projectPageLink: 'Project page',
  keywords: 'Keywords',
  comments: 'Comments',
  period: {
    statistics: '📊 Statistics',
    papers: (count) => `Papers: ${count}`,
    days: (from, to, days) => `Period: ${from} to ${to} (${days} ${days === 1 ? 'day' : 'days'} with papers)`,
    totalUpvotes: (total) => `Total upvotes: ${total}`,
    meanUpvotes: (mean) => `Mean upvotes: ${mean}`,
    topPapers: (count) => `🔥 Top ${count} papers by upvotes`,
    topKeywords: (count) => `🏷️ Top ${count} keywords`,
  },
  digest: {
    number: (value) => numbers.format(value),
    day: (day) => days.format(new Date(`${day}T00:00:00Z`)),
    dayCount: (count, listed) =>
      count < listed ? `${numbers.format(count)} of the day's ${papers(listed)}` : papers(count),
    periodCount: (count, dayCount) => `${papers(count)} over ${dayCount} ${dayCount === 1 ? 'day' : 'days'}`,
    mostUpvoted: 'Most upvoted',
    topics: 'Recurring topics',
    tldr: 'TL;DR',
    tldrByModel: 'TL;DR (written by a model)',
    topHeading: (count) => `🔥 Top ${count}`,
    restHeading: (count) => `📋 The other ${papers(count)}`,
    abstract: 'Abstract',
    upvotes: (total, mean) => `👍\u00a0${numbers.format(total)} upvotes, ${numbers.format(mean)} per paper`,
    keywords: '🏷️ Keywords',
  },
}
