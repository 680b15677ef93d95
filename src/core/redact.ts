/**
 * Takes secrets out of text before it leaves the process. A message may quote an answer that echoes a
 * token, cut at some quote limit; half a token is still a leak, so every run of PIECE consecutive
 * characters of a secret (the whole secret when it is shorter) is hidden, wherever the cut fell.
 */
const PIECE = 8
export const REDACTED = '***'

/**
 * A redactor for these secrets (empty ones are ignored). Linear in the text: each position is looked
 * up once per distinct piece length (at most PIECE of them) in a set of the secrets' pieces.
 */
export function createRedactor(secrets: Iterable<string | undefined>): (text: string) => string {
  const piecesByLength = new Map<number, Set<string>>()
  for (const secret of secrets) {
    if (!secret) continue
    const length = Math.min(PIECE, secret.length)
    const pieces = piecesByLength.get(length) ?? new Set<string>()
    for (let start = 0; start + length <= secret.length; start++)
      pieces.add(secret.slice(start, start + length))
    piecesByLength.set(length, pieces)
  }
  if (piecesByLength.size === 0) return (text) => text
  return (text) => hideRuns(text, coveredUntil(text, piecesByLength))
}

/** For each position, the end of the furthest piece that starts there (0 when none does). */
function coveredUntil(text: string, piecesByLength: Map<number, Set<string>>): Uint32Array {
  const ends = new Uint32Array(text.length + 1)
  for (const [length, pieces] of piecesByLength) {
    for (let start = 0; start + length <= text.length; start++) {
      if (pieces.has(text.slice(start, start + length)))
        ends[start] = Math.max(ends[start] ?? 0, start + length)
    }
  }
  return ends
}

/** Replaces each stretch of overlapping or adjacent pieces with one REDACTED. */
function hideRuns(text: string, ends: Uint32Array): string {
  let result = ''
  let keptFrom = 0
  let coverEnd = -1
  for (let index = 0; index < text.length; index++) {
    const end = ends[index] ?? 0
    if (end === 0) continue
    if (index > coverEnd) result += text.slice(keptFrom, index) + REDACTED
    if (end > coverEnd) coverEnd = keptFrom = end
  }
  return coverEnd < 0 ? text : result + text.slice(keptFrom)
}
