import remarkStringify, { type Options as RemarkStringifyOptions } from 'remark-stringify'
import { unified } from 'unified'
import type { Field, Language } from '../core/fields.js'
import type { Paper } from '../core/paper.js'
import type { EnrichedPaper } from '../enrich/index.js'
import { classicBody } from './classic.js'
import { describePost, type PostCount } from './description.js'
import { digestBody, isAttributeList } from './digest-style.js'
import { frontMatter, type FrontMatter } from './front-matter.js'
import { kramdownLink, kramdownText } from './kramdown.js'
import { LOCALES } from './locales/index.js'
import type { Period } from './period.js'
import { cleanText, inertInHtml } from './text.js'

/** The front matter's own values (title and permalink already filled in), and how the body is written. */
interface CommonOptions extends Omit<FrontMatter, 'description' | 'image'> {
  language: Language
  /** What each paper shows, in this order. */
  fields: readonly Field[]
  /** Papers listed before selection; a daily post with fewer says both numbers. Default: all shown. */
  listed?: number
  period?: Period
  /** Model summaries and titles by paper id, for the llm-summary and llm-title fields; plain text. */
  enriched?: ReadonlyMap<string, EnrichedPaper>
  /** Writes the count and the most upvoted papers into the front matter. */
  description?: boolean
  /** Writes the first ranked paper's Hugging Face thumbnail into the front matter. */
  image?: boolean
}

/** Classic: v1's layout; digest: a TL;DR, the top papers in full and the rest one line each. */
export type StyleOptions =
  | { style: 'classic' }
  | {
      style: 'digest'
      /** Papers shown in full; the rest are one line each. */
      topPapers: number
      /** A TL;DR a model wrote, plain text; without one the digest writes its own. */
      tldr?: string
    }

export type PostOptions = CommonOptions & StyleOptions

/** The reference post's layout: `-` bullets, `1.` `2.` …, one-space indent. */
export const STRINGIFY_OPTIONS = {
  bullet: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  handlers: { text: kramdownText, link: kramdownLink },
  // An attribute list belongs to the block right above it: no blank line between them.
  join: [(_left, right) => (isAttributeList(right) ? 0 : undefined)],
} satisfies RemarkStringifyOptions
const markdown = unified().use(remarkStringify, STRINGIFY_OPTIONS)

/** The whole post, for papers already selected and ranked. */
export function renderPost(papers: readonly Paper[], options: PostOptions): string {
  const locale = LOCALES[options.language]
  const { period } = options
  const counted: PostCount = period
    ? { kind: 'period', count: period.matched, listed: period.listed.length, days: period.days }
    : { kind: 'day', count: papers.length, listed: options.listed ?? papers.length }
  const body =
    options.style === 'classic'
      ? classicBody({ ...options, papers, locale, counted })
      : digestBody({ ...options, papers, locale, counted })
  const description = options.description ? describePost(papers, counted, locale) : undefined
  // The alt text is a title, which themes print without escaping: see inertInHtml.
  const pictured = options.image ? papers.find((paper) => paper.thumbnail !== undefined) : undefined
  const image =
    pictured?.thumbnail === undefined
      ? undefined
      : { path: pictured.thumbnail, alt: inertInHtml(cleanText(pictured.title)) }
  return `${frontMatter({ ...options, description, image })}\n${markdown.stringify({ type: 'root', children: body })}`
}
