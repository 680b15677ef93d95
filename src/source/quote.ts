import { QUOTE_LENGTH } from '../core/http/send.js'
import { ANSWER_WINDOW, excerptAnswer } from '../core/quote-untrusted.js'

/**
 * How a message shows a piece of Hugging Face's answer beside quoteBody (core/http/send.ts): one line, a
 * bounded prefix, the hf-token removed. Everything here is linear in a bounded window of the answer,
 * whatever the answer's length or content: an answer arrives before any time limit can stop the work.
 */

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
