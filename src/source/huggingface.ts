import type { Dispatcher } from 'undici'
import { formatDay } from '../core/calendar.js'
import type { Clock } from '../core/clock.js'
import { HUGGING_FACE } from '../core/http/limits.js'
import { createOutbound } from '../core/http/send.js'
import type { InvalidPaper, OffDayPaper, Paper } from '../core/paper.js'
import { shownUrl } from '../core/wording.js'
import { readDailyPage } from './daily-page.js'
import { splitOffDay } from './drift.js'
import { createPacer } from './pacer.js'
import type { PaperSource } from './source.js'

export interface HuggingFaceSourceOptions {
  /** e.g. `https://huggingface.co`; a path prefix (a proxy) is kept. */
  baseUrl: string
  /** Sent as a bearer token; never part of a message. */
  token?: string
  userAgent: string
  clock: Clock
  /** core/http's shared dispatcher unless given (a test's resolver, an HTTP/2 trust store). */
  dispatcher?: Dispatcher
  /** Told every wait for the rate limit, as a line for the run's log. */
  onRateLimitWait?: (message: string) => void
}

const { pageSize, maxPages } = HUGGING_FACE

/**
 * Reads `/api/daily_papers` page by page through the outbound policy (core/http), within the limits of
 * HUGGING_FACE: a day's pages share one time budget and one byte budget, and every request of the run
 * one rate-limit budget (the pacer).
 */
export function createHuggingFaceSource(options: HuggingFaceSourceOptions): PaperSource {
  const endpoint = dailyPapersEndpoint(options.baseUrl)
  const { token, clock } = options
  const http = createOutbound({
    limits: HUGGING_FACE,
    clock,
    dispatcher: options.dispatcher,
    secrets: [token],
  })
  const pacer = createPacer({ clock, ceilingMs: HUGGING_FACE.rateLimitWaitMs, log: options.onRateLimitWait })
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`

  return {
    async fetchDay(day) {
      const deadline = { at: clock.now() + HUGGING_FACE.deadlineMs }
      const seen = new Set<string>()
      const papers: Paper[] = []
      const offDay: OffDayPaper[] = []
      const invalid: InvalidPaper[] = []
      let bytes = 0
      for (let page = 0; ; page++) {
        const url = new URL(endpoint)
        url.search = new URLSearchParams({ date: day, limit: String(pageSize), p: String(page) }).toString()
        const where = `GET ${shownUrl(url)}`
        const answer = await http.send(
          { method: 'GET', url, headers },
          { deadline, pacer, bodyBytesLeft: HUGGING_FACE.maxBodyBytes - bytes },
        )
        if (answer.problem !== undefined) {
          throw new Error(`${answer.problem}${answer.status === 400 ? futureDayHint(day, clock.now()) : ''}`)
        }
        const { parsed, listedOn } = readDailyPage(answer.text, {
          where,
          status: answer.status,
          limit: pageSize,
          token,
        })
        bytes += Buffer.byteLength(answer.text)
        const fresh = parsed.papers.filter((paper) => {
          if (seen.has(paper.id)) return false
          seen.add(paper.id)
          return true
        })
        const split = splitOffDay(fresh, listedOn, day)
        papers.push(...split.papers)
        offDay.push(...split.offDay)
        invalid.push(...parsed.invalid)
        const items = parsed.papers.length + parsed.invalid.length
        // A full page with nothing new means the server ignores `p`: asking on would never end.
        if (items < pageSize || fresh.length === 0) break
        if (page + 1 >= maxPages) {
          throw new Error(
            `${where}: Hugging Face still sent a full page of new papers after ${maxPages} pages ` +
              `(${maxPages * pageSize} papers), the limit for one day; no real day has that many. ` +
              "Check that hf-api-url is Hugging Face's API.",
          )
        }
      }
      return { day, papers, invalid, offDay, listUrl: shownUrl(endpoint) }
    },
  }
}

function dailyPapersEndpoint(baseUrl: string): URL {
  try {
    return new URL(`${baseUrl.replace(/\/+$/, '')}/api/daily_papers`)
  } catch {
    throw new Error(
      `The Hugging Face API URL "${baseUrl}" is not a URL; expected e.g. https://huggingface.co`,
    )
  }
}

function futureDayHint(day: string, now: number): string {
  const today = formatDay(now)
  return day > today
    ? ` (${day} is after today, ${today} UTC: Hugging Face lists a day only once it has begun)`
    : ''
}
