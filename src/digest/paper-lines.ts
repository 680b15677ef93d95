import type { PhrasingContent } from 'mdast'
import type { Field } from '../core/fields.js'
import type { Paper } from '../core/paper.js'
import {
  arxivAbstractUrl,
  arxivPdfUrl,
  huggingFaceCommentsUrl,
  huggingFacePaperUrl,
} from '../core/paper-links.js'
import { safeHttpsUrl } from '../core/safe-url.js'
import type { EnrichedPaper } from '../enrich/index.js'
import type { Locale } from './locales/index.js'
import { emphasis, link, postLink, strong, text } from './mdast.js'
import type { ListedOn } from './period.js'
import { cleanText } from './text.js'

/**
 * The meta line's pieces are joined by ` · `. A no-break space holds an emoji to its number, so a narrow
 * screen never ends a line with "👍" alone, and the dot to the piece before it, so no line starts with one.
 */
const SEPARATOR = '\u00a0· '
const NO_BREAK = '\u00a0'

type Piece = (paper: Paper, locale: Locale) => PhrasingContent[] | undefined

export const LINK_PIECES = {
  'hf-link': (paper, locale) => [link(huggingFacePaperUrl(paper.id), locale.huggingFaceLink)],
  'arxiv-link': (paper, locale) => [link(arxivAbstractUrl(paper.id), locale.arxivLink)],
  'pdf-link': (paper, locale) => [link(arxivPdfUrl(paper.id), locale.pdfLink)],
  'project-page': (paper, locale) => {
    const url = safeHttpsUrl(paper.projectPage)
    return url ? [link(url, locale.projectPageLink)] : undefined
  },
} satisfies Partial<Record<Field, Piece>>

const organization =
  (node: (name: string) => PhrasingContent): Piece =>
  (paper) => {
    const name = cleanText(paper.organization ?? '')
    return name === '' ? undefined : [node(name)]
  }

/** One for each of META_LINE_FIELDS, shown in the order `fields` lists them. */
const PIECES: Partial<Record<Field, Piece>> = {
  ...LINK_PIECES,
  organization: organization(strong),
  github: githubPiece,
  comments: (paper, locale) =>
    paper.numComments
      ? [link(huggingFaceCommentsUrl(paper.id), `💬${NO_BREAK}${locale.number(paper.numComments)}`)]
      : undefined,
}

/** The code's link and its stars, held to it by `space` (the classic style's line breaks anywhere). */
export function githubPiece(paper: Paper, locale: Locale, space = NO_BREAK): PhrasingContent[] | undefined {
  const url = safeHttpsUrl(paper.githubRepo)
  if (!url) return undefined
  const stars =
    paper.githubStars === undefined ? [] : [text(`${space}⭐${space}${locale.number(paper.githubStars)}`)]
  return [link(url, locale.githubLink), ...stars]
}

/** `📅 Nov 26`, linked to that day's post where the action wrote one. */
function listedDay(listed: ListedOn, locale: Locale): PhrasingContent {
  const label = `📅${NO_BREAK}${locale.day(listed.day)}`
  return listed.post === undefined ? text(label) : postLink(listed.post, label)
}

/**
 * 👍 · 📅 · then each inline field listed, in its order. After a title, a line of the compact list: of the
 * fields, only the organisation and GitHub.
 */
export function metaLine(
  paper: Paper,
  fields: readonly Field[],
  locale: Locale,
  listed: ListedOn | undefined,
  title?: PhrasingContent[],
): PhrasingContent[] {
  const upvotes = text(`👍${NO_BREAK}${locale.number(paper.upvotes)}`)
  const pieces = [...(title ? [title] : []), [upvotes], ...(listed ? [[listedDay(listed, locale)]] : [])]
  for (const field of fields) {
    const piece = (title ? COMPACT_PIECES : PIECES)[field]?.(paper, locale)
    if (piece) pieces.push(piece)
  }
  return pieces.flatMap((piece, index) => (index === 0 ? piece : [text(SEPARATOR), ...piece]))
}

