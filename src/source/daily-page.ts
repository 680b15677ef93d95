import { parseJsonOr } from '../core/bounded-json.js'
import { listedDays } from './drift.js'
import { parseDailyPapers, UnexpectedResponseError, type ParsedResponse } from './paper.js'
import { quoteBody } from '../core/http/send.js'
import { excerpt, htmlTitle } from './quote.js'

/** One page of `/api/daily_papers`, validated, with the day each paper is listed on. */
export interface DailyPage {
  parsed: ParsedResponse
  listedOn: Map<string, string>
}

export interface PageContext {
  /** `GET <url>`, for messages. */
  where: string
  status: number
  /** The `limit` asked for: a longer list is refused. */
  limit: number
  /** Never quoted, nor any piece of it. */
  token: string | undefined
}

/**
 * A successful answer's text as a page of papers, or why it is not one: not JSON, nested too deep, not a
 * list, or longer than asked for (a hostile list of a million items would cost a warning each).
 */
export function readDailyPage(text: string, context: PageContext): DailyPage {
  const items = readPageItems(text, context)
  return { parsed: parseDailyPapers(items, context.where), listedOn: listedDays(items) }
}

/** The page's items, not yet validated one by one, or the error readDailyPage gives for the whole page. */
export function readPageItems(text: string, { where, status, limit, token }: PageContext): unknown[] {
  const body = parseJsonOr(text, (tooDeep) => {
    const what =
      tooDeep === undefined
        ? describeNonJson(text, token)
        : `JSON nested deeper than ${tooDeep} levels (a day of papers nests 6)`
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
  if (body.length > limit) {
    throw new UnexpectedResponseError(
      `${where} returned ${body.length} items where at most ${limit} (limit=${limit}) were asked for`,
    )
  }
  return body
}

function describeNonJson(text: string, token: string | undefined): string {
  const title = htmlTitle(text)
  if (title !== undefined) return `an HTML page titled ${quoteBody(title, [token])}`
  return `a body that is not JSON: ${quoteBody(text, [token])}`
}
