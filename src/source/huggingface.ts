import type { Dispatcher } from 'undici'
import { formatDay, isWeekday } from '../core/calendar.js'
import type { Clock } from '../core/clock.js'
import { HUGGING_FACE, type OutboundLimits } from '../core/http/limits.js'
import { createOutbound } from '../core/http/send.js'
import type { DayPapers, InvalidPaper, OffDayPaper, Paper } from '../core/paper.js'
import { shownUrl } from '../core/wording.js'
import { readPageItems } from './daily-page.js'
import { itemId, listedDays, splitOffDay } from './drift.js'
import { inListOrder, parseDailyPapers } from './paper.js'
import { createPacer } from './pacer.js'
import { periodItems } from './period-answer.js'
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
  onRateLimitWait?: (message: string) => void
}

const { pageSize, maxPages } = HUGGING_FACE

/** One paged request: a day, or a week or a month. */
interface Scope {
  /** Query parameters besides `limit` and `p`. */
  query: Record<string, string>
  unit: 'day' | 'week' | 'month'
  /** `one day`, `week 2025-W48`, for messages. */
  label: string
  days: readonly string[]
}

/**
 * Reads `/api/daily_papers` page by page within the limits of HUGGING_FACE (see scopeBounds); every
 * request of the run shares one rate-limit budget (the pacer).
 */
export function createHuggingFaceSource(options: HuggingFaceSourceOptions): PaperSource {
  const { baseUrl, token, clock } = options
  const endpoint = dailyPapersEndpoint(baseUrl)
  const listUrl = shownUrl(endpoint)
  const pacer = createPacer({ clock, ceilingMs: HUGGING_FACE.rateLimitWaitMs, log: options.onRateLimitWait })
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`

  /**
   * `take` takes a page's items and returns how many of them were new; a full page with none means the
   * server ignores `p` (asking on would never end): its `where` is returned.
   */
  async function readPages(
    scope: Scope,
    take: (items: unknown[], where: string) => number,
  ): Promise<string | undefined> {
    const { limits, pageCeiling } = scopeBounds(scope)
    const http = createOutbound({ limits, clock, dispatcher: options.dispatcher, secrets: [token] })
    const deadline = { at: clock.now() + limits.deadlineMs }
    let bytes = 0
    for (let page = 0; ; page++) {
      const url = new URL(endpoint)
      url.search = String(new URLSearchParams({ ...scope.query, limit: String(pageSize), p: String(page) }))
      const where = `GET ${shownUrl(url)}`
      const answer = await http.send(
        { method: 'GET', url, headers },
        { deadline, pacer, bodyBytesLeft: limits.maxBodyBytes - bytes },
      )
      if (answer.problem !== undefined) {
        const hint = answer.status === 400 ? futureHint(scope, clock.now()) : ''
        throw new Error(`${answer.problem}${hint}`)
      }
      bytes += Buffer.byteLength(answer.text)
      const items = readPageItems(answer.text, { where, status: answer.status, token })
      const fresh = take(items, where)
      if (items.length < pageSize) return undefined
      if (fresh === 0) return where
      if (page + 1 >= pageCeiling) {
        throw new Error(
          `${where}: Hugging Face still sent a full page of new papers after ${pageCeiling} pages ` +
            `(${pageCeiling * pageSize} papers), the limit for ${scope.label}; no real ${scope.unit} has that many. ` +
            "Check that hf-api-url is Hugging Face's API.",
        )
      }
    }
  }

  const source: Required<PaperSource> = {
    async fetchDay(day) {
      const seen = new Set<string>()
      const seenItems = new Set<unknown>()
      const papers: Paper[] = []
      const offDay: OffDayPaper[] = []
      const invalid: InvalidPaper[] = []
      const scope: Scope = { query: { date: day }, unit: 'day', label: 'one day', days: [day] }
      // A day of more than a page is rare: one that ignores `p` is taken as its first page.
      await readPages(scope, (items, where) => {
        const parsed = parseDailyPapers(items, where)
        // A page's papers are deduplicated already: only those of earlier pages are dropped.
        const fresh = parsed.papers.filter((paper) => !seen.has(paper.id))
        for (const paper of fresh) seen.add(paper.id)
        const split = splitOffDay(fresh, listedDays(items), day)
        papers.push(...split.papers)
        offDay.push(...split.offDay)
        invalid.push(...parsed.invalid)
        // New items, valid or not: a page of invalid ones is no sign that the server ignores `p`.
        const before = seenItems.size
        for (const item of items) seenItems.add(itemId(item) ?? item)
        return seenItems.size - before
      })
      return { day, papers: inListOrder(papers), invalid, offDay, listUrl }
    },

    async fetchPeriod(period) {
      const items = periodItems(period)
      const scope: Scope = {
        query: { [period.query]: period.name },
        unit: period.query,
        label: `${period.query} ${period.name}`,
        days: period.days,
      }
      let first = ''
      let listed = 0
      const repeated = await readPages(scope, (page, where) => {
        first ||= where
        listed += page.length
        return items.add(page)
      })
      if (repeated !== undefined) {
        const askByDay = `${repeated} sent the page before it again: the server ignores p, and the rest of ${scope.label} would be missing`
        return { askByDay }
      }
      const asked = `Hugging Face's answer for ${scope.label}`
      const days = items.days(listUrl)
      if (days === undefined)
        return { askByDay: `${asked} has papers without a submittedOnDailyAt to place them on their day` }
      // A server that ignores `week=` or `month=` sends another list: none of it on a day of the period.
      const none = days.every((day) => day.papers.length + day.invalid.length === 0)
      if (none && listed > 0) {
        throw new Error(
          `${first} listed ${listed} papers, none of them on a day of ${period.query} ${period.name} ` +
            `(${period.days[0]} to ${period.days.at(-1)}) by their submittedOnDailyAt: ` +
            `it ignored ${period.query}=. ` +
            "Expected the period's papers, as Hugging Face sends; check hf-api-url.",
        )
      }
      // Or its latest days' list, which may fall in the period: a weekday that has begun and ended but shows
      // no paper is asked for by itself (Hugging Face lists papers every weekday), once.
      const today = formatDay(clock.now())
      const gap = days.findLast((day) => day.day < today && isWeekday(day.day) && isEmpty(day))
      if (gap !== undefined && !isEmpty(await source.fetchDay(gap.day))) {
        return {
          askByDay: `${asked} lists no paper on ${gap.day}, a weekday whose own answer (date=) lists some: it is not the whole ${scope.unit}`,
        }
      }
      return days
    },
  }
  return source
}

