import { setTimeout as delay } from 'node:timers/promises'
import type { Dispatcher } from 'undici'
// undici's index also loads fetch, WebSocket, caches and mocks; these two modules are all a request needs,
// and leaving the rest out brings the first request ~35 ms sooner (npm run bench).
import request from 'undici/lib/api/api-request.js'
import { getGlobalDispatcher } from 'undici/lib/global.js'
import { parseDailyPapers, type InvalidPaper, type Paper } from './paper.js'
import { createPacer } from './pacer.js'
import { serverWaitMs } from './rate-limit.js'
import { AttemptError, seconds, withRetries, type RetryPolicy } from './retry.js'
import type { PaperSource } from './source.js'

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
}

/** The API's largest page: fewer requests, and a shorter page means the day is complete. */
const PAGE_SIZE = 100

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
const QUOTE_LENGTH = 200

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

  // Hugging Face could echo a rejected token in its error body.
  const quote = (text: string) => redact(quoteBody(text), token)

  async function getPage(url: URL, day: string, remainingMs: number): Promise<unknown> {
    requests++
    const where = `GET ${display(url)}`
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
      text = await response.body.text()
    } catch (error) {
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
      const message = error instanceof Error ? error.message : String(error)
      throw new AttemptError(
        `${where}: ${typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message}`,
        typeof code === 'string' && RETRY_CODES.has(code),
      )
    }
    policy.pacer.observe(status, responseHeaders)
    if (status < 200 || status > 299) {
      // HTTP/2 carries no reason phrase; Node's table names every status. node:http is imported only
      // here, because importing it costs start-up time (see rollup.config.js).
      const reason = (await import('node:http')).STATUS_CODES[status]
      throw new AttemptError(
        `${where}: Hugging Face answered ${status}${reason ? ` ${reason}` : ''}: ${quote(text)}` +
          (status === 400 ? futureDayHint(day, policy.now()) : ''),
        RETRY_STATUSES.has(status),
        serverWaitMs(responseHeaders, policy.now()),
      )
    }
    try {
      return JSON.parse(text)
    } catch {
      throw new AttemptError(
        `${where}: Hugging Face answered ${status} with ${describeNonJson(text, quote)} where a JSON array of papers was expected`,
        false,
      )
    }
  }

  return {
    get requests() {
      return requests
    },

    async fetchDay(day) {
      const deadline = { at: policy.now() + deadlineMs }
      const papers = new Map<string, Paper>()
      const invalid: InvalidPaper[] = []
      for (let page = 0; ; page++) {
        const url = new URL(endpoint)
        url.search = new URLSearchParams({ date: day, limit: String(PAGE_SIZE), p: String(page) }).toString()
        const body = await withRetries((remainingMs) => getPage(url, day, remainingMs), policy, deadline)
        const parsed = parseDailyPapers(body, `GET ${display(url)}`)
        let added = 0
        for (const paper of parsed.papers) {
          if (papers.has(paper.id)) continue
          papers.set(paper.id, paper)
          added++
        }
        invalid.push(...parsed.invalid)
        const items = parsed.papers.length + parsed.invalid.length
        // A full page with nothing new means the server ignores `p`: asking on would never end.
        if (items < PAGE_SIZE || added === 0) break
      }
      return { day, papers: [...papers.values()], invalid }
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

/** The URL as messages show it: without any credentials a base URL might carry. */
function display(url: URL): string {
  if (!url.username && !url.password) return url.href
  const shown = new URL(url)
  shown.username = ''
  shown.password = ''
  return shown.href
}

/** HF's own `{"error": "..."}` message when there is one, otherwise the start of the body. */
function quoteBody(text: string): string {
  try {
    const error = (JSON.parse(text) as { error?: unknown } | null)?.error
    if (typeof error === 'string') return JSON.stringify(shorten(error))
  } catch {
    // Not JSON: quote it as text.
  }
  return text.trim() === '' ? '(empty body)' : JSON.stringify(shorten(text))
}

function describeNonJson(text: string, quote: (text: string) => string): string {
  const title = /^\s*</.test(text) ? /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] : undefined
  if (title !== undefined) return `an HTML page titled ${quote(title)}`
  return `a body that is not JSON: ${quote(text)}`
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH)}…` : flat
}

function redact(text: string, token: string | undefined): string {
  return token ? text.replaceAll(token, '***') : text
}

function futureDayHint(day: string, now: number): string {
  const today = new Date(now).toISOString().slice(0, 10)
  return day > today
    ? ` (${day} is after today, ${today} UTC: Hugging Face lists a day only once it has begun)`
    : ''
}
