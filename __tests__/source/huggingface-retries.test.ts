import { describe, expect, it } from '@jest/globals'
import type { HfServer } from '../support/hf-server.js'
import { between } from '../support/test-clock.js'
import { fixtures, realDay, serveEachTest, TOKEN } from './hf-source-fixture.js'

/**
 * How the Hugging Face source retries, times out and keeps to its time budget (HUGGING_FACE in
 * core/http/limits.ts), on the stand-in and simulated time.
 */
const { server, connect } = serveEachTest({ days: new Map(fixtures) })

const firstPage = () => `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0`

/** The jittered backoff after each of the first four failed attempts: half to all of 1, 2, 4 and 8 s. */
const BACKOFF = [between(500, 1_000), between(1_000, 2_000), between(2_000, 4_000), between(4_000, 8_000)]

describe('retries', () => {
  it('waits as long as a 429’s RateLimit header says, and a second for its rounding, then goes on', async () => {
    server().inject({
      status: 429,
      headers: { RateLimit: '"api";r=0;t=42' },
      body: { error: 'Too Many Requests' },
    })
    const { source, sleeps } = connect()
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual([43_000])
    expect(server().requests).toHaveLength(2)
  })

  it('caps the wait a failing server asks for at a minute', async () => {
    server().inject({ status: 503, headers: { 'Retry-After': '600' } })
    const { source, sleeps } = connect()
    await source.fetchDay('2025-11-03')
    expect(sleeps).toEqual([60_000])
  })

  it('honours Retry-After in seconds and as an HTTP date, read on its own clock', async () => {
    server().inject({ status: 503, headers: { 'Retry-After': '7' } })
    server().inject({ status: 429, headers: { 'Retry-After': 'Mon, 03 Nov 2025 12:00:37 GMT' } })
    const { source, sleeps } = connect({}, Date.parse('2025-11-03T12:00:00Z'))
    await source.fetchDay('2025-11-03')
    // 7 s, then from 12:00:07 to 12:00:37 and a second for the rounding.
    expect(sleeps).toEqual([7_000, 31_000])
  })

  it.each([
    ['a 503', { status: 503, body: { error: 'Service Unavailable' } }],
    ['a 500', { status: 500 }],
    ['a reset connection', 'reset'],
    ['a body cut halfway', 'truncate'],
    ['a request that hangs', 'hang'],
  ] as const)('backs off exponentially with jitter after %s', async (_name, fault) => {
    server().inject(fault, 2)
    const { source, sleeps } = connect()
    expect((await source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    expect(sleeps).toEqual(BACKOFF.slice(0, 2))
    expect(server().requests).toHaveLength(3)
  })

  it('gives up after five attempts with the status, the URL and the body, but not the token', async () => {
    server().inject({ status: 503, body: { error: 'Service Unavailable' } }, 5)
    const { source, sleeps } = connect({ token: TOKEN })
    await expect(source.fetchDay('2025-11-03')).rejects.toHaveProperty(
      'message',
      `${firstPage()}: Hugging Face answered 503 Service Unavailable: "Service Unavailable" (gave up after 5 attempts)`,
    )
    expect(sleeps).toEqual(BACKOFF)
    expect(server().requests).toHaveLength(5)
  })

  it('gives up at once when the wait a failing server asks for would pass the day’s time limit', async () => {
    server().inject(
      { status: 503, headers: { 'Retry-After': '60' }, body: { error: 'Service Unavailable' } },
      2,
    )
    const { source, sleeps } = connect()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `${firstPage()}: Hugging Face answered 503 Service Unavailable: "Service Unavailable" (gave up after 2 attempts: waiting 60 s more would pass the limit of 90 s for one day)`,
    )
    expect(sleeps).toEqual([60_000])
  })

  it('gives up on a server that cannot be reached, with the reason', async () => {
    await server().close()
    const { source, sleeps } = connect()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      new RegExp(
        `^GET ${server().url}/api/daily_papers\\?date=2025-11-03&limit=100&p=0: could not reach Hugging Face: .*ECONNREFUSED.*\\(gave up after 5 attempts\\)$`,
      ),
    )
    expect(sleeps).toEqual(BACKOFF)
  })
})

describe('timeouts', () => {
  it('reports an attempt that gets no answer within 20 s', async () => {
    server().inject({ status: 503 }, 4)
    server().inject('hang')
    const { source } = connect()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `${firstPage()}: no complete answer within 20 s (gave up after 5 attempts)`,
    )
  })

  it('stops an attempt that passes the day’s time limit, and tries no more', async () => {
    server().inject('hang')
    server().inject({ status: 503, headers: { 'Retry-After': '60' } })
    server().inject('hang')
    const { source, clock } = connect()
    const started = clock.now()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `${firstPage()}: no complete answer before the limit of 90 s for one day ran out (gave up after 3 attempts)`,
    )
    expect(clock.now() - started).toBe(90_000)
  })
})

describe('the time budget', () => {
  it.each<[string, Parameters<HfServer['inject']>[0]]>([
    ['503s', { status: 503, body: { error: 'Service Unavailable' } }],
    ['503s asking for 42 s', { status: 503, headers: { 'Retry-After': '42' } }],
    ['resets', 'reset'],
    ['hangs', 'hang'],
  ])('fails a lasting outage of %s within the 90 s for one day, naming the URL', async (_, fault) => {
    server().inject(fault, 20)
    const { source, clock } = connect()
    const started = clock.now()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      new RegExp(`^GET ${server().url}/api/daily_papers\\?date=2025-11-03&limit=100&p=0: .*gave up after`),
    )
    expect(clock.now() - started).toBeLessThanOrEqual(90_000)
    expect(server().requests.length).toBeLessThanOrEqual(5)
  })
})
