import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { FIXTURES_DIR, startHfServer, type HfServer } from './hf-server.js'
import { promises as fs } from 'node:fs'
import { resolve } from 'node:path'

const realDay = JSON.parse(await fs.readFile(resolve(FIXTURES_DIR, '2025-11-03.json'), 'utf8')) as unknown[]
const many = Array.from({ length: 130 }, (_, index) => ({ paper: { id: `p${index}` } }))

let server: HfServer
beforeAll(async () => {
  server = await startHfServer({ days: new Map([['2025-12-01', many]]), today: '2025-12-31' })
})
afterAll(() => server.close())

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`)
  return { status: response.status, body: await response.json() }
}

const ids = (body: unknown) => (body as Array<{ paper: { id: string } }>).map((item) => item.paper.id)

/** The stand-in is only worth its tests if it behaves like Hugging Face. */
describe('the Hugging Face stand-in', () => {
  it('serves the real fixtures by default', async () => {
    const fixtures = await startHfServer()
    try {
      const response = await fetch(`${fixtures.url}/api/daily_papers?date=2025-11-03`)
      expect(await response.json()).toEqual(realDay)
    } finally {
      await fixtures.close()
    }
  })

  it('pages with limit (default 50) and a 0-based p, and answers [] past the end or for unknown days', async () => {
    expect(ids((await get('/api/daily_papers?date=2025-12-01')).body)).toEqual(ids(many.slice(0, 50)))
    expect(ids((await get('/api/daily_papers?date=2025-12-01&limit=100&p=1')).body)).toEqual(
      ids(many.slice(100)),
    )
    expect(await get('/api/daily_papers?date=2025-12-01&limit=100&p=2')).toEqual({ status: 200, body: [] })
    expect(await get('/api/daily_papers?date=2025-12-02')).toEqual({ status: 200, body: [] })
  })

  it.each([
    ['/api/daily_papers?date=2025-12-01&limit=101', 'limit must be an integer between 1 and 100'],
    ['/api/daily_papers?date=2025-13-01', 'Invalid date: 2025-13-01'],
    ['/api/daily_papers?date=2025-02-30', 'Invalid date: 2025-02-30'],
    ['/api/daily_papers?date=2026-01-01', 'Date cannot be in the future'],
  ])('refuses %s with a 400 and an error message', async (path, error) => {
    expect(await get(path)).toEqual({ status: 400, body: { error } })
  })

  it('records every request and fails the next ones as told', async () => {
    const start = server.requests.length
    server.inject({ status: 429, headers: { RateLimit: '"api";r=0;t=42' }, body: { error: 'slow down' } }, 2)
    server.inject('html')
    const limited = await fetch(`${server.url}/api/daily_papers?date=2025-12-01`, {
      headers: { 'x-test': 'yes' },
    })
    expect([limited.status, limited.headers.get('ratelimit'), await limited.json()]).toEqual([
      429,
      '"api";r=0;t=42',
      { error: 'slow down' },
    ])
    expect((await get('/api/daily_papers?date=2025-12-01')).status).toBe(429)
    const page = await fetch(`${server.url}/api/daily_papers?date=2025-12-01`)
    expect([page.headers.get('content-type'), (await page.text()).startsWith('<!DOCTYPE html>')]).toEqual([
      'text/html; charset=utf-8',
      true,
    ])
    expect((await get('/api/daily_papers?date=2025-12-01')).status).toBe(200)
    expect(server.requests.slice(start).map((request) => [request.method, request.url])).toEqual(
      Array(4).fill(['GET', '/api/daily_papers?date=2025-12-01']),
    )
    expect(server.requests[start]!.headers['x-test']).toBe('yes')
  })

  it('answers after latencyMs', async () => {
    const slow = await startHfServer({ days: new Map(), latencyMs: 50 })
    try {
      const started = performance.now()
      await fetch(`${slow.url}/api/daily_papers?date=2025-11-03`)
      expect(performance.now() - started).toBeGreaterThanOrEqual(45)
    } finally {
      await slow.close()
    }
  })

  it('resets a connection, or cuts a body halfway', async () => {
    server.inject('reset')
    await expect(fetch(`${server.url}/api/daily_papers?date=2025-12-01`)).rejects.toThrow('fetch failed')
    server.inject('truncate')
    const cut = await fetch(`${server.url}/api/daily_papers?date=2025-12-01`)
    await expect(cut.text()).rejects.toThrow()
  })
})

describe("the Hugging Face stand-in's fixed window", () => {
  it('announces what is left on every answer, refuses what is over with a 429, and resets', async () => {
    let time = 0
    const stand = await startHfServer({
      days: new Map([['2025-12-01', many]]),
      rateLimit: { quota: 2, tokenQuota: 3, windowSeconds: 2, now: () => time },
    })
    const get = async (token?: string) => {
      const answer = await fetch(`${stand.url}/api/daily_papers?date=2025-12-01`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
      await answer.arrayBuffer()
      return [answer.status, answer.headers.get('ratelimit'), answer.headers.get('ratelimit-policy')]
    }
    try {
      const policy = '"fixed window";"api";q=2;w=2'
      expect(await get()).toEqual([200, '"api";r=1;t=2', policy])
      time = 500
      expect(await get()).toEqual([200, '"api";r=0;t=2', policy])
      expect(await get()).toEqual([429, '"api";r=0;t=2', policy])
      expect(await get('hf_test')).toEqual([200, '"api";r=2;t=2', '"fixed window";"api";q=3;w=2'])
      time = 2_000
      expect(await get()).toEqual([200, '"api";r=1;t=2', policy])
      expect(stand.rateLimited).toBe(1)
    } finally {
      await stand.close()
    }
  })
})
