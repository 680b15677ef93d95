import type { ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Field, Language } from '../core/fields.js'
import type { Paper } from '../core/paper.js'
import { arxivAbstractUrl, arxivPdfUrl, huggingFacePaperUrl } from '../core/paper-links.js'
import { safeHttpsUrl } from '../core/safe-url.js'
import type { EnrichedPaper } from '../enrich/index.js'
import type { Locale } from './locales/index.js'
import { heading, link, list, listItem, paragraph, strong, text } from './mdast.js'
import { aside, authorList } from './paper-lines.js'
import { keywordsSection, periodWords, statisticsSection, type Period } from './period.js'
import { cleanText } from './text.js'

/** What the classic style's body is made of; the papers already selected and ranked. */
export interface ClassicBody {
  title: string
  papers: readonly Paper[]
  language: Language
  locale: Locale
  fields: readonly Field[]
  listed: number
  period?: Period
  enriched?: ReadonlyMap<string, EnrichedPaper>
}

/**
 * Version 1's layout, the original Korean blog's: the title as an H1, the count, every paper in full
 * as a numbered list with one line per field; a week or month adds statistics and keywords.
 */
export function classicBody({
  title,
  papers,
  language,
  locale,
  fields,
  listed,
  period,
  enriched,
}: ClassicBody): RootContent[] {
  const body: RootContent[] = [heading(1, cleanText(title))]
  if (period) body.push(...statisticsSection(period, language))
  if (papers.length === 0) {
    body.push(paragraph([text(locale.noPapers)]))
  } else {
    if (!period) {
      const { before, count, after } = locale.collected(papers.length, listed)
      body.push(
        paragraph(
          [text(before), strong(count), text(after)].filter(
            (node) => node.type !== 'text' || node.value !== '',
          ),
        ),
      )
    }
    body.push(
      heading(2, period ? periodWords(language).topPapers(papers.length) : locale.rankingHeading),
      list(
        papers.map((paper) => paperItem(paper, fields, locale, enriched?.get(paper.id))),
        { ordered: true, spread: true },
      ),
    )
  }
  if (period) body.push(...keywordsSection(period, language))
  return body
}

function paperItem(
  paper: Paper,
  fields: readonly Field[],
  locale: Locale,
  enriched: EnrichedPaper | undefined,
): ListItem {
  const lines = fields.flatMap((field) => {
    const line = field === 'llm-title' ? undefined : FIELD_LINES[field](paper, locale, { fields, enriched })
    return line ? [listItem([paragraph(line)])] : []
  })
  const details = list(lines)
  const title = cleanText(paper.title)
  const translated = fields.includes('llm-title') ? cleanText(enriched?.title ?? '') : ''
  const beside = translated === '' || translated === title ? '' : aside(translated, locale)
  return listItem([
    paragraph([strong(title), text(`${beside} - 👍 ${locale.number(paper.upvotes)}`)]),
    ...(lines.length > 0 ? [details] : []),
  ])
}

/** What a line may need beyond the paper: the other fields shown, and the model's text for it. */
interface LineContext {
  fields: readonly Field[]
  enriched?: EnrichedPaper
}

type FieldLine = (paper: Paper, locale: Locale, context: LineContext) => PhrasingContent[] | undefined

/** One builder per field (llm-title goes beside the title); a field with nothing to show gives no line at all. */
const FIELD_LINES: Record<Exclude<Field, 'llm-title'>, FieldLine> = {
  organization: (paper, locale) => labelled(locale.organization, paper.organization, locale),
  'hf-link': (paper, locale) => [link(huggingFacePaperUrl(paper.id), locale.huggingFaceLink)],
  'arxiv-link': (paper, locale) => [link(arxivAbstractUrl(paper.id), locale.arxivLink)],
  'pdf-link': (paper, locale) => [link(arxivPdfUrl(paper.id), locale.pdfLink)],
  abstract: (paper, locale) => labelled(locale.abstract, paper.summary, locale),
  'ai-summary': (paper, locale) => labelled(locale.aiSummary, paper.aiSummary, locale),
  'llm-summary': (paper, locale, { fields, enriched }) => {
    if (enriched?.origin === 'model' || enriched?.origin === 'cache') {
      return labelled(locale.summary, enriched.summary, locale)
    }
    // Hugging Face's summary stands in for the model's, unless the ai-summary line shows it already.
    if (enriched?.origin === 'hf-ai-summary' && !(fields.includes('ai-summary') && paper.aiSummary)) {
      return labelled(locale.huggingFaceSummary, enriched.summary, locale)
    }
    return undefined
  },
  authors: (paper, locale) => labelled(locale.authors, authorList(paper.authors, locale), locale),
  github: (paper, locale) => {
    const url = safeHttpsUrl(paper.githubRepo)
    if (!url) return undefined
    const stars = paper.githubStars === undefined ? '' : ` ⭐ ${locale.number(paper.githubStars)}`
    return [link(url, locale.githubLink), ...(stars ? [text(stars)] : [])]
  },
  'project-page': (paper, locale) => {
    const url = safeHttpsUrl(paper.projectPage)
    return url ? [link(url, locale.projectPageLink)] : undefined
  },
  keywords: (paper, locale) =>
    labelled(locale.keywords, paper.aiKeywords.map(cleanText).join(locale.punctuation.comma), locale),
  comments: (paper, locale) =>
    paper.numComments === undefined
      ? undefined
      : labelled(locale.comments, locale.number(paper.numComments), locale),
}

function labelled(label: string, value: string | undefined, locale: Locale): PhrasingContent[] | undefined {
  const cleaned = value === undefined ? '' : cleanText(value)
  return cleaned === '' ? undefined : [text(`${label}${locale.punctuation.colon}${cleaned}`)]
}
