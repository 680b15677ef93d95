/** Characters that end a line or reorder what is shown: none belongs in a path, a name or a message. */
const CONTROL = /[\p{Cc}\u2028\u2029\p{Bidi_Control}]/u
const CONTROLS = new RegExp(CONTROL.source, 'gu')

/** `position`: 1-based, in UTF-16 units. */
export function findControlCharacter(text: string): { position: number; codePoint: string } | undefined {
  const match = CONTROL.exec(text)
  if (!match) return undefined
  return { position: match.index + 1, codePoint: codePointName(match[0]) }
}

function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** In double quotes, each control character as `\uXXXX`. */
export function quoteForMessage(text: string): string {
  return JSON.stringify(text).replace(CONTROLS, (character) => `\\u${codePointName(character).slice(2)}`)
}

/** Each control character percent-encoded, as in a URL, so that a value stays one line. */
export function encodeControlCharacters(text: string): string {
  return text.replace(CONTROLS, (character) => encodeURIComponent(character))
}
