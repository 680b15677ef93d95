/**
 * How deep a JSON document may nest. A day of papers nests 6 levels (list, item, paper, authors, author,
 * its user); 32 leaves room for new API fields. Deeper documents are refused before anything walks
 * them: JSON.stringify and other recursive code end in "Maximum call stack size exceeded" on a
 * document nested 100,000 deep.
 */
export const MAX_JSON_DEPTH = 32

/** A document nested deeper than its limit: it was not parsed. */
export class JsonTooDeepError extends Error {
  override name = 'JsonTooDeepError'

  constructor(readonly limit: number) {
    super(`nested deeper than ${limit} levels`)
  }
}

/** JSON.parse, after refusing a document deeper than `maxDepth` (JsonTooDeepError); SyntaxError as JSON.parse. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (nestsDeeperThan(text, maxDepth)) throw new JsonTooDeepError(maxDepth)
  return JSON.parse(text)
}

/**
 * parseJson, with its failure worded by the caller: `refuse` gets the depth limit a too-deep document broke,
 * or undefined when the text is not JSON (`cause` is then JSON.parse's SyntaxError), and returns the error.
 */
export function parseJsonOr(
  text: string,
  refuse: (tooDeep: number | undefined, cause: unknown) => Error,
): unknown {
  try {
    return parseJson(text)
  } catch (error) {
    throw refuse(error instanceof JsonTooDeepError ? error.limit : undefined, error)
  }
}

/**
 * Whether `text` opens more than `limit` arrays or objects inside each other, in one linear pass that
 * skips strings. For text JSON.parse accepts this is its exact depth; for any other text it is at least
 * the depth JSON.parse reaches before it fails.
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') {
      inString = true
    } else if (char === '[' || char === '{') {
      if (++depth > limit) return true
    } else if (char === ']' || char === '}') {
      depth--
    }
  }
  return false
}
