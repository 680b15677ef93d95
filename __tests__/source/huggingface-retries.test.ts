import { describe, expect, it } from '@jest/globals'
import { createHuggingFaceSource } from '../../src/source/huggingface.js'
import type { HfServer } from '../support/hf-server.js'
import { fixtures, realDay, serveEachTest, TOKEN, USER_AGENT } from './hf-source-fixture.js'

/** How the Hugging Face source retries, times out and keeps to its time budget, on the stand-in. */
const { server, connect } = serveEachTest({ days: new Map(fixtures) })

describe('retries', () => {
  it('waits as long as a 429’s RateLimit header says, and a second for its rounding, then goes on', async () => {
    server().inject({
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
    server().inject({ status: 503, headers: { 'Retry-After': '600' } }, 2)
    const { source, sleeps } = connect({ maxDelayMs: 20_000 })
    await source.fetchDay('2025-11-03')
    expect(sleeps).toEqual([20_000, 20_000])
  })

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    server().inject({ status: 503, headers: { 'Retry-After': '7' } })
    server().inject({ status: 429, headers: { 'Retry-After': 'Mon, 03 Nov 2025 12:00:30 GMT' } })
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
    server().inject(fault, 2)
    const { source, sleeps } = connect({ random: () => 0 })
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual([500, 1_000])
    expect(source.requests).toBe(3)
  })

  it('gives up after the attempts with the status, the URL and the body, but not the token', async () => {
    server().inject({ status: 503, body: { error: 'Service Unavailable' } }, 3)
    const { source, sleeps } = connect({ token: TOKEN, maxAttempts: 3 })
    await expect(source.fetchDay('2025-11-03')).rejects.toHaveProperty(
      'message',
      `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 503 Service Unavailable: "Service Unavailable" (gave up after 3 attempts)`,
    )
    expect(sleeps).toEqual([750, 1_500])
    expect(source.requests).toBe(3)
  })

  it('gives up at once when the wait a failing server asks for would pass the time limit', async () => {
    server().inject({
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
    await server().close()
    const { source } = connect({ maxAttempts: 2 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      new RegExp(
        `^GET ${server().url}/api/daily_papers\\?date=2025-11-03&limit=100&p=0: .*ECONNREFUSED.*\\(gave up after 2 attempts\\)$`,
      ),
    )
    expect(source.requests).toBe(2)
  })
})

describe('timeouts', () => {
  it('cuts off a request that hangs and tries again', async () => {
    server().inject('hang')
    const { source, sleeps } = connect({ requestTimeoutMs: 100 })
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual([750])
  })

  it('reports a request that keeps hanging', async () => {
    server().inject('hang', 2)
    const { source } = connect({ requestTimeoutMs: 100, maxAttempts: 2 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0: no complete answer within 0.1 s (gave up after 2 attempts)`,
    )
  })

  it('stops a fetch that passes its overall time limit, without retrying', async () => {
    server().inject('hang')
    const { source } = connect({ deadlineMs: 100 })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0: the time limit of 0.1 s for one day ran out`,
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
      server().inject(fault, 20)
      const clock = simulatedClock()
      const source = createHuggingFaceSource({
        baseUrl: server().url,
        userAgent: USER_AGENT,
        ...clock.options,
      })
      await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
        new RegExp(`^GET ${server().url}/api/daily_papers\\?date=2025-11-03&limit=100&p=0: .*gave up after`),
      )
      const waited = clock.sleeps.reduce((sum, ms) => sum + ms, 0)
      expect(waited).toBeLessThan(90_000)
      expect(server().requests.length).toBeLessThanOrEqual(5)
    },
  )
})
