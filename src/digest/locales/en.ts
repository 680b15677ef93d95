import type { Locale } from './locale.js'

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
}
