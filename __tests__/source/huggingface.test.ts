import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Agent } from 'undici'
import { createHuggingFaceSource, type HuggingFaceSourceOptions } from '../../src/source/huggingface.js'
import { parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'
import { loadFixtureDays, startHfServer, type HfServer } from '../support/hf-server.js'
import { instantSleep } from '../support/instant-sleep.js'

const USER_AGENT = 'hf-daily-papers/test (+https://example.test)'
const TOKEN = 'hf_SeCrEtToKeN123'
const fixtures = await loadFixtureDays()
const realDay = fixtures.get('2025-11-03')!

/** `count` distinct items for `day` cut from a real one, ids `2511.90000`, `2511.90001`, … */
function items(day: string, count: number, first = 0): Array<{ paper: Record<string, unknown> }> {
  return Array.from({ length: count }, (_, index) => {
    const item = structuredClone(realDay[0]) as { paper: Record<string, unknown> }
    item.paper.id = `2511.${90000 + first + index}`
    item.paper.submittedOnDailyAt = `${day}T08:15:00.000Z`
    return item
  })
}

let server: HfServer
const days = new Map(fixtures)

beforeEach(async () => {
  server = await startHfServer({ days })
})
afterEach(() => server.close())

/** A source on the stand-in whose sleeps are only recorded; random 0.5 makes backoff 3/4 of its ceiling. */
function connect(options: Partial<HuggingFaceSourceOptions> = {}) {
  const sleeps: number[] = []
  const source = createHuggingFaceSource({
    baseUrl: server.url,
    userAgent: USER_AGENT,
    sleep: instantSleep(sleeps),
    random: () => 0.5,
    ...options,
  })
  return { source, sleeps }
}

const pageUrls = () => server.requests.map((request) => new URL(request.url, server.url).search)

describe('paging', () => {
  it('reads a real day in one request and keeps the API order', async () => {
    const { source } = connect()
    const day = await source.fetchDay('2025-11-03')
    expect(day).toEqual({
      day: '2025-11-03',
      ...parseDailyPapers(realDay, 'fixture'),
      offDay: [],
      listUrl: `${server.url}/api/daily_papers`,
    })
    expect(pageUrls()).toEqual(['?date=2025-11-03&limit=100&p=0'])
    expect(source.requests).toBe(1)
  })

  it('asks for the next page while pages are full: 130 papers are 100 + 30', async () => {
    days.set('2025-12-01', items('2025-12-01', 130))
    const { source } = connect()
    const { papers } = await source.fetchDay('2025-12-01')
    expect(papers.map((paper) => paper.id)).toEqual(items('2025-12-01', 130).map((item) => item.paper.id))
    expect(pageUrls()).toEqual(['?date=2025-12-01&limit=100&p=0', '?date=2025-12-01&limit=100&p=1'])
  })

  it('ends on an empty page after exactly 100 papers', async () => {
    days.set('2025-12-02', items('2025-12-02', 100))
    const { source } = connect()
    expect((await source.fetchDay('2025-12-02')).papers).toHaveLength(100)
    expect(pageUrls()).toEqual(['?date=2025-12-02&limit=100&p=0', '?date=2025-12-02&limit=100&p=1'])
    expect(source.requests).toBe(2)
  })

  it('keeps the first of a paper listed on two pages', async () => {
    const [first, second] = [items('2025-12-03', 100), items('2025-12-03', 2, 99)]
    second[0]!.paper.title = 'the later copy'
    days.set('2025-12-03', [...first, ...second])
    const { papers } = await connect().source.fetchDay('2025-12-03')
    expect(papers).toHaveLength(101)
    expect(papers[99]!.title).toBe(first[99]!.paper.title)
  })

  it('stops when a full page brings nothing new, as from a server that ignores p', async () => {
    server.inject({ status: 200, body: items('2025-12-04', 100) }, 2)
    const { source } = connect()
    expect((await source.fetchDay('2025-12-04')).papers).toHaveLength(100)
    expect(source.requests).toBe(2)
  })

  it('accepts a base URL with a trailing slash and counts requests over several days', async () => {
    const { source } = connect({ baseUrl: `${server.url}/` })
    await source.fetchDay('2025-11-03')
    await source.fetchDay('2025-11-04')
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/daily_papers?date=2025-11-03&limit=100&p=0',
      '/api/daily_papers?date=2025-11-04&limit=100&p=0',
    ])
    expect(source.requests).toBe(2)
  })
})

