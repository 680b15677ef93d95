/**
 * A local stand-in for Hugging Face's `GET /api/daily_papers?date=YYYY-MM-DD&limit=N&p=N` (or
 * `week=YYYY-Www`, `month=YYYY-MM`: the days' items one day after the other, from the same days), on
 * 127.0.0.1, for tests and the benchmark: it pages like the real API, records every request, and can be told to
 * fail the next requests the ways the real one does (rate limits, 5xx, resets, hangs, broken bodies).
 * It can also enforce a fixed-window rate limit with Hugging Face's headers, scaled down.
 */
import { promises as fs } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { createSecureServer } from 'node:http2'
import type { AddressInfo, Socket } from 'node:net'
import { resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { sendAnswer } from './send-answer.ts'
import { fixedWindow, type RateLimitOptions } from './hf-rate-limit.ts'

export const FIXTURES_DIR = resolve(process.cwd(), '__tests__/fixtures/hf/daily')

/** What the next request gets instead of its answer. */
export type Fault =
  /** The connection is destroyed before anything is sent. */
  | 'reset'
  /** No answer at all, until the client gives up or the server closes. */
  | 'hang'
  /** The real answer's headers and half its body, then the connection is destroyed. */
  | 'truncate'
  /** A 200 HTML page, as a proxy or a bot challenge sends. */
  | 'html'
  /** This answer: a string body is sent as it is, anything else as JSON. */
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | Flood

/**
 * An answer (default 200) whose body is `prefix`, then `flood` repeated until `bytes` are sent
 * (Infinity: until the client hangs up), as fast as the client reads; `announce` sends the size as
 * Content-Length.
 */
export interface Flood {
  flood: string
  bytes: number
  prefix?: string
  announce?: boolean
  status?: number
}

export interface RecordedRequest {
  method: string
  /** Path and query, e.g. `/api/daily_papers?date=2025-11-03&limit=100&p=0`. */
  url: string
  headers: IncomingHttpHeaders
  /** `1.1`, or `2.0` when a client took up the HTTP/2 an HTTPS stand-in offers. */
  httpVersion: string
}

export interface HfServerOptions {
  /** Day → the API's items for it; default: the real responses in FIXTURES_DIR. */
  days?: ReadonlyMap<string, readonly unknown[]>
  /** Waited before every answer, to make the network's cost visible in a benchmark. */
  latencyMs?: number
  /** Later dates (and periods that begin later) are refused with a 400, as Hugging Face does; default: today in UTC. */
  today?: string
  /** Serve HTTPS with this key and certificate, offering HTTP/2 and HTTP/1.1, as Hugging Face does. */
  tls?: { key: string; cert: string }
  /** Enforce a fixed-window rate limit like Hugging Face's; none when absent. */
  rateLimit?: RateLimitOptions
  /**
   * Makes up each page's items instead of serving `days`, e.g. endless pages or one list for every day;
   * `asked` is the `date`, `week` or `month` asked for.
   */
  pages?: (asked: string, page: number, limit: number) => unknown[]
}

export interface HfServer {
  /** The base URL, e.g. `http://127.0.0.1:40123`, to use as `hf-api-url`. */
  url: string
  requests: RecordedRequest[]
  /** 429s served for the rate limit (not injected ones). */
  readonly rateLimited: number
  /** Makes the next `times` requests fail with `fault` (after faults injected earlier). */
  inject(fault: Fault, times?: number): void
  /** Bytes of flood bodies written so far, and whether the client hung up on each. */
  /** `closed`: settles once the connection is closed, by either side: `hungUp` is then known. */
  floods: Array<{ sent: number; hungUp: boolean; closed: Promise<void> }>
  /** Called when a request is left hanging: a test on simulated time moves its clock to the client's deadline. */
  onStall?: () => void
  close(): Promise<void>
}

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head>\n<body><p>Checking your browser.</p></body></html>'

/** The saved real responses, by day. */
export async function loadFixtureDays(dir = FIXTURES_DIR): Promise<Map<string, unknown[]>> {
  const names = (await fs.readdir(dir)).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name))
  const days = await Promise.all(
    names.map(
      async (name) => [name.slice(0, 10), JSON.parse(await fs.readFile(resolve(dir, name), 'utf8'))] as const,
    ),
  )
  return new Map(days)
}

export async function startHfServer(options: HfServerOptions = {}): Promise<HfServer> {
  const days = options.days ?? (await loadFixtureDays())
  const requests: RecordedRequest[] = []
  const faults: Fault[] = []
  const limit = options.rateLimit && fixedWindow(options.rateLimit)
  const floods: HfServer['floods'] = []

  // HTTP/2's compatibility API gives the handler the same request and response as HTTP/1.1.
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/'
    requests.push({
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      httpVersion: req.httpVersion,
    })
    const limited = limit?.count(req.headers.authorization !== undefined)
    const fault = limited?.over ? undefined : faults.shift()
    if (options.latencyMs) await delay(options.latencyMs)
    if (limited?.over) return sendAnswer(res, 429, { error: 'Too Many Requests' }, limited.headers)
    if (fault === 'hang') return standIn.onStall?.()
    if (fault === 'reset') return void req.socket.destroy()
    if (fault === 'html')
      return sendAnswer(res, 200, HTML_PAGE, { 'content-type': 'text/html; charset=utf-8' })
    if (typeof fault === 'object' && 'flood' in fault) return void flood(res, fault, floods)
    if (typeof fault === 'object') return sendAnswer(res, fault.status, fault.body, fault.headers)
    const [status, answer] = dailyPapers(new URL(url, 'http://stand-in'), req.method, days, options)
    const body = JSON.stringify(answer)
    if (fault === 'truncate') {
      const bytes = Buffer.from(body)
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': bytes.length,
      })
      return void res.write(bytes.subarray(0, bytes.length >> 1), () => req.socket.destroy())
    }
    sendAnswer(res, status, body, limited?.headers)
  }
  const server = options.tls
    ? createSecureServer({ ...options.tls, allowHTTP1: true }, handle as never)
    : createServer((req, res) => void handle(req, res))
  // A hung request holds its connection open; close() alone would wait for it forever. Sockets are tracked
  // by hand: the HTTP/2 server has no closeAllConnections().
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo

  const standIn: HfServer = {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    get rateLimited() {
      return limit?.served429 ?? 0
    },
    floods,
    inject: (fault, times = 1) => void faults.push(...Array<Fault>(times).fill(fault)),
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise((closed) => server.close(() => closed()))
    },
  }
  return standIn
}

