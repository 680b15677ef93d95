/** A summary as the cache keeps it and the digest shows it: clean plain text. */
export interface Summary {
  summary: string
  /** Only when the post's language is not English. */
  title?: string
}

/** The longest summary and translated title a post shows; the prompt asks for far less. */
export const MAX_SUMMARY_LENGTH = 600
export const MAX_TITLE_LENGTH = 200

/** Control, format (bidi, zero-width, tags), private-use, lone surrogates: some make text read otherwise. */
export const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu

/** One line of plain text, safe to measure, compare and store; escaping for markdown is the digest's job. */
export function cleanModelText(text: string, maxLength: number): string {
  // Work on a bounded prefix: a 100 KB answer must not cost 100 KB of regular-expression work.
  const flat = text
    .slice(0, maxLength * 8)
    .normalize('NFC')
    .replace(HIDDEN, (character) => (/\s/.test(character) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim()
  return shorten(flat, maxLength)
}

/** Text that says something: `…`, `—` or `1.` alone is what a weak or refused answer looks like. */
export const saysSomething = (text: string) => /\p{L}/u.test(text)

/** A summary (and its title, when there is one) cleaned, or undefined when either is empty or says nothing. */
export function cleanSummary(summary: string, title: string | undefined): Summary | undefined {
  const cleaned = cleanModelText(summary, MAX_SUMMARY_LENGTH)
  const cleanTitle = title === undefined ? undefined : cleanModelText(title, MAX_TITLE_LENGTH)
  if (!saysSomething(cleaned) || (cleanTitle !== undefined && !saysSomething(cleanTitle))) return undefined
  return cleanTitle === undefined ? { summary: cleaned } : { summary: cleaned, title: cleanTitle }
}

function shorten(text: string, maxLength: number): string {
  const characters = Array.from(text)
  if (characters.length <= maxLength) return text
  const cut = characters.slice(0, maxLength - 1).join('')
  // Ending at a space keeps a word whole, unless that throws away more than a fifth of the text.
  const space = cut.lastIndexOf(' ')
  const kept = space > cut.length * 0.8 ? cut.slice(0, space) : cut
  return `${kept.trimEnd()}…`
}
