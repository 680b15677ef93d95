import { formatDay } from '../core/calendar.js'
import { errorMessage } from '../core/errors.js'
import { setTimeout as delay } from 'node:timers/promises'
import type { Dispatcher } from 'undici'
// undici's index also loads fetch, WebSocket, caches and mocks; these two modules are all a request needs,
// and leaving the rest out brings the first request ~35 ms sooner (npm run bench).
import request from 'undici/lib/api/api-request.js'
import { getGlobalDispatcher } from 'undici/lib/global.js'
import { AnswerTooLargeError, formatBytes, MAX_ANSWER_BYTES, readStart, readText } from './bounded-read.js'
import { quoteError, readDailyPage, type DailyPage } from './daily-page.js'
import { splitOffDay } from './drift.js'
import { createPacer } from './pacer.js'
import type { InvalidPaper, OffDayPaper, Paper } from '../core/paper.js'
import { serverWaitMs } from './rate-limit.js'
import { seconds } from '../core/wording.js'
import { AttemptError, withRetries, type RetryPolicy } from './retry.js'
import type { PaperSource } from './source.js'
import { shownUrl } from '../core/wording.js'

export interface HuggingFaceSourceOptions {
  /** e.g. `https://huggingface.co`; a path prefix (a proxy) is kept. */
  baseUrl: string
  /** Sent as a bearer token; never part of a message. */
  token?: string
  userAgent: string
  dispatcher?: Dispatcher
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
  /** Attempts per page request (default 5). */
  maxAttempts?: number
  /** First backoff, doubled per failed attempt (default 1 s). */
  baseDelayMs?: number
  /** Longest single wait after a failure, also one a 5xx's `Retry-After` asks for (default 60 s). */
  maxDelayMs?: number
  /** Longest time for one request, from asking to the end of the body (default 20 s). */
  requestTimeoutMs?: number
  /** Longest time for one day: all pages, attempts and waits (default 90 s, so a lasting outage fails well within two minutes), waits for the rate limit excepted. */
  deadlineMs?: number
  /** The most the run waits for Hugging Face's rate limit, all waits together (default 10 minutes). */
  rateLimitWaitMs?: number
  /** Told every wait for the rate limit, as a line for the run's log. */
  onRateLimitWait?: (message: string) => void
  /** Bytes one day may take, all its pages together (default MAX_ANSWER_BYTES, 8 MiB). */
  maxDayBytes?: number
  /** Pages one day may take (default MAX_PAGES, 10). */
  maxPages?: number
}

/** The API's largest page: fewer requests, and a shorter page means the day is complete. */
const PAGE_SIZE = 100

/**
 * Pages one day may take: 1,000 papers. The busiest real days list well under 100 (the fixtures at
 * most 33), so only a server that never stops sending full pages of new papers reaches it.
 */
const MAX_PAGES = 10

