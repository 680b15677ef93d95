/**
 * A day of papers nests 6 levels; 32 leaves room for new API fields. Deeper documents are refused before
 * anything walks them: recursive code ends in "Maximum call stack size exceeded" at 100,000 deep.
 */
export const MAX_JSON_DEPTH = 32

export class JsonTooDeepError extends Error {
  override name = 'JsonTooDeepError'

  constructor(readonly limit: number) {
    super(`nested deeper than ${limit} levels`)
  }
}

/** JSON.parse, after refusing a document deeper than `maxDepth`. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (nestsDeeperThan(text, maxDepth)) throw new JsonTooDeepError(maxDepth)
  return JSON.parse(text)
}

/** parseJson, its failure worded by `refuse` (`tooDeep`: the limit broken; undefined: not JSON). */
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

/** One linear pass that jumps over strings (most of a document): at least the depth JSON.parse reaches. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '"') index = stringEnd(text, index)
    else if (char === '[' || char === '{') {
      if (++depth > limit) return true
    } else if (char === ']' || char === '}') depth--
  }
  return false
}

/** The index of the quote that closes the string opened at `open`: one after an even run of backslashes. */
function stringEnd(text: string, open: number): number {
  for (let close = text.indexOf('"', open + 1); close !== -1; close = text.indexOf('"', close + 1)) {
    let backslashes = 0
    while (text[close - 1 - backslashes] === '\\') backslashes++
    if (backslashes % 2 === 0) return close
  }
  return text.length
}
