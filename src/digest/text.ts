/**
 * Strangers' text as a post shows it: on one line (arXiv keeps hard line breaks), nothing invisible. A lone
 * no-break space stays one: it holds a number to its emoji (👍 122), also in a card's description.
 */
export function cleanText(text: string): string {
  // Most text is printable ASCII spaced once, which comes out as it went in: one scan instead of three.
  if (!NEEDS_CLEANING.test(text)) return text
  return text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, (space) => (space === '\u00a0' ? space : ' '))
    .trim()
}

/** Anything but printable ASCII, and a space that is doubled or at either end. */
const NEEDS_CLEANING = /[^ -~]|^ | $| {2}/

/**
 * A front-matter value a theme prints without escaping (Chirpy's `description` and image `alt`): no tag
 * can start once `<` and `>` are `‹` and `›`, and no entity once its `&` is `＆` (`&#x202E;` would
 * otherwise bring back the direction override cleanText took out). An `&` before a space stays (`Q & A`).
 */
export function inertInHtml(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›').replace(ENTITY_START, '＆')
}

/** Browsers read `&#8238` and some named entities without their `;`. */
const ENTITY_START = /&(?=#?\w)/g

/**
 * Characters that show nothing yet change how text reads or parses: controls other than whitespace (which
 * is collapsed), format characters (bidirectional marks, zero-width characters, U+FEFF, tag characters…),
 * unpaired surrogates and U+FFFE/U+FFFF, which YAML may not hold.
 */
const INVISIBLE = /(?![\t-\r ])[\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/gu