/** Bytes of an error answer read to quote it: a message shows only its start. */
const ERROR_BODY_BYTES = 64 * 1024

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504])
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  // A caller's dispatcher may have shorter timeouts of its own.
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])
/** Reads `/api/daily_papers` page by page, retrying what Hugging Face may get right on a second try. */
export function createHuggingFaceSource(
  options: HuggingFaceSourceOptions,
): PaperSource & { readonly requests: number } {
  const endpoint = dailyPapersEndpoint(options.baseUrl)
  const {
    token,
    dispatcher = getGlobalDispatcher(),
    requestTimeoutMs = 20_000,
    deadlineMs = 90_000,
    maxDayBytes = MAX_ANSWER_BYTES,
    maxPages = MAX_PAGES,
  } = options
  const clock = { sleep: options.sleep ?? ((ms: number) => delay(ms)), now: options.now ?? Date.now }
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 5,
    baseDelayMs: options.baseDelayMs ?? 1_000,
    maxDelayMs: options.maxDelayMs ?? 60_000,
    random: options.random ?? Math.random,
    ...clock,
    pacer: createPacer({ ...clock, ceilingMs: options.rateLimitWaitMs, log: options.onRateLimitWait }),
  }
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  let requests = 0

  /** One page, validated, and its size; `maxBytes` is what is left of the day's bytes. */
  async function getPage(
    url: URL,
    day: string,
    remainingMs: number,
    maxBytes: number,
  ): Promise<DailyPage & { bytes: number }> {
    requests++
    const where = `GET ${shownUrl(url)}`
    const attemptTimeout = AbortSignal.timeout(requestTimeoutMs)
    const dayLimit = AbortSignal.timeout(Math.max(0, remainingMs))
    let status: number
    let responseHeaders: Record<string, string | string[] | undefined>
    let text: string
    try {
      const response = await request.call(dispatcher, {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        signal: AbortSignal.any([attemptTimeout, dayLimit]),
      })
      status = response.statusCode
      responseHeaders = response.headers
      text = isSuccess(status)
        ? await readAnswer(response, maxBytes)
        : await readStart(response.body, ERROR_BODY_BYTES)
    } catch (error) {
      if (error instanceof AnswerTooLargeError) {
        throw new AttemptError(
          `${where}: Hugging Face sent more than ${formatBytes(maxDayBytes)} for ${day}, the limit for one day ` +
            "(all its pages; a real day is a few hundred kB); stopped reading. Check that hf-api-url is Hugging Face's API.",
          false,
        )
      }
      if (dayLimit.aborted) {
        throw new AttemptError(
          `${where}: the time limit of ${seconds(deadlineMs)} for one day ran out`,
          false,
        )
      }
      if (attemptTimeout.aborted) {
        throw new AttemptError(`${where}: no complete answer within ${seconds(requestTimeoutMs)}`, true)
      }
      const code = (error as { code?: unknown }).code
      const message = errorMessage(error)
      throw new AttemptError(
        `${where}: ${typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message}`,
        typeof code === 'string' && RETRY_CODES.has(code),
      )
    }
    policy.pacer.observe(status, responseHeaders)
    if (!isSuccess(status)) {
      // HTTP/2 carries no reason phrase; Node's table names every status. node:http is imported only
      // here, because importing it costs start-up time (see rollup.config.js).
      const reason = (await import('node:http')).STATUS_CODES[status]
      throw new AttemptError(
        `${where}: Hugging Face answered ${status}${reason ? ` ${reason}` : ''}: ${quoteError(text, token)}` +
          (status === 400 ? futureDayHint(day, policy.now()) : ''),
        RETRY_STATUSES.has(status),
        serverWaitMs(responseHeaders, policy.now()),
      )
    }
    const page = readDailyPage(text, { where, status, limit: PAGE_SIZE, token })
    return { ...page, bytes: Buffer.byteLength(text) }
  }

  return {
    get requests() {
      return requests
    },

    async fetchDay(day) {
      const deadline = { at: policy.now() + deadlineMs }
      const seen = new Set<string>()
      const papers: Paper[] = []
      const offDay: OffDayPaper[] = []
      const invalid: InvalidPaper[] = []
      let bytes = 0
      for (let page = 0; ; page++) {
        const url = new URL(endpoint)
        url.search = new URLSearchParams({ date: day, limit: String(PAGE_SIZE), p: String(page) }).toString()
        const answer = await withRetries(
          (remainingMs) => getPage(url, day, remainingMs, maxDayBytes - bytes),
          policy,
          deadline,
        )
        const { parsed, listedOn } = answer
        bytes += answer.bytes
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
        if (items < PAGE_SIZE || fresh.length === 0) break
        if (page + 1 >= maxPages) {
          throw new Error(
            `GET ${shownUrl(url)}: Hugging Face still sent a full page of new papers after ${maxPages} pages ` +
              `(${maxPages * PAGE_SIZE} papers), the limit for one day; no real day has that many. ` +
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

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299
}

/** A page's text, refused unread when it announces more than `maxBytes` and cut off when it sends more. */
async function readAnswer(response: Dispatcher.ResponseData, maxBytes: number): Promise<string> {
  if (Number(response.headers['content-length']) > maxBytes) {
    response.body.destroy()
    throw new AnswerTooLargeError(maxBytes)
  }
  return readText(response.body, maxBytes)
}

function futureDayHint(day: string, now: number): string {
  const today = formatDay(now)
  return day > today
    ? ` (${day} is after today, ${today} UTC: Hugging Face lists a day only once it has begun)`
    : ''
}
