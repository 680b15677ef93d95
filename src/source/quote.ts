import { ANSWER_WINDOW, excerptAnswer, quoteAnswer } from '../core/quote-untrusted.js'

/**
 * How a message shows a piece of Hugging Face's answer: one line, a bounded prefix, the hf-token
 * removed. Everything here is linear in a bounded window of the answer, whatever the answer's length or
 * content: an answer arrives before any time limit can stop the work done on it.
 */

/** Characters of an answer a message shows. */
export const QUOTE_LENGTH = 200

/** The start of `text` as a JSON string, e.g. `"Not Found"`, or `(empty body)`. */
export function quote(text: string, secret?: string): string {
  return quoteAnswer(text, { limit: QUOTE_LENGTH, secrets: [secret], empty: '(empty body)' })
}

/** The start of `text` on one line, at most QUOTE_LENGTH characters and `…` when cut, the token hidden. */
export function excerpt(text: string, secret?: string): string {
  return excerptAnswer(text, { limit: QUOTE_LENGTH, secrets: [secret] })
}

/** The text of an HTML page's `<title>`, looked for near its start without a backtracking pattern. */
export function htmlTitle(text: string): string | undefined {
  const page = text.trimStart().slice(0, ANSWER_WINDOW)
  if (!page.startsWith('<')) return undefined
  const open = /<title[\s>]/i.exec(page)
  if (open === null) return undefined
  const start = page.indexOf('>', open.index)
  const end = start < 0 ? -1 : page.indexOf('<', start + 1)
  if (end < 0 || !/^<\/title\s*>/i.test(page.slice(end, end + 16))) return undefined
  return page.slice(start + 1, end)
}