function dailyPapers(
  url: URL,
  method: string | undefined,
  days: ReadonlyMap<string, readonly unknown[]>,
  { today = new Date().toISOString().slice(0, 10), pages }: HfServerOptions,
): [number, unknown] {
  if (url.pathname !== '/api/daily_papers') return [404, { error: 'Not Found' }]
  if (method !== 'GET') return [405, { error: `${method} is not allowed` }]
  const { date, week, month, limit = '50', p = '0' } = Object.fromEntries(url.searchParams)
  const asked = [date, week, month].filter((value) => value !== undefined)
  if (asked.length !== 1) {
    return [400, { error: 'This stand-in serves one of ?date=YYYY-MM-DD, ?week=YYYY-Www, ?month=YYYY-MM' }]
  }
  const listed = date !== undefined ? (isDay(date) ? [date] : undefined) : periodDays(week, month)
  if (listed === undefined) return [400, { error: `Invalid date: ${asked[0]}` }]
  if ((listed[0] as string) > today) return [400, { error: 'Date cannot be in the future' }]
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) {
    return [400, { error: 'limit must be an integer between 1 and 100' }]
  }
  if (!/^\d+$/.test(p)) return [400, { error: 'p must be a non-negative integer' }]
  const size = Number(limit)
  if (pages) return [200, pages(asked[0] as string, Number(p), size)]
  // A period lists its days' papers one day after the other, each day in its own order.
  const items = listed.flatMap((day) => days.get(day) ?? [])
  return [200, items.slice(Number(p) * size, (Number(p) + 1) * size)]
}

const DAY_MS = 86_400_000

/**
 * The days of `week=YYYY-Www` (ISO: Monday to Sunday, week 1 holds January 4th) or `month=YYYY-MM`,
 * counted with plain Date arithmetic rather than src/'s calendar; undefined when malformed.
 */
function periodDays(week: string | undefined, month: string | undefined): string[] | undefined {
  const weekMatch = week === undefined ? null : /^(\d{4})-W(\d{2})$/.exec(week)
  if (weekMatch) {
    const [year, number] = [Number(weekMatch[1]), Number(weekMatch[2])]
    const january4 = Date.UTC(year, 0, 4)
    const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS + (number - 1) * 7 * DAY_MS
    const days = Array.from({ length: 7 }, (_, index) =>
      new Date(monday + index * DAY_MS).toISOString().slice(0, 10),
    )
    // Week 53 exists only in years whose last week holds a Thursday of theirs.
    return number >= 1 && number <= 53 && days[3]?.startsWith(String(year)) ? days : undefined
  }
  const monthMatch = month === undefined ? null : /^(\d{4})-(\d{2})$/.exec(month)
  if (!monthMatch || Number(monthMatch[2]) < 1 || Number(monthMatch[2]) > 12) return undefined
  const first = Date.UTC(Number(monthMatch[1]), Number(monthMatch[2]) - 1, 1)
  const length = new Date(Date.UTC(Number(monthMatch[1]), Number(monthMatch[2]), 0)).getUTCDate()
  return Array.from({ length }, (_, index) => new Date(first + index * DAY_MS).toISOString().slice(0, 10))
}

function isDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`)
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(text)
  )
}

/** Writes a flood body at the pace the client reads it, until it is complete or the client hangs up. */
function flood(res: ServerResponse, fault: Flood, floods: HfServer['floods']): void {
  const { promise: closed, resolve: close } = Promise.withResolvers<void>()
  const record = { sent: 0, hungUp: false, closed }
  floods.push(record)
  const prefix = fault.prefix ?? ''
  const total = Buffer.byteLength(prefix) + fault.bytes
  res.writeHead(fault.status ?? 200, {
    'content-type': 'application/json; charset=utf-8',
    ...(fault.announce && Number.isFinite(total) ? { 'content-length': String(total) } : {}),
  })
  const unit = Buffer.from(fault.flood)
  const chunk = Buffer.concat(Array<Buffer>(Math.max(1, Math.floor(65_536 / unit.length))).fill(unit))
  res.on('close', () => {
    record.hungUp = !res.writableFinished
    close()
  })
  let left = fault.bytes
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
      left -= piece.length
      record.sent += piece.length
      if (!res.write(piece)) return void res.once('drain', pump)
    }
    if (!res.destroyed) res.end()
  }
  if (prefix) {
    record.sent += Buffer.byteLength(prefix)
    res.write(prefix)
  }
  pump()
}

/**
 * A day's items served for `day`: each paper's `submittedOnDailyAt` moved to it, as Hugging Face lists
 * them, so that a real day's papers can stand for another without being left out as listed elsewhere.
 */
export function listedOn(day: string, items: readonly unknown[]): unknown[] {
  return items.map((item) => {
    const { paper } = item as { paper?: Record<string, unknown> }
    return { ...(item as object), paper: { ...paper, submittedOnDailyAt: `${day}T00:00:00.000Z` } }
  })
}