describe('what is sent', () => {
  it('refuses a base URL that is not a URL, quoting it', () => {
    expect(() => connect({ baseUrl: 'huggingface.co' })).toThrow(
      'The Hugging Face API URL "huggingface.co" is not a URL; expected e.g. https://huggingface.co',
    )
  })

  it('sends the User-Agent, asks for JSON and adds the token as a bearer token', async () => {
    await connect({ token: TOKEN }).source.fetchDay('2025-11-03')
    expect(server.requests[0]!.headers).toMatchObject({
      'user-agent': USER_AGENT,
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
    })
  })

  it('sends no authorization without a token', async () => {
    await connect({ token: '' }).source.fetchDay('2025-11-03')
    expect(server.requests[0]!.headers.authorization).toBeUndefined()
  })
})

describe('what comes back', () => {
  it('leaves out an invalid paper, naming its id and field, and keeps the others', async () => {
    const broken = items('2025-12-05', 3)
    broken[1]!.paper.upvotes = 'many'
    days.set('2025-12-05', broken)
    const { papers, invalid } = await connect().source.fetchDay('2025-12-05')
    expect(papers.map((paper) => paper.id)).toEqual(['2511.90000', '2511.90002'])
    expect(invalid).toEqual([{ id: '2511.90001', field: 'paper.upvotes', problem: expect.any(String) }])
  })

  it('fails on a JSON object where the list of papers should be, quoting it', async () => {
    server.inject({ status: 200, body: { papers: [] } })
    const fetching = connect().source.fetchDay('2025-11-03')
    await expect(fetching).rejects.toThrow(UnexpectedResponseError)
    await expect(fetching).rejects.toThrow(
      `GET ${server.url}/api/daily_papers?date=2025-11-03&limit=100&p=0 returned {"papers":[]} where a JSON array of papers was expected`,
    )
  })

  it('fails on an HTML page with its title, without retrying', async () => {
    server.inject('html')
    const { source } = connect()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `GET ${server.url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 200 with an HTML page titled "Just a moment..." where a JSON array of papers was expected`,
    )
    expect(source.requests).toBe(1)
  })

  it('fails on a body that is not JSON, quoting its start', async () => {
    server.inject({ status: 200, body: `[{"paper": ${'x'.repeat(300)}` })
    await expect(connect().source.fetchDay('2025-11-03')).rejects.toThrow(
      `answered 200 with a body that is not JSON: "[{\\"paper\\": ${'x'.repeat(189)}…" where a JSON array of papers was expected`,
    )
  })

  it('explains a 400 for a day after today with Hugging Face’s own message', async () => {
    const { source } = connect()
    await expect(source.fetchDay('2099-01-01')).rejects.toThrow(
      /: Hugging Face answered 400 Bad Request: "Date cannot be in the future" \(2099-01-01 is after today, \d{4}-\d\d-\d\d UTC: Hugging Face lists a day only once it has begun\)$/,
    )
    expect(source.requests).toBe(1)
  })

  it('never prints the token, even when the server echoes it', async () => {
    server.inject({
      status: 401,
      body: { error: `Invalid credentials in Authorization header: Bearer ${TOKEN}` },
    })
    const { source } = connect({ token: TOKEN })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      new Error(
        `GET ${server.url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 401 Unauthorized: "Invalid credentials in Authorization header: Bearer ***"`,
      ),
    )
    expect(source.requests).toBe(1)
  })

  it('names the status over HTTP/2 too, which carries no reason phrase', async () => {
    const tls = resolve(process.cwd(), '__tests__/fixtures/tls')
    const [key, cert] = await Promise.all(
      ['key.pem', 'cert.pem'].map((name) => readFile(join(tls, name), 'utf8')),
    )
    const secure = await startHfServer({ days, tls: { key: key as string, cert: cert as string } })
    const dispatcher = new Agent({ connect: { ca: cert } })
    try {
      secure.inject({ status: 404, body: { error: 'Not Found' } })
      const source = createHuggingFaceSource({ baseUrl: secure.url, userAgent: USER_AGENT, dispatcher })
      await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
        `GET ${secure.url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 404 Not Found: "Not Found"`,
      )
      expect(secure.requests.map((request) => request.httpVersion)).toEqual(['2.0'])
    } finally {
      await dispatcher.close()
      await secure.close()
    }
  })
})

