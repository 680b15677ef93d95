/**
 * Characters that end a line or reorder what is shown: C0 and C1 controls (tab, CR, LF, …), DEL,
 * U+2028/U+2029 (line and paragraph separators) and the bidirectional controls (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069). None belongs in a path, a name or a line of a message.
 */
const CONTROL = /[\p{Cc}\u2028\u2029\p{Bidi_Control}]/u
const CONTROLS = new RegExp(CONTROL.source, 'gu')

/** The first control character of `text`: its position (1-based, in UTF-16 units) and its code point. */
export function findControlCharacter(text: string): { position: number; codePoint: string } | undefined {
  const match = CONTROL.exec(text)
  if (!match) return undefined
  return { position: match.index + 1, codePoint: codePointName(match[0]) }
}

/** `U+000A`, as messages name a character. */
function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** `text` in double quotes for a message, each control character written as `\uXXXX`, never raw. */
export function quoteForMessage(text: string): string {
  return JSON.stringify(text).replace(CONTROLS, (character) => `\\u${codePointName(character).slice(2)}`)
}

/** Each control character percent-encoded, as in a URL: keeps a value that should be one line on one line. */
export function encodeControlCharacters(text: string): string {
  return text.replace(CONTROLS, (character) => encodeURIComponent(character))
}
