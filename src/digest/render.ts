import { arxivAbstractUrl, huggingFacePaperUrl } from '../core/paper-links.js'
import type { ListItem, PhrasingContent, Root, RootContent } from 'mdast'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { safeHttpsUrl } from '../core/safe-url.js'
import type { EnrichedPaper } from '../enrich/index.js'
import type { Paper } from '../core/paper.js'
import type { Field, Language } from '../core/fields.js'
import { frontMatter, type FrontMatter } from './front-matter.js'
import { kramdownLink, kramdownText } from './kramdown.js'
import { LOCALES, type Locale } from './locales/index.js'
import { keywordsSection, periodWords, statisticsSection, type Period } from './period.js'
import { heading, link, list, listItem, paragraph, strong, text } from './mdast.js'
import { cleanText } from './text.js'

/** The front matter (title and permalink already filled in) and how the body is written. */
export interface PostOptions extends FrontMatter {
  language: Language
  /** The lines under each paper, in this order. */
  fields: readonly Field[]
  /** Papers listed before selection; a daily post with fewer says both numbers. Default: all shown. */
  listed?: number
  /** Set for a weekly or monthly digest: adds statistics and the top keywords. */
  period?: Period
  /** Model summaries and titles by paper id, for the llm-summary and llm-title fields; plain text. */
  enriched?: ReadonlyMap<string, EnrichedPaper>
}

/** Authors shown before the list is shortened. */
const AUTHORS_SHOWN = 5

/** The serializer settings that give the reference post's layout: `-` bullets, `1.` `2.` …, one-space indent. */
const markdown = unified().use(remarkStringify, {
  bullet: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  handlers: { text: kramdownText, link: kramdownLink },
})

/** The whole post, front matter and body, for papers already selected and ranked. */
export function renderPost(papers: readonly Paper[], options: PostOptions): string {
  const locale = LOCALES[options.language]
  const { period } = options
  const body: RootContent[] = [heading(1, cleanText(options.title))]
  if (period) body.push(...statisticsSection(period, options.language))
  if (papers.length === 0) {
    body.push(paragraph([text(locale.noPapers)]))
  } else {
    if (!period) {
      const { before, count, after } = locale.collected(papers.length, options.listed ?? papers.length)
      body.push(
        paragraph(
          [text(before), strong(count), text(after)].filter(
            (node) => node.type !== 'text' || node.value !== '',
          ),
        ),
      )
    }
    body.push(
      heading(2, period ? periodWords(options.language).topPapers(papers.length) : locale.rankingHeading),
      list(
        papers.map((paper) => paperItem(paper, options.fields, locale, options.enriched?.get(paper.id))),
        { ordered: true, spread: true },
      ),
    )
  }
  if (period) body.push(...keywordsSection(period, options.language))
  const root: Root = { type: 'root', children: body }
  return `${frontMatter(options)}\n${markdown.stringify(root)}`
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
  const beside = translated === '' || translated === title ? '' : ` (${translated})`
  return listItem([
    paragraph([strong(title), text(`${beside} - 👍 ${paper.upvotes}`)]),
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
  organization: (paper, locale) => labelled(locale.organization, paper.organization),
  'hf-link': (paper, locale) => [link(huggingFacePaperUrl(paper.id), locale.huggingFaceLink)],
  'arxiv-link': (paper, locale) => [link(arxivAbstractUrl(paper.id), locale.arxivLink)],
  abstract: (paper, locale) => labelled(locale.abstract, paper.summary),
  'ai-summary': (paper, locale) => labelled(locale.aiSummary, paper.aiSummary),
  'llm-summary': (paper, locale, { fields, enriched }) => {
    if (enriched?.origin === 'model' || enriched?.origin === 'cache') {
      return labelled(locale.summary, enriched.summary)
    }
    // Hugging Face's summary stands in for the model's, unless the ai-summary line shows it already.
    if (enriched?.origin === 'hf-ai-summary' && !(fields.includes('ai-summary') && paper.aiSummary)) {
      return labelled(locale.huggingFaceSummary, enriched.summary)
    }
    return undefined
  },
  authors: (paper, locale) => labelled(locale.authors, authorList(paper.authors, locale)),
  github: (paper, locale) => {
    const url = safeHttpsUrl(paper.githubRepo)
    if (!url) return undefined
    const stars = paper.githubStars === undefined ? '' : ` ⭐ ${paper.githubStars}`
    return [link(url, locale.githubLink), ...(stars ? [text(stars)] : [])]
  },
  'project-page': (paper, locale) => {
    const url = safeHttpsUrl(paper.projectPage)
    return url ? [link(url, locale.projectPageLink)] : undefined
  },
  keywords: (paper, locale) => labelled(locale.keywords, paper.aiKeywords.map(cleanText).join(', ')),
  comments: (paper, locale) =>
    paper.numComments === undefined ? undefined : [text(`${locale.comments}: ${paper.numComments}`)],
}

function authorList(authors: readonly string[], locale: Locale): string {
  const names = authors.map(cleanText).filter((name) => name !== '')
  if (names.length <= AUTHORS_SHOWN + 1) return names.join(', ')
  return `${names.slice(0, AUTHORS_SHOWN).join(', ')} ${locale.moreAuthors(names.length - AUTHORS_SHOWN)}`
}

function labelled(label: string, value: string | undefined): PhrasingContent[] | undefined {
  const cleaned = value === undefined ? '' : cleanText(value)
  return cleaned === '' ? undefined : [text(`${label}: ${cleaned}`)]
}