describe('retries', () => {
  it('waits as long as a 429’s RateLimit header says, and a second for its rounding, then goes on', async () => {
    server.inject({
      status: 429,
      headers: { RateLimit: '"api";r=0;t=42' },
      body: { error: 'Too Many Requests' },
    })
    const { source, sleeps } = connect({ now: () => Date.parse('2025-11-04T00:00:00Z') })
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual([43_000])
    expect(source.requests).toBe(2)
  })

  it('caps the wait a failing server asks for', async () => {
    server.inject({ status: 503, headers: { 'Retry-After': '600' } }, 2)
    const { source, sleeps } = connect({ maxDelayMs: 20_000 })
    await source.fetchDay('2025-11-03')
    expect(sleeps).toEqual([20_000, 20_000])
  })

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    server.inject({ status: 503, headers: { 'Retry-After': '7' } })
    server.inject({ status: 429, headers: { 'Retry-After': 'Mon, 03 Nov 2025 12:00:30 GMT' } })
    const { source, sleeps } = connect({ now: () => Date.parse('2025-11-03T12:00:00Z') })
    await source.fetchDay('2025-11-03')
    expect(sleeps).toEqual([7_000, 31_000])
  })

  it.each([
    ['a 503', { status: 503, body: { error: 'Service Unavailable' } }],
    ['a 500', { status: 500 }],
    ['a reset connection', 'reset'],
    ['a body cut halfway', 'truncate'],
  ] as const)('backs off exponentially with jitter after %s', async (_name, fault) => {
    server.inject(fault, 2)
    const { source, sleeps } = connect({ random: () => 0 })
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual([500, 1_000])
    expect(source.requests).toBe(3)
  })

  it('gives up after the attempts with the status, the URL and the body, but not the token', async () => {
    server.inject({ status: 503, body: { error: 'Service Unavailable' } }, 3)
    const { source, sleeps } = connect({ token: TOKEN, maxAttempts: 3 })
    await expect(source.fetchDay('2025-11-03')).rejects.toHaveProperty(
      'message',
      `GET ${server.url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 503 Service Unavailable: "Service Unavailable" (gave up after 3 attempts)`,
    )
    expect(sleeps).toEqual([750, 1_500])
    expect(source.requests).toBe(3)
  })

  it('gives up at once when the wait a failing server asks for would pass the time limit', async () => {
    server.inject({
      status: 503,
      headers: { 'Retry-After': '42' },
      body: { error: 'Service Unavailable' },
    })
    const { source, sleeps } = connect({ deadlineMs: 30_000 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      ': Hugging Face answered 503 Service Unavailable: "Service Unavailable" (gave up after 1 attempt: waiting 42 s more would pass the time limit)',
    )
    expect(sleeps).toEqual([])
  })

  it('gives up on a server that cannot be reached, with the reason', async () => {
    await server.close()
    const { source } = connect({ maxAttempts: 2 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      new RegExp(
        `^GET ${server.url}/api/daily_papers\\?date=2025-11-03&limit=100&p=0: .*ECONNREFUSED.*\\(gave up after 2 attempts\\)$`,
      ),
    )
    expect(source.requests).toBe(2)
  })
})

describe('timeouts', () => {
  it('cuts off a request that hangs and tries again', async () => {
    server.inject('hang')
    const { source, sleeps } = connect({ requestTimeoutMs: 100 })
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual([750])
  })

  it('reports a request that keeps hanging', async () => {
    server.inject('hang', 2)
    const { source } = connect({ requestTimeoutMs: 100, maxAttempts: 2 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `GET ${server.url}/api/daily_papers?date=2025-11-03&limit=100&p=0: no complete answer within 0.1 s (gave up after 2 attempts)`,
    )
  })

  it('stops a fetch that passes its overall time limit, without retrying', async () => {
    server.inject('hang')
    const { source } = connect({ deadlineMs: 100 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `GET ${server.url}/api/daily_papers?date=2025-11-03&limit=100&p=0: the time limit of 0.1 s for one day ran out`,
    )
    expect(source.requests).toBe(1)
  })
})

describe('the time budget with the default policy', () => {
  /** A clock that only moves when the client sleeps, so the budget is measured without waiting. */
  function simulatedClock() {
    let now = Date.parse('2025-11-04T00:00:00Z')
    const sleeps: number[] = []
    return {
      sleeps,
      options: {
        now: () => now,
        sleep: (ms: number) => {
          sleeps.push(ms)
          now += ms
          return Promise.resolve()
        },
      },
    }
  }

  it.each<[string, Parameters<HfServer['inject']>[0]]>([
    ['503s', { status: 503, body: { error: 'Service Unavailable' } }],
    ['503s asking for 42 s', { status: 503, headers: { 'Retry-After': '42' } }],
    ['resets', 'reset'],
  ])(
    'fails a lasting outage of %s in well under two minutes, naming the status and URL',
    async (_, fault) => {
      server.inject(fault, 20)
      const clock = simulatedClock()
      const source = createHuggingFaceSource({ baseUrl: server.url, userAgent: USER_AGENT, ...clock.options })
      await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
        new RegExp(`^GET ${server.url}/api/daily_papers\\?date=2025-11-03&limit=100&p=0: .*gave up after`),
      )
      const waited = clock.sleeps.reduce((sum, ms) => sum + ms, 0)
      expect(waited).toBeLessThan(90_000)
      expect(server.requests.length).toBeLessThanOrEqual(5)
    },
  )
})
