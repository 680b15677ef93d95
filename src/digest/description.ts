import type { Paper } from '../core/paper.js'
import type { Locale } from './locales/index.js'
import { cleanText, inertInHtml } from './text.js'

/** Home cards show two lines and link previews about 200 characters: the description fits both. */
export const DESCRIPTION_LENGTH = 200

/** Papers named in a description or a TL;DR. */
export const LEADERS = 3

/** How many papers a post shows, for the description and the TL;DR. */
export type PostCount =
  | { kind: 'day'; count: number; listed: number }
  | { kind: 'period'; count: number; listed: number; days: number }

/** How a description and a generated TL;DR start: `33 papers. Most upvoted: `. */
export function leadIn({ digest: words, punctuation: marks }: Locale, counted: PostCount): string {
  const count =
    counted.kind === 'day'
      ? words.dayCount(counted.count, counted.listed)
      : words.periodCount(counted.count, counted.days, counted.listed)
  return `${count}${marks.stop}${words.mostUpvoted}${marks.colon}`
}

/** What a post without papers says: none were listed, or the filters left out all that were. */
export function nothingShown(locale: Locale, counted: PostCount): string {
  if (counted.kind === 'period') {
    const { period } = locale
    return counted.listed > 0 ? period.noneSelected(counted.listed, counted.days) : period.noPapers
  }
  return counted.listed > 0 ? locale.noneSelected(counted.listed) : locale.noPapers
}

/**
 * A paper's name as readers call it: the part of its title before a colon ("GigaEvo" of "GigaEvo: An
 * Open Source Optimization Framework …"), when that part is a short name; else the title, cut at a word.
 */
export function shortName(title: string): string {
  const cleaned = cleanText(title)
  const colon = cleaned.indexOf(': ')
  const name = colon > 0 ? cleaned.slice(0, colon) : ''
  return name.length >= 2 && name.length <= 40 ? name : cutText(cleaned, 80)
}

/**
 * ` (👍 122)` after a name, `（👍 122）` in Chinese and Japanese; a no-break space holds the number to its
 * emoji, in the body and in the description that home cards and link previews wrap.
 */
export const upvoteNote = (paper: Paper, locale: Locale) =>
  `${locale.punctuation.open}👍\u00a0${locale.number(paper.upvotes)}${locale.punctuation.close}`

/**
 * The front matter's description: the count, then the most upvoted papers, the first by its whole title
 * (it names the day; cut to fit, its upvotes whole), the others by their short name as far as they fit;
 * inert in HTML, as themes print it.
 */
export function describePost(papers: readonly Paper[], counted: PostCount, locale: Locale): string {
  const [first, ...others] = papers
  if (first === undefined) return nothingShown(locale, counted)
  const lead = leadIn(locale, counted)
  const note = upvoteNote(first, locale)
  let description = `${lead}${cutText(cleanText(first.title), DESCRIPTION_LENGTH - lead.length - note.length)}${note}`
  for (const paper of others.slice(0, LEADERS - 1)) {
    const longer = `${description}${locale.punctuation.comma}${shortName(paper.title)}${upvoteNote(paper, locale)}`
    if (longer.length > DESCRIPTION_LENGTH) break
    description = longer
  }
  return inertInHtml(cutText(description, DESCRIPTION_LENGTH))
}

/**
 * At most `max` UTF-16 units (as YAML and browsers count them), cut at a word boundary with `…`; never a
 * split grapheme (an emoji with its modifier, a Hangul syllable), even where one word is longer than `max`.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  const end = fittingEnd('word', text, max - 1) || fittingEnd('grapheme', text, max - 1)
  return `${text.slice(0, end).replace(/[\s(,:;·\-（、：]+$/u, '')}…`
}

// A segmenter per cut, not one made at import: the process's first Intl object loads ICU's data (~10 ms),
// which the start-up should not wait for before its first request. Later ones take microseconds.
function fittingEnd(granularity: 'word' | 'grapheme', text: string, room: number): number {
  let end = 0
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity }).segment(text)) {
    if (index + segment.length > room) break
    end = index + segment.length
  }
  return end
}
