/**
 * A message may quote an answer that echoes a token, cut at some limit; half a token is still a leak, so
 * every run of PIECE characters of a secret (the whole secret when shorter) is hidden.
 */
const PIECE = 8
export const REDACTED = '***'

function addPieces(secret: string, length: number, pieces: Set<string>): Set<string> {
  for (let start = 0; start + length <= secret.length; start++)
    pieces.add(secret.slice(start, start + length))
  return pieces
}

/** Linear in the text: each position is looked up once per distinct piece length in a set of pieces. */
export function createRedactor(secrets: Iterable<string | undefined>): (text: string) => string {
  const piecesByLength = new Map<number, Set<string>>()
  for (const secret of secrets) {
    if (!secret) continue
    const length = Math.min(PIECE, secret.length)
    piecesByLength.set(length, addPieces(secret, length, piecesByLength.get(length) ?? new Set()))
  }
  if (piecesByLength.size === 0) return (text) => text
  return (text) => {
    // Each stretch of overlapping or adjacent pieces becomes one REDACTED.
    let result = ''
    let keptFrom = 0
    let coverEnd = -1
    for (let start = 0; start < text.length; start++) {
      // The end of the furthest piece that starts here (0 when none does).
      let end = 0
      for (const [length, pieces] of piecesByLength) {
        if (pieces.has(text.slice(start, start + length))) end = Math.max(end, start + length)
      }
      if (end === 0) continue
      if (start > coverEnd) result += text.slice(keptFrom, start) + REDACTED
      if (end > coverEnd) coverEnd = keptFrom = end
    }
    return coverEnd < 0 ? text : result + text.slice(keptFrom)
  }
}

/**
 * Whether an answer echoes a piece of a token sent with it: its text must then reach no post or file. A
 * secret shorter than a piece is not looked for, as it would match ordinary words.
 */
export function holdsSecret(text: string, secrets: Iterable<string | undefined>): boolean {
  const pieces = new Set<string>()
  const squeezedPieces = new Set<string>()
  for (const secret of secrets) {
    if (!secret || secret.length < PIECE) continue
    addPieces(secret, PIECE, pieces)
    addPieces(squeezed(secret), PIECE, squeezedPieces)
  }
  if (pieces.size === 0) return false
  const read = squeezed(text)
  return (
    [...pieces].some((piece) => text.includes(piece)) ||
    [...squeezedPieces].some((piece) => read.includes(piece))
  )
}

/**
 * Text as a reader could still read a token in it: JSON's `\u0073` escapes decoded (an answer is parsed
 * after the check), TeX's empty commands taken out (an abstract's `\emph{}`), full-width letters as ASCII,
 * and only letters and digits kept: spaces, invisible characters and punctuation put between a token's
 * characters are gone, from the token too.
 */
function squeezed(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\[A-Za-z]+\{\}/g, '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
