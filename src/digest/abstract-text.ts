import type { PhrasingContent } from 'mdast'
import { publicHttpsUrl } from '../core/safe-url.js'
import { link, text } from './mdast.js'
import { cleanText } from './text.js'

/**
 * An abstract as one line whose https addresses are links (checked as every link is), without the TeX
 * arXiv's abstract pages leave in (`\emph{x}`, `{\it x}`, `~`, `\href{url}{text}`, "{this https URL}").
 * Linear in the text's length: every pattern stops at a brace, a backslash or a space.
 */
export function abstractContent(abstract: string): PhrasingContent[] {
  const plain = withoutTex(cleanText(abstract))
  const content: PhrasingContent[] = []
  // Neighbouring text nodes as one, as the serializer would write them anyway.
  const add = (node: PhrasingContent) => {
    const last = content.at(-1)
    if (node.type === 'text' && last?.type === 'text') last.value += node.value
    else content.push(node)
  }
  let from = 0
  for (const match of plain.matchAll(LINKS)) {
    const { node, length } = foundLink(match)
    if (match.index > from) add(text(plain.slice(from, match.index)))
    add(node)
    from = match.index + length
  }
  if (from < plain.length) add(text(plain.slice(from)))
  return content
}

const TEX_COMMAND = /\\(?:emph|textbf|textit|texttt|textsc|textrm|underline|text)\{([^{}\\]*)\}/g
const TEX_SWITCH = /\{\\(?:it|bf|em|sc|tt|rm|sl)\s+([^{}\\]*)\}/g
/** `72\%`, `R\&D`: TeX's escaped specials, which arXiv's abstracts keep. */
const TEX_ESCAPE = /\\([%&#_$])/g
/** TeX's `~` is a space that does not break; `~1B` or `(~8)` is "about" and stays. */
const TIE = /(?<=[\p{L}\p{N}.,;:)\]])~(?=[\p{L}([])/gu

function withoutTex(line: string): string {
  return line
    .replace(/\\allowbreak\s*/g, '')
    .replace(TEX_COMMAND, '$1')
    .replace(TEX_SWITCH, '$1')
    .replace(TIE, ' ')
    .replace(TEX_ESCAPE, '$1')
}

/**
 * `\href{url}{text}`, its mangled `\href{url{text}}`, `{url}`, and a bare URL with arXiv's `{text}` right
 * after it. A URL runs to the next space, brace, quote or angle bracket, or another script's punctuation
 * (`。`, `，`, `”`), which CJK text often puts right after it.
 */
const URL_CHARS = String.raw`https?://(?:(?![\s{}<>"\\])(?:[!-~]|(?!\p{P})[^])){1,2048}`
const LINKS = new RegExp(
  [
    String.raw`\\href\{(?<hrefUrl>${URL_CHARS})\}\{(?<hrefLabel>[^{}\\]*)\}`,
    String.raw`\\href\{(?<mangledUrl>${URL_CHARS})\{(?<mangledLabel>[^{}\\]*)\}\}`,
    String.raw`\{(?<bracedUrl>${URL_CHARS})\}`,
    String.raw`(?<url>${URL_CHARS})(?:\{(?<label>[^{}\\]*)\})?`,
  ].join('|'),
  'gu',
)

/**
 * The words arXiv writes in place of a link's text, and labels that are addresses themselves, with or
 * without a scheme: a label `github.com/a/b` on a link elsewhere would lie about where it leads.
 */
const NO_LABEL = /^(?:this\s+https?\s+url|https?:\/\/\S*|[^\s./]+(?:\.[^\s./]+)+(?:[/:?#]\S*)?)$/i

function foundLink(match: RegExpMatchArray): { node: PhrasingContent; length: number } {
  const groups = match.groups ?? {}
  const labelled = groups.hrefUrl ?? groups.mangledUrl ?? groups.bracedUrl
  const label = (groups.hrefLabel ?? groups.mangledLabel ?? groups.label ?? '').trim()
  if (labelled !== undefined || groups.label !== undefined) {
    return { node: linkOrText(labelled ?? (groups.url as string), label), length: match[0].length }
  }
  // A bare URL: punctuation that ends the sentence, and a bracket it did not open, are not part of it.
  const url = trimTrailing(groups.url as string)
  return { node: linkOrText(url, ''), length: url.length }
}

function linkOrText(url: string, label: string): PhrasingContent {
  const shown = label === '' || NO_LABEL.test(label) ? url : label
  const safe = publicHttpsUrl(url)
  return safe === undefined ? text(shown === url ? url : `${shown} (${url})`) : link(safe, shown)
}

function trimTrailing(url: string): string {
  const unclosed = { ')': count(url, '(') - count(url, ')'), ']': count(url, '[') - count(url, ']') }
  let end = url.length
  for (;;) {
    const last = url[end - 1] as string
    // Any other script's punctuation too (`…`, `”`, `」`, `。`), which no real address ends with.
    if (/[.,;:!?'*]|[\p{P}--\p{ASCII}]/v.test(last)) end--
    else if ((last === ')' || last === ']') && unclosed[last] < 0) {
      unclosed[last]++
      end--
    } else return url.slice(0, end)
  }
}

const count = (text: string, char: string) => text.split(char).length - 1