/** The compact list's few fields: the organisation as plain text, the code without its stars. */
const COMPACT_PIECES: Partial<Record<Field, Piece>> = {
  organization: organization(text),
  github: (paper, locale) => githubPiece(paper, locale)?.slice(0, 1),
}

export const titleWithAside = (paper: Paper, translated: string, locale: Locale): PhrasingContent[] => [
  link(huggingFacePaperUrl(paper.id), cleanText(paper.title)),
  ...(translated ? [text(aside(translated, locale))] : []),
]

/** The model's title in the post's language, when `llm-title` is listed and it differs from the original. */
export function translatedTitle(paper: Paper, fields: readonly Field[], enriched?: EnrichedPaper): string {
  if (!fields.includes('llm-title')) return ''
  const translated = cleanText(enriched?.title ?? '')
  return translated === cleanText(paper.title) ? '' : translated
}

/** The model's summary when `llm-summary` is listed and it wrote one, else Hugging Face's; each labelled. */
export function summaryLine(
  paper: Paper,
  fields: readonly Field[],
  locale: Locale,
  enriched: EnrichedPaper | undefined,
): PhrasingContent[] | undefined {
  const byModel = enriched?.origin === 'model' || enriched?.origin === 'cache'
  if (fields.includes('llm-summary') && byModel) return labelled(locale.summary, enriched.summary, locale)
  if (fields.includes('ai-summary')) return labelled(locale.aiSummary, paper.aiSummary, locale)
  if (fields.includes('llm-summary') && enriched?.origin === 'hf-ai-summary') {
    return labelled(locale.huggingFaceSummary, enriched.summary, locale)
  }
  return undefined
}

/** The lines both styles show as `Label: text`. */
export const LABELLED_LINES = {
  authors: (paper, locale) => labelledText(locale.authors, authorList(paper.authors, locale), locale),
  keywords: (paper, locale) => {
    const keywords = paper.aiKeywords.map(cleanText).filter((keyword) => keyword !== '')
    return labelledText(locale.keywords, keywords.join(locale.punctuation.comma), locale)
  },
} satisfies Partial<Record<Field, Piece>>

/** `Label: text` as one text, or undefined when there is no text. */
export function labelledText(label: string, value: string | undefined, locale: Locale) {
  const cleaned = cleanText(value ?? '')
  return cleaned === '' ? undefined : [text(`${label}${locale.punctuation.colon}${cleaned}`)]
}

/**
 * `*Summary:* text`; a full-width colon goes after the emphasis (`*要約*：text`), since CommonMark ends no
 * emphasis between a punctuation mark and a letter.
 */
function labelled(label: string, value: string | undefined, locale: Locale): PhrasingContent[] | undefined {
  const cleaned = cleanText(value ?? '')
  if (cleaned === '') return undefined
  const { colon } = locale.punctuation
  const mark = colon.trimEnd()
  return mark === colon
    ? [emphasis(label), text(`${colon}${cleaned}`)]
    : [emphasis(`${label}${mark}`), text(`${colon.slice(mark.length)}${cleaned}`)]
}

/** ` (text)` after a title, `（text）` in Chinese and Japanese. */
export const aside = (inside: string, { punctuation }: Locale) =>
  `${punctuation.open}${inside}${punctuation.close}`

const AUTHORS_SHOWN = 5

/** `A, B, C, D, E and 3 more`: a long list shortened, a list one name longer shown whole. */
function authorList(authors: readonly string[], locale: Locale): string {
  const { comma, space } = locale.punctuation
  const names = authors.map(cleanText).filter((name) => name !== '')
  if (names.length <= AUTHORS_SHOWN + 1) return names.join(comma)
  return `${names.slice(0, AUTHORS_SHOWN).join(comma)}${space}${locale.moreAuthors(names.length - AUTHORS_SHOWN)}`
}
