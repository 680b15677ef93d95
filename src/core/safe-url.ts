import { startsEntity } from './entity.js'

/**
 * A link destination that markdown, kramdown and Liquid all read as nothing but a URL: every character
 * outside a small safe set is percent-encoded, so none can end the link, open an attribute list or a
 * Liquid tag (RFC 3986 makes `%7E` equal to `~`, so links still lead where they did). Idempotent.
 */
export function encodeUrl(url: string): string {
  return url.replace(UNSAFE, (char: string, index: number) => {
    if (char === '%') return HEX_PAIR.test(url.slice(index + 1, index + 3)) ? '%' : '%25'
    // `&#123;` would be read as an entity, by kramdown and by a browser alike.
    if (char === '&') return startsEntity(url, index) ? '%26' : '&'
    return utf8Escapes(char)
  })
}

/** Undefined unless `https://` with a host. */
export function safeHttpsUrl(candidate: string | undefined): string | undefined {
  const url = candidate === undefined ? null : URL.parse(candidate.trim())
  return url?.protocol === 'https:' && url.hostname !== '' ? encodeUrl(url.href) : undefined
}

/** A host name of the public web: no IP address, no `localhost`, no name without a dot. */
const PUBLIC_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

/** An `https://` page on a public host, with no user or password (`https://huggingface.co@evil.example`). */
export function publicHttpsUrl(candidate: string): string | undefined {
  const url = URL.parse(candidate.trim())
  if (url?.protocol !== 'https:' || !PUBLIC_HOST.test(url.hostname) || url.username || url.password) {
    return undefined
  }
  return encodeUrl(url.href)
}

// Each code point outside the safe set; with the `u` flag, a lone surrogate is one too.
const UNSAFE = /[^A-Za-z0-9\-./:?#=+,;@!]/gu
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/
function utf8Escapes(char: string): string {
  // encodeURIComponent leaves `!'()*~` alone and throws on a lone surrogate.
  const bytes = Buffer.from(char.isWellFormed() ? char : '\ufffd', 'utf8')
  return [...bytes].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}
