/** Code points shown of an untrusted value before it is cut short. */
const SHOWN = 60

/**
 * An untrusted value (a paper id, a URL from an API) quoted for a log line: shortened, in JSON quotes,
 * with every control, format, separator and unpaired surrogate character written as `\uXXXX`, so the
 * quote stays on one line, reads as what it is and cannot start a workflow command.
 */
export function quoteUntrusted(value: string, shown = SHOWN): string {
  // Cut before spreading: a megabyte-long value costs no more than a short one.
  const codePoints = Array.from(value.slice(0, shown * 2 + 2))
  const short = codePoints.length > shown ? `${codePoints.slice(0, shown).join('')}…` : value
  return JSON.stringify(short).replace(
    HIDDEN,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

// JSON.stringify already escapes C0 controls and writes lone surrogates as `\udXXX`.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu
