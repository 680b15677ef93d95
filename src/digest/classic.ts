import type { ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Field } from '../core/fields.js'
import type { Paper } from '../core/paper.js'
import type { EnrichedPaper } from '../enrich/index.js'
import { nothingShown, type PostCount } from './description.js'
import type { Locale } from './locales/index.js'
import { heading, list, listItem, paragraph, strong, text } from './mdast.js'
import {
  aside,
  githubPiece,
  LABELLED_LINES,
  labelledText,
  LINK_PIECES,
  translatedTitle,
} from './paper-lines.js'
import { keywordsSection, statisticsSection, type Period } from './period.js'
import { cleanText } from './text.js'

export interface ClassicBody {
  title: string
  papers: readonly Paper[]
  locale: Locale
  fields: readonly Field[]
  counted: PostCount
  period?: Period
  enriched?: ReadonlyMap<string, EnrichedPaper>
}

/**
 * Version 1's layout, the original Korean blog's: the title as an H1, the count, every paper in full
 * as a numbered list with one line per field; a week or month adds statistics and keywords.
 */
export function classicBody(options: ClassicBody): RootContent[] {
  const { title, papers, locale, counted, period } = options
  const body: RootContent[] = [heading(1, cleanText(title))]
  if (period) body.push(...statisticsSection(period, locale.period))
  if (papers.length === 0) {
    body.push(paragraph([text(nothingShown(locale, counted))]))
  } else {
    if (counted.kind === 'day') {
      const { before, count, after } = locale.collected(papers.length, counted.listed)
      const bold = strong(count ?? locale.number(papers.length))
      body.push(paragraph([...(before ? [text(before)] : []), bold, ...(after ? [text(after)] : [])]))
    }
    body.push(
      heading(2, period ? locale.period.topPapers(papers.length) : locale.rankingHeading),
      list(
        papers.map((paper) => paperItem(paper, options)),
        { ordered: true, spread: true },
      ),
    )
  }
  if (period) body.push(...keywordsSection(period, locale.period))
  return body
}

function paperItem(paper: Paper, { fields, locale, enriched: byId }: ClassicBody): ListItem {
  const enriched = byId?.get(paper.id)
  const lines = fields.flatMap((field) => {
    const line = field === 'llm-title' ? undefined : FIELD_LINES[field](paper, locale, { fields, enriched })
    return line ? [listItem([paragraph(line)])] : []
  })
  const translated = translatedTitle(paper, fields, enriched)
  const beside = translated ? aside(translated, locale) : ''
  return listItem([
    paragraph([strong(cleanText(paper.title)), text(`${beside} - 👍 ${locale.number(paper.upvotes)}`)]),
    ...(lines.length > 0 ? [list(lines)] : []),
  ])
}

type FieldLine = (
  paper: Paper,
  locale: Locale,
  context: { fields: readonly Field[]; enriched?: EnrichedPaper },
) => PhrasingContent[] | undefined

/** llm-title goes beside the title; a field with nothing to show gives no line at all. */
const FIELD_LINES: Record<Exclude<Field, 'llm-title'>, FieldLine> = {
  ...LINK_PIECES,
  ...LABELLED_LINES,
  organization: (paper, locale) => labelledText(locale.organization, paper.organization, locale),
  abstract: (paper, locale) => labelledText(locale.abstract, paper.summary, locale),
  'ai-summary': (paper, locale) => labelledText(locale.aiSummary, paper.aiSummary, locale),
  'llm-summary': (paper, locale, { fields, enriched }) => {
    if (enriched?.origin === 'model' || enriched?.origin === 'cache') {
      return labelledText(locale.summary, enriched.summary, locale)
    }
    // Hugging Face's summary stands in for the model's, unless the ai-summary line shows it already.
    if (enriched?.origin === 'hf-ai-summary' && !(fields.includes('ai-summary') && paper.aiSummary)) {
      return labelledText(locale.huggingFaceSummary, enriched.summary, locale)
    }
    return undefined
  },
  github: (paper, locale) => githubPiece(paper, locale, ' '),
  comments: (paper, locale) =>
    paper.numComments === undefined
      ? undefined
      : labelledText(locale.comments, locale.number(paper.numComments), locale),
}