const isEmpty = ({ papers, invalid, offDay }: DayPapers) =>
  papers.length + invalid.length + (offDay?.length ?? 0) === 0

/**
 * A day's bytes and pages for each day, up to a period's own ceilings, and a day's time for each week
 * begun (a lasting outage still fails a month within minutes): for one day, HUGGING_FACE as it is.
 */
function scopeBounds({ days, label }: Scope): { limits: OutboundLimits; pageCeiling: number } {
  const limits = {
    ...HUGGING_FACE,
    deadlineMs: HUGGING_FACE.deadlineMs * Math.ceil(days.length / 7),
    deadlineScope: `for ${label}`,
    maxBodyBytes: Math.min(HUGGING_FACE.maxBodyBytes * days.length, HUGGING_FACE.maxPeriodBodyBytes),
    bodyScope: `for ${label} (all its pages; a real day is a few hundred kB: check that hf-api-url is Hugging Face's API)`,
  }
  return { limits, pageCeiling: Math.min(maxPages * days.length, HUGGING_FACE.maxPeriodPages) }
}

function futureHint({ days: [firstDay = ''], unit }: Scope, now: number): string {
  const today = formatDay(now)
  if (firstDay <= today) return ''
  return unit === 'day'
    ? ` (${firstDay} is after today, ${today} UTC: Hugging Face lists a day only once it has begun)`
    : ` (it begins on ${firstDay}, after today, ${today} UTC: Hugging Face lists a period only once it has begun)`
}

function dailyPapersEndpoint(baseUrl: string): URL {
  const url = URL.parse(`${baseUrl.replace(/\/+$/, '')}/api/daily_papers`)
  if (url) return url
  throw new Error(`The Hugging Face API URL "${baseUrl}" is not a URL; expected e.g. https://huggingface.co`)
}
