import { afterEach, describe, expect, it } from '@jest/globals'
import { runDigest } from '../../src/pipeline/run.js'
import { createDryRunPublisher } from '../../src/publish/index.js'
import { parseSettings } from '../../src/settings/settings.js'
import { createHuggingFaceSource, type HuggingFaceSourceOptions } from '../../src/source/huggingface.js'
import {
  listedOn,
  loadFixtureDays,
  startHfServer,
  type HfServer,
  type HfServerOptions,
} from '../support/hf-server.js'
import { createMemoryLog } from '../support/memory-log.js'
import { between, clockAt, testClock } from '../support/test-clock.js'

/** 48 days from 2025-10-01, each with a real day's papers: a backfill of 48 requests. */
const realDays = [...(await loadFixtureDays()).values()]
const DAYS = new Map(
  Array.from({ length: 48 }, (_, index) => {
    const day = new Date(Date.UTC(2025, 9, 1 + index)).toISOString().slice(0, 10)
    return [day, listedOn(day, realDays[index % realDays.length]!)]
  }),
)
const [FIRST, LAST] = [[...DAYS.keys()][0]!, [...DAYS.keys()].at(-1)!]
/** Hugging Face's headers as a 429 carries them. */
const TOO_MANY = (t: number) => ({
  status: 429,
  headers: { RateLimit: `"api";r=0;t=${t}`, 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' },
  body: { error: 'Too Many Requests' },
})

let server: HfServer | undefined
afterEach(() => server?.close())

/**
 * The stand-in and a source on one simulated clock that moves only when the source waits, so that the
 * stand-in's windows pass in no time; every wait and every rate-limit log line is recorded.
 */
async function connect(serverOptions: HfServerOptions = {}, options: Partial<HuggingFaceSourceOptions> = {}) {
  const start = Date.parse('2025-12-26T00:00:00Z')
  const clock = testClock(start)
  const waits: string[] = []
  const stand = await startHfServer({
    days: DAYS,
    ...serverOptions,
    ...(serverOptions.rateLimit ? { rateLimit: { ...serverOptions.rateLimit, now: clock.now } } : {}),
  })
  server = stand
  const source = createHuggingFaceSource({
    baseUrl: stand.url,
    userAgent: 'test',
    clock,
    onRateLimitWait: (line) => void waits.push(line),
    ...options,
  })
  return { server: stand, source, sleeps: clock.sleeps, waits, elapsed: () => clock.now() - start }
}

/**
 * The pipeline's backfill of all DAYS with `source`, printing nothing: a day to a request (48 requests,
 * the pacer's work), or with `byPeriod` a month to a request, as the action asks.
 */
function backfill(source: ReturnType<typeof createHuggingFaceSource>, { byPeriod = false } = {}) {
  const clock = clockAt('2025-12-26T00:00:00Z')
  return runDigest(
    parseSettings({ date: `${FIRST}..${LAST}`, mode: 'dry-run' }, { clock, workspace: '/unused' }),
    {
      source: byPeriod ? source : { fetchDay: (day) => source.fetchDay(day) },
      publisher: createDryRunPublisher({ print: () => undefined }),
      log: createMemoryLog(),
      clock,
    },
  )
}

const WINDOW_WAIT =
  /^Hugging Face's rate limit: waiting [\d.]+ s for the window to reset \(r=\d+, q=20, w=2\)$/

describe('a backfill against a fixed window of 20 requests per 2 s', () => {
  it('completes, pacing itself into the windows instead of meeting 429s', async () => {
    const { server, source, waits, elapsed } = await connect({ rateLimit: { quota: 20, windowSeconds: 2 } })
    const result = await backfill(source)
    expect(result.posts).toHaveLength(48)
    expect(server.rateLimited).toBeLessThanOrEqual(1)
    expect(server.requests).toHaveLength(48)
    // 48 requests need three windows: two or three waits for a reset, each logged with the figures.
    expect(waits.length).toBeGreaterThanOrEqual(2)
    expect(waits.length).toBeLessThanOrEqual(3)
    for (const line of waits) expect(line).toMatch(WINDOW_WAIT)
    // The three windows end at 6 s; each reset is waited for a second longer, t being whole seconds.
    expect(elapsed()).toBeLessThanOrEqual(6_000)
  })

  it('meets one 429 when a neighbour on the same IP spent the window, and goes on', async () => {
    const { server, source, waits } = await connect({
      rateLimit: { quota: 20, windowSeconds: 2, spent: 20 },
    })
    const result = await backfill(source)
    expect(result.posts).toHaveLength(48)
    expect(server.rateLimited).toBe(1)
    expect(server.requests).toHaveLength(49)
    expect(waits[0]).toMatch(
      /^Hugging Face's rate limit: waiting [\d.]+ s for the window to reset after a 429/,
    )
  })

  it('waits for no reset with a token, whose larger window the server announces', async () => {
    const { server, source, waits } = await connect(
      { rateLimit: { quota: 20, tokenQuota: 60, windowSeconds: 2 } },
      { token: 'hf_test' },
    )
    const result = await backfill(source)
    expect(result.posts).toHaveLength(48)
    expect([server.rateLimited, waits]).toEqual([0, []])
    expect(server.requests.every((request) => request.headers.authorization === 'Bearer hf_test')).toBe(true)
  })
})

describe('a backfill a month at a time', () => {
  it('asks a month at a time, its pages paced into windows of 3 requests without a 429', async () => {
    const { server, source, waits } = await connect({ rateLimit: { quota: 3, windowSeconds: 2 } })
    const result = await backfill(source, { byPeriod: true })
    expect(result.posts).toHaveLength(48)
    // October's 31 days and November's 17 (the month's items one day after the other): 100 to a page.
    const items = (from: number, to: number) =>
      [...DAYS.values()].slice(from, to).reduce((sum, day) => sum + day.length, 0)
    const pages = (month: string, count: number) =>
      Array.from({ length: Math.floor(count / 100) + 1 }, (_, page) => `month=${month}&limit=100&p=${page}`)
    const asked = server.requests.map((request) => new URL(request.url, server.url).search.slice(1))
    // And November's last weekday, empty in its answer (these days end on the 17th), asked by itself.
    expect([...new Set(asked)].sort()).toEqual([
      'date=2025-11-28&limit=100&p=0',
      ...pages('2025-10', items(0, 31)),
      ...pages('2025-11', items(31, 48)),
    ])
    // The two months page at once, their answers in any order: none may give back room another took.
    expect([server.rateLimited, asked.length]).toEqual([0, new Set(asked).size])
    // A wait a window, at most: the weekday asked by itself goes out when its month's answer is read, so
    // the windows it shares with the other month's pages depend on which answer comes first.
    expect(waits.length).toBeLessThanOrEqual(Math.ceil(asked.length / 3))
    expect(waits.length).toBeGreaterThanOrEqual(Math.ceil(asked.length / 3) - 1)
    for (const line of waits) expect(line).toMatch(/for the window to reset \(r=\d+, q=3, w=2\)$/)
  })
})

describe('a 429 with an announced wait', () => {
  it('is waited out past the 90 s for one day, with a log line saying how long and why', async () => {
    const { server, source, sleeps, waits } = await connect()
    server.inject(TOO_MANY(140))
    expect((await source.fetchDay('2025-10-01')).papers.length).toBeGreaterThan(0)
    expect(sleeps).toEqual([141_000])
    expect(waits).toEqual([
      "Hugging Face's rate limit: waiting 141 s for the window to reset after a 429 (r=0, q=500, w=300)",
    ])
    expect(server.requests).toHaveLength(2)
  })

  it('is waited out again for every attempt, which stay bounded', async () => {
    const { server, source, sleeps } = await connect()
    server.inject(TOO_MANY(140), 5)
    await expect(source.fetchDay('2025-10-01')).rejects.toThrow(
      /: Hugging Face answered 429 Too Many Requests: "Too Many Requests" \(gave up after 5 attempts\)$/,
    )
    expect(sleeps).toEqual(Array(4).fill(141_000))
    expect(server.requests).toHaveLength(5)
  })

  it('fails at once when it is longer than the run may wait, naming the wait and what to do', async () => {
    const { server, source, sleeps } = await connect()
    server.inject(TOO_MANY(900))
    await expect(source.fetchDay('2025-10-01')).rejects.toThrow(
      new Error(
        "Hugging Face's rate limit asks for a wait of 901 s for the window to reset after a 429 (r=0, q=500, w=300), " +
          'more than this run may still wait (602 s in all, 0 s waited): set the hf-token input (a token raises the limit) ' +
          'or ask for fewer days at a time.',
      ),
    )
    expect([sleeps, server.requests.length]).toEqual([[], 1])
  })

  it('waits out two whole windows, the ceiling of the whole run', async () => {
    // 48 requests in windows of 20 need two waits of 5 minutes and the second of rounding each.
    const { server, source, sleeps } = await connect({ rateLimit: { quota: 20, windowSeconds: 300 } })
    await backfill(source)
    expect(server.rateLimited).toBe(0)
    expect(sleeps.filter((ms) => ms > 60_000)).toHaveLength(2)
  })

  it('fails the backfill once the waits of the whole run would pass the ceiling of two windows', async () => {
    // 48 requests in windows of 15 need three waits of about 5 minutes: the third would pass the ceiling.
    const { server, source, sleeps } = await connect({ rateLimit: { quota: 15, windowSeconds: 300 } })
    await expect(backfill(source)).rejects.toThrow(
      /^Hugging Face's rate limit asks for a wait of [\d.]+ s for the window to reset \(r=\d+, q=15, w=300\), more than this run may still wait \(602 s in all, [\d.]+ s waited\)/,
    )
    expect(server.rateLimited).toBe(0)
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(602_000)
  })
})

describe('what is not a rate-limit wait', () => {
  it('takes the reset time on a 5xx with requests left for what it is, and backs off as for any 5xx', async () => {
    const { server, source, sleeps, waits } = await connect()
    server.inject({ status: 503, headers: { RateLimit: '"api";r=300;t=140' } })
    await source.fetchDay('2025-10-01')
    expect([sleeps, waits]).toEqual([[between(500, 1_000)], []])
  })

  it('paces nothing for a server without the headers: the backfill waits for no window', async () => {
    const { server, source, sleeps } = await connect()
    const result = await backfill(source)
    expect(result.posts).toHaveLength(48)
    expect([sleeps, server.requests.length]).toEqual([[], 48])
  })
})
