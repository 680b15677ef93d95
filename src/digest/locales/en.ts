import { LATIN, localeBasis } from './format.js'
import type { Locale } from './locale.js'

const { basis, number, plural } = localeBasis('en', LATIN)
const papers = (count: number) => `${number(count)} ${plural(count, { one: 'paper', other: 'papers' })}`
const days = (count: number) => `${number(count)} ${plural(count, { one: 'day', other: 'days' })}`

export const en: Locale = {
  ...basis,
  collected: (count, listed) => ({
    after:
      count < listed
        ? ` of the day's ${number(listed)} papers ${plural(count, { one: 'was', other: 'were' })} selected.`
        : ` ${plural(count, { one: 'paper was', other: 'papers were' })} collected.`,
  }),
  noPapers: 'No papers were collected for this day.',
  noneSelected: (listed) =>
    listed === 1
      ? "The day's only paper did not match the filters."
      : `None of the day's ${papers(listed)} matched the filters.`,
  rankingHeading: '📊 Ranked by upvotes',
  organization: 'Organization',
  abstract: 'Abstract',
  aiSummary: 'AI summary',
  summary: 'Summary',
  huggingFaceSummary: "Hugging Face's AI summary",
  authors: 'Authors',
  moreAuthors: (count) => `and ${number(count)} more`,
  projectPageLink: 'Project page',
  keywords: 'Keywords',
  comments: 'Comments',
  period: {
    noPapers: 'No papers were collected for this period.',
    noneSelected: (listed, dayCount) =>
      listed === 1
        ? 'The only paper of this period did not match the filters.'
        : `None of the ${papers(listed)} over ${days(dayCount)} matched the filters.`,
    statistics: '📊 Statistics',
    papers: (count) => `Papers: ${number(count)}`,
    days: (from, to, count) => `Period: ${from} to ${to} (${days(count)} with papers)`,
    totalUpvotes: (total) => `Total upvotes: ${number(total)}`,
    meanUpvotes: (mean) => `Mean upvotes: ${basis.decimal(mean)}`,
    topPapers: (count) => `🔥 Top ${number(count)} papers by upvotes`,
    topKeywords: (count) => `🏷️ Top ${number(count)} keywords`,
  },
  digest: {
    dayCount: (count, listed) =>
      count < listed ? `${number(count)} of the day's ${papers(listed)}` : papers(count),
    periodCount: (count, dayCount, listed = count) =>
      count < listed
        ? `${number(count)} of the ${papers(listed)} over ${days(dayCount)}`
        : `${papers(count)} over ${days(dayCount)}`,
    mostUpvoted: 'Most upvoted',
    topics: 'Recurring topics',
    tldr: 'TL;DR',
    tldrByModel: 'TL;DR (written by a model)',
    topHeading: (count) => `🔥 Top ${number(count)}`,
    restHeading: (count) => `📋 The other ${papers(count)}`,
    upvotes: (total, mean) =>
      `👍\u00a0${number(total)} ${plural(total, { one: 'upvote', other: 'upvotes' })}, ${number(mean)} per paper`,
  },
}
