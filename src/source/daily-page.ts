import { parseJsonOr } from '../core/bounded-json.js'
import { HUGGING_FACE } from '../core/http/limits.js'
import { quoteBody } from '../core/http/send.js'
import { ANSWER_WINDOW } from '../core/quote-untrusted.js'
import { holdsSecret } from '../core/redact.js'
import { excerpt, UnexpectedResponseError } from './paper.js'

const { pageSize } = HUGGING_FACE

/**
 * A successful answer's items, not yet validated one by one, or why its text is not a page of papers.
 * `where`: `GET <url>`, for messages; `token`: never quoted, nor any piece of it.
 */
export function readPageItems(
  text: string,
  { where, status, token }: { where: string; status: number; token: string | undefined },
): unknown[] {
  const body = parseJsonOr(text, (tooDeep) => {
    const title = htmlTitle(text)
    const what =
      tooDeep !== undefined
        ? `JSON nested deeper than ${tooDeep} levels (a day of papers nests 6)`
        : title !== undefined
          ? `an HTML page titled ${quoteBody(title, [token])}`
          : `a body that is not JSON: ${quoteBody(text, [token])}`
    return new Error(
      `${where}: Hugging Face answered ${status} with ${what} where a JSON array of papers was expected`,
    )
  })
  if (!Array.isArray(body)) {
    // Quoted from the text as it came, not re-serialised, and without the token.
    throw new UnexpectedResponseError(
      `${where} returned ${excerpt(text, token)} where a JSON array of papers was expected`,
    )
  }
  if (holdsSecret(text, [token])) {
    throw new UnexpectedResponseError(
      `${where} returned papers that hold a piece of hf-token, the token sent with the request; an answer that echoes it is not used, so that the token reaches no post (check that hf-api-url is Hugging Face's API)`,
    )
  }
  // Longer than asked for: a hostile list of a million items would cost a warning each.
  if (body.length > pageSize) {
    throw new UnexpectedResponseError(
      `${where} returned ${body.length} items where at most ${pageSize} (limit=${pageSize}) were asked for`,
    )
  }
  return body
}

/**
 * The text of an HTML page's `<title>`, looked for near its start without a backtracking pattern: the
 * answer is already here, so no time limit could stop a slow search.
 */
export function htmlTitle(text: string): string | undefined {
  const page = text.trimStart().slice(0, ANSWER_WINDOW)
  if (!page.startsWith('<')) return undefined
  const open = /<title[\s>]/i.exec(page)
  if (open === null) return undefined
  const start = page.indexOf('>', open.index)
  const end = start < 0 ? -1 : page.indexOf('<', start + 1)
  if (end < 0 || !/^<\/title\s*>/i.test(page.slice(end, end + 16))) return undefined
  return page.slice(start + 1, end)
}
