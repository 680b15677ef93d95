import type { Dispatcher } from 'undici'
import { formatDay } from '../core/calendar.js'
import type { Clock } from '../core/clock.js'
import { HUGGING_FACE, type OutboundLimits } from '../core/http/limits.js'
import { createOutbound } from '../core/http/send.js'
import type { InvalidPaper, OffDayPaper, Paper } from '../core/paper.js'
import { shownUrl } from '../core/wording.js'
import { readDailyPage, readPageItems } from './daily-page.js'
import { splitOffDay } from './drift.js'
import { createPacer } from './pacer.js'
import { periodItems } from './period-answer.js'
import type { PaperSource, Period } from './source.js'

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

/** What one paged request may take: a day's limits, or a period's, scaled to its days. */
interface Scope {
  /** Query parameters besides `limit` and `p`. */
  query: Record<string, string>
  unit: 'day' | 'week' | 'month'
  /** `one day`, `week 2025-W48`, for messages. */
  label: string
  /** The first day asked for, for the hint on a 400. */
  firstDay: string
  days: number
}

/** A page's text, handed to the caller, who returns how many of its items were new. */
type TakePage = (text: string, where: string, status: number) => { items: number; fresh: number }

/**
 * Reads `/api/daily_papers` page by page through the outbound policy (core/http), within the limits of
 * HUGGING_FACE: a day's pages share one time budget and one byte budget, a week's or a month's as many
 * as it has days (weeks for the time), and every request of the run one rate-limit budget (the pacer).
 */
export function createHuggingFaceSource(options: HuggingFaceSourceOptions): PaperSource {
  const endpoint = dailyPapersEndpoint(options.baseUrl)
  const listUrl = shownUrl(endpoint)
  const { token, clock } = options
  const pacer = createPacer({ clock, ceilingMs: HUGGING_FACE.rateLimitWaitMs, log: options.onRateLimitWait })
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const outbound = (limits: OutboundLimits) =>
    createOutbound({ limits, clock, dispatcher: options.dispatcher, secrets: [token] })
  const dayOutbound = outbound(HUGGING_FACE)

  async function readPages(scope: Scope, take: TakePage): Promise<void> {
    const { limits, pageCeiling } = scopeBounds(scope)
    const http = scope.unit === 'day' ? dayOutbound : outbound(limits)
    const { deadlineMs, maxBodyBytes } = limits
    const deadline = { at: clock.now() + deadlineMs }
    let bytes = 0
    for (let page = 0; ; page++) {
      const url = new URL(endpoint)
      url.search = new URLSearchParams({
        ...scope.query,
        limit: String(pageSize),
        p: String(page),
      }).toString()
      const where = `GET ${shownUrl(url)}`
      const answer = await http.send(
        { method: 'GET', url, headers },
        { deadline, pacer, bodyBytesLeft: maxBodyBytes - bytes },
      )
      if (answer.problem !== undefined) {
        const hint = answer.status === 400 ? futureHint(scope, clock.now()) : ''
        throw new Error(`${answer.problem}${hint}`)
      }
      bytes += Buffer.byteLength(answer.text)
      const { items, fresh } = take(answer.text, where, answer.status)
      // A full page with nothing new means the server ignores `p`: asking on would never end.
      if (items < pageSize || fresh === 0) return
      if (page + 1 >= pageCeiling) {
        throw new Error(
          `${where}: Hugging Face still sent a full page of new papers after ${pageCeiling} pages ` +
            `(${pageCeiling * pageSize} papers), the limit for ${scope.label}; no real ${scope.unit} has that many. ` +
            "Check that hf-api-url is Hugging Face's API.",
        )
      }
    }
  }

  return {
    async fetchDay(day) {
      const seen = new Set<string>()
      const papers: Paper[] = []
      const offDay: OffDayPaper[] = []
      const invalid: InvalidPaper[] = []
      const scope: Scope = { query: { date: day }, unit: 'day', label: 'one day', firstDay: day, days: 1 }
      await readPages(scope, (text, where, status) => {
        const { parsed, listedOn } = readDailyPage(text, { where, status, limit: pageSize, token })
        const fresh = parsed.papers.filter((paper) => {
          if (seen.has(paper.id)) return false
          seen.add(paper.id)
          return true
        })
        const split = splitOffDay(fresh, listedOn, day)
        papers.push(...split.papers)
        offDay.push(...split.offDay)
        invalid.push(...parsed.invalid)
        return { items: parsed.papers.length + parsed.invalid.length, fresh: fresh.length }
      })
      return { day, papers, invalid, offDay, listUrl }
    },

    async fetchPeriod(period) {
      const items = periodItems(period)
      const scope: Scope = {
        query: { [period.query]: period.name },
        unit: period.query,
        label: `${period.query} ${period.name}`,
        firstDay: period.days[0] ?? '',
        days: period.days.length,
      }
      let first = ''
      let listed = 0
      await readPages(scope, (text, where, status) => {
        first ||= where
        const page = readPageItems(text, { where, status, limit: pageSize, token })
        listed += page.length
        return { items: page.length, fresh: items.add(page) }
      })
      const days = items.days(listUrl)
      if (days !== undefined && listed > 0 && items.placed === 0) {
        throw new Error(ignoredPeriod(first, period, listed))
      }
      return days
    },
  }
}

/**
 * A day's limits, or a period's: as many bytes and pages as its days together up to the period's
 * ceilings, and the time of a day for each week (a lasting outage still fails a month within minutes).
 */
function scopeBounds({ unit, days, label }: Scope): { limits: OutboundLimits; pageCeiling: number } {
  if (unit === 'day') return { limits: HUGGING_FACE, pageCeiling: maxPages }
  const limits = {
    ...HUGGING_FACE,
    deadlineMs: HUGGING_FACE.deadlineMs * Math.ceil(days / 7),
    deadlineScope: `for ${label}`,
    maxBodyBytes: Math.min(HUGGING_FACE.maxBodyBytes * days, HUGGING_FACE.maxPeriodBodyBytes),
    bodyScope: `for ${label} (all its pages; a real day is a few hundred kB: check that hf-api-url is Hugging Face's API)`,
  }
  return { limits, pageCeiling: Math.min(maxPages * days, HUGGING_FACE.maxPeriodPages) }
}

/** A server that ignores `week=` or `month=` sends another list: none of its papers is listed in the period. */
function ignoredPeriod(where: string, period: Period, listed: number): string {
  const { days } = period
  return (
    `${where} listed ${listed} papers, none of them on a day of ${period.query} ${period.name} ` +
    `(${days[0]} to ${days.at(-1)}) by their submittedOnDailyAt: it ignored ${period.query}=. ` +
    "Expected the period's papers, as Hugging Face sends; check hf-api-url."
  )
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

function futureHint({ firstDay, unit }: Scope, now: number): string {
  const today = formatDay(now)
  if (firstDay <= today) return ''
  return unit === 'day'
    ? ` (${firstDay} is after today, ${today} UTC: Hugging Face lists a day only once it has begun)`
    : ` (it begins on ${firstDay}, after today, ${today} UTC: Hugging Face lists a period only once it has begun)`
}
