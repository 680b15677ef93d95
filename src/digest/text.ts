/**
 * The one place where strangers' text (titles, abstracts, names, front-matter values) is prepared for
 * a post. arXiv keeps hard line breaks (`"\n  "`) in titles and abstracts; a post shows each on one line.
 */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * Text for a front-matter value that a theme prints as HTML without escaping it (Chirpy prints
 * `description` and the image's `alt` as they are): `<` and `>` become `‹` and `›`, so that no tag
 * can start. An `&` stays: an entity in text is text.
 */
export function inertInHtml(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›')
}

/**
 * Characters that show nothing yet change how text reads or parses: control characters other than
 * whitespace (which is collapsed, U+2028/U+2029 included), every format character (bidirectional marks,
 * embeddings, overrides and isolates, U+061C, zero-width characters, U+180E, U+2060–U+2064, U+FEFF, tag
 * characters), unpaired surrogates and the noncharacters U+FFFE/U+FFFF, which YAML may not hold.
 */
const INVISIBLE = /(?![\t-\r ])[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/gu
