/**
 * How a message shows a piece of an answer: one line, a bounded prefix, the hf-token removed. Everything
 * here is linear in a bounded window of the answer, whatever the answer's length or content: an answer
 * arrives before any time limit can stop the work done on it.
 */

/** Characters of an answer a message shows. */
export const QUOTE_LENGTH = 200

/**
 * How much of an answer quoting looks at. A quote needs far less; a run of whitespace longer than this
 * only shortens the quote.
 */
const WINDOW = 64 * 1024

/** Shown instead of the secret or a piece of it. */
const MASK = '***'

/** A prefix of the secret left dangling at a cut: shorter ones (`hf_`) say nothing about it. */
const MIN_FRAGMENT = 4

/** The start of `text` as a JSON string, e.g. `"Not Found"`, or `(empty body)`. */
export function quote(text: string, secret?: string): string {
  const shown = excerpt(text, secret)
  return shown === '' ? '(empty body)' : JSON.stringify(shown)
}

/**
 * The start of `text` on one line, at most QUOTE_LENGTH characters and `…` when cut. The secret and its
 * halves are replaced before any cut, so a secret that straddles a cut never shows its first part.
 */
export function excerpt(text: string, secret?: string): string {
  const trimmed = text.trimStart()
  const cutRaw = trimmed.length > WINDOW
  // The window reaches one secret's length further, so that a secret starting inside it is replaced whole.
  const window = redact(trimmed.slice(0, WINDOW + (secret?.length ?? 0)), secret)
  const flat = window.replace(/\s+/g, ' ').trim()
  if (flat.length <= QUOTE_LENGTH && !cutRaw) return flat
  return `${dropDanglingPrefix(flat.slice(0, QUOTE_LENGTH), secret)}…`
}

/** The text of an HTML page's `<title>`, looked for near its start without a backtracking pattern. */
export function htmlTitle(text: string): string | undefined {
  const page = text.trimStart().slice(0, WINDOW)
  if (!page.startsWith('<')) return undefined
  const open = /<title[\s>]/i.exec(page)
  if (open === null) return undefined
  const start = page.indexOf('>', open.index)
  const end = start < 0 ? -1 : page.indexOf('<', start + 1)
  if (end < 0 || !/^<\/title\s*>/i.test(page.slice(end, end + 16))) return undefined
  return page.slice(start + 1, end)
}

/** `text` with `secret` and each of its halves replaced, whole occurrences first. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text
  let redacted = text.replaceAll(secret, MASK)
  const half = Math.ceil(secret.length / 2)
  if (half >= MIN_FRAGMENT) {
    for (const piece of [secret.slice(0, half), secret.slice(secret.length - half)]) {
      redacted = redacted.replaceAll(piece, MASK)
    }
  }
  return redacted
}

/** Masks the end of a cut text when it is the start of the secret. */
function dropDanglingPrefix(text: string, secret: string | undefined): string {
  if (!secret) return text
  // Halves are already masked, so a dangling piece is shorter than half the secret and than the text.
  for (let length = Math.min(secret.length - 1, text.length); length >= MIN_FRAGMENT; length--) {
    if (text.endsWith(secret.slice(0, length))) return `${text.slice(0, -length)}${MASK}`
  }
  return text
}
