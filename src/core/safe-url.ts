import { startsEntity } from './entity.js'

/**
 * A URL as a link destination that markdown, kramdown and Liquid all read as nothing but a URL: every
 * character outside a small safe set is percent-encoded, so no `(`, `)`, `{`, `}`, `<`, `>`, `\`, `|`,
 * quote, `*`, `_`, `[`, `]`, space, backtick, `~`, `$` or control character is left to end the link,
 * open an attribute list or a Liquid tag. RFC 3986 makes `%7E`/`%5F` equal to `~`/`_`, so links still
 * lead where they did. Encoding an encoded URL changes nothing.
 */
export function encodeUrl(url: string): string {
  let encoded = ''
  for (let index = 0; index < url.length; index++) {
    const char = url[index] as string
    if (SAFE.test(char)) encoded += char
    else if (char === '%') encoded += HEX_PAIR.test(url.slice(index + 1, index + 3)) ? '%' : '%25'
    // `&#123;` would be read as an entity, by kramdown and by a browser alike.
    else if (char === '&') encoded += startsEntity(url, index) ? '%26' : '&'
    else {
      const codePoint = url.codePointAt(index) as number
      const whole = String.fromCodePoint(codePoint)
      index += whole.length - 1
      encoded += utf8Escapes(whole)
    }
  }
  return encoded
}

/** The URL when it is `https://` with a host, encoded as {@link encodeUrl} does; otherwise undefined. */
export function safeHttpsUrl(candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined
  try {
    const url = new URL(candidate.trim())
    return url.protocol === 'https:' && url.hostname !== '' ? encodeUrl(url.href) : undefined
  } catch {
    return undefined
  }
}

const SAFE = /^[A-Za-z0-9\-./:?#=+,;@!]$/
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/
function utf8Escapes(char: string): string {
  // encodeURIComponent leaves `!'()*~` alone and throws on a lone surrogate.
  const bytes = Buffer.from(char.isWellFormed() ? char : '\ufffd', 'utf8')
  return [...bytes].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}
