import { createRedactor, REDACTED } from './redact.js'

/**
 * Outside text as a message shows it: bounded, on one line, in JSON quotes with every control, format,
 * separator and unpaired surrogate character as `\uXXXX`, so it cannot start a workflow command. An
 * answer (an error body) also has its whitespace folded and every secret it may echo hidden.
 */

/** Code points shown of an untrusted value (a paper id, a URL from an API). */
const SHOWN = 60

export function quoteUntrusted(value: string, shown = SHOWN): string {
  // Cut before spreading: a megabyte-long value costs no more than a short one.
  const codePoints = Array.from(value.slice(0, shown * 2 + 2))
  const short = codePoints.length > shown ? `${codePoints.slice(0, shown).join('')}…` : value
  return jsonQuote(short)
}

interface AnswerQuote {
  limit: number
  secrets?: readonly (string | undefined)[]
  /** Said instead of `""` when nothing is left to show. */
  empty?: string
  /** `… (N more characters)` instead of `…`. */
  countRest?: boolean
  foldWhitespace?: boolean
}

/** How much of an answer quoting looks at, so the work stays linear whatever the answer's length. */
export const ANSWER_WINDOW = 64 * 1024

/** A prefix of a secret left dangling at a cut: shorter ones (`hf_`) say nothing about it. */
const MIN_FRAGMENT = 4

export function quoteAnswer(text: string, options: AnswerQuote): string {
  const shown = excerptAnswer(text, options)
  return shown === '' && options.empty !== undefined ? options.empty : jsonQuote(shown)
}

/** Not yet quoted. Secrets are hidden before the cut, and a start of one left at the cut too. */
export function excerptAnswer(
  text: string,
  { limit, secrets = [], countRest = false, foldWhitespace = true }: AnswerQuote,
): string {
  const present = secrets.filter((secret): secret is string => Boolean(secret))
  const trimmed = text.trimStart()
  const cutRaw = trimmed.length > ANSWER_WINDOW
  // The window reaches one secret's length further, so that a secret starting inside it is hidden whole.
  const reach = Math.max(0, ...present.map((secret) => secret.length))
  const raw = trimmed.slice(0, ANSWER_WINDOW + reach)
  const redacted = createRedactor(present)(raw)
  const flat = (foldWhitespace ? redacted.replace(/\s+/g, ' ') : redacted).trim()
  if (flat.length <= limit && !cutRaw) return flat
  // Never end on the first half of a surrogate pair.
  const cut = /[\uD800-\uDBFF]$/.test(flat.slice(0, limit)) ? limit - 1 : limit
  const rest = flat.length - cut + (trimmed.length - raw.length)
  const mark = countRest ? `… (${rest} more characters)` : '…'
  return `${present.reduce(hideDanglingStart, flat.slice(0, cut))}${mark}`
}

function hideDanglingStart(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= MIN_FRAGMENT; length--) {
    if (text.endsWith(secret.slice(0, length))) return `${text.slice(0, -length)}${REDACTED}`
  }
  return text
}

function jsonQuote(text: string): string {
  return JSON.stringify(text).replace(
    HIDDEN,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

// JSON.stringify already escapes C0 controls and writes lone surrogates as `\udXXX`.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu
