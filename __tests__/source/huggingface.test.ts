import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Agent } from 'undici'
import { createHuggingFaceSource } from '../../src/source/huggingface.js'
import { parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'
import { startHfServer } from '../support/hf-server.js'
import { testClock } from '../support/test-clock.js'
import { fixtures, items, realDay, serveEachTest, TOKEN, USER_AGENT } from './hf-source-fixture.js'

/** Paging, requests and answers; retries and time limits are in huggingface-retries.test.ts. */
const days = new Map(fixtures)
const { server, connect } = serveEachTest({ days })

const pageUrls = () => server().requests.map((request) => new URL(request.url, server().url).search)

describe('paging', () => {
  it('reads a real day in one request and keeps the API order', async () => {
    const { source } = connect()
    const day = await source.fetchDay('2025-11-03')
    expect(day).toEqual({
      day: '2025-11-03',
      ...parseDailyPapers(realDay, 'fixture'),
      offDay: [],
      listUrl: `${server().url}/api/daily_papers`,
    })
    expect(pageUrls()).toEqual(['?date=2025-11-03&limit=100&p=0'])
    expect(server().requests).toHaveLength(1)
  })

  it('asks for the next page while pages are full: 130 papers are 100 + 30', async () => {
    days.set('2025-12-01', items('2025-12-01', 130))
    const { source } = connect()
    const { papers } = await source.fetchDay('2025-12-01')
    // As Hugging Face lists a day: most upvoted first (these are alike), then the newer id.
    expect(papers.map((paper) => paper.id)).toEqual(
      items('2025-12-01', 130)
        .map((item) => item.paper.id)
        .reverse(),
    )
    expect(pageUrls()).toEqual(['?date=2025-12-01&limit=100&p=0', '?date=2025-12-01&limit=100&p=1'])
  })

  it('ends on an empty page after exactly 100 papers', async () => {
    days.set('2025-12-02', items('2025-12-02', 100))
    const { source } = connect()
    expect((await source.fetchDay('2025-12-02')).papers).toHaveLength(100)
    expect(pageUrls()).toEqual(['?date=2025-12-02&limit=100&p=0', '?date=2025-12-02&limit=100&p=1'])
    expect(server().requests).toHaveLength(2)
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
    server().inject({ status: 200, body: items('2025-12-04', 100) }, 2)
    const { source } = connect()
    expect((await source.fetchDay('2025-12-04')).papers).toHaveLength(100)
    expect(server().requests).toHaveLength(2)
  })

  it('accepts a base URL with a trailing slash and counts requests over several days', async () => {
    const { source } = connect({ baseUrl: `${server().url}/` })
    await source.fetchDay('2025-11-03')
    await source.fetchDay('2025-11-04')
    expect(server().requests.map((request) => request.url)).toEqual([
      '/api/daily_papers?date=2025-11-03&limit=100&p=0',
      '/api/daily_papers?date=2025-11-04&limit=100&p=0',
    ])
    expect(server().requests).toHaveLength(2)
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
    expect(server().requests[0]!.headers).toMatchObject({
      'user-agent': USER_AGENT,
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
    })
  })

  it('sends no authorization without a token', async () => {
    await connect({ token: '' }).source.fetchDay('2025-11-03')
    expect(server().requests[0]!.headers.authorization).toBeUndefined()
  })
})

describe('what comes back', () => {
  it('leaves out an invalid paper, naming its id and field, and keeps the others', async () => {
    const broken = items('2025-12-05', 3)
    broken[1]!.paper.upvotes = 'many'
    days.set('2025-12-05', broken)
    const { papers, invalid } = await connect().source.fetchDay('2025-12-05')
    expect(papers.map((paper) => paper.id)).toEqual(['2511.90002', '2511.90000'])
    expect(invalid).toEqual([{ id: '2511.90001', field: 'paper.upvotes', problem: expect.any(String) }])
  })

  it('fails on a JSON object where the list of papers should be, quoting it', async () => {
    server().inject({ status: 200, body: { papers: [] } })
    const fetching = connect().source.fetchDay('2025-11-03')
    await expect(fetching).rejects.toThrow(UnexpectedResponseError)
    await expect(fetching).rejects.toThrow(
      `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0 returned {"papers":[]} where a JSON array of papers was expected`,
    )
  })

  it('fails on an HTML page with its title, without retrying', async () => {
    server().inject('html')
    const { source } = connect()
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 200 with an HTML page titled "Just a moment..." where a JSON array of papers was expected`,
    )
    expect(server().requests).toHaveLength(1)
  })

  it('fails on a body that is not JSON, quoting its start', async () => {
    server().inject({ status: 200, body: `[{"paper": ${'x'.repeat(300)}` })
    await expect(connect().source.fetchDay('2025-11-03')).rejects.toThrow(
      `answered 200 with a body that is not JSON: "[{\\"paper\\": ${'x'.repeat(189)}…" where a JSON array of papers was expected`,
    )
  })

  it('explains a 400 for a day after today with Hugging Face’s own message', async () => {
    const { source } = connect()
    await expect(source.fetchDay('2099-01-01')).rejects.toThrow(
      /: Hugging Face answered 400 Bad Request: "Date cannot be in the future" \(2099-01-01 is after today, \d{4}-\d\d-\d\d UTC: Hugging Face lists a day only once it has begun\)$/,
    )
    expect(server().requests).toHaveLength(1)
  })

  it('never prints the token, even when the server echoes it', async () => {
    server().inject({
      status: 401,
      body: { error: `Invalid credentials in Authorization header: Bearer ${TOKEN}` },
    })
    const { source } = connect({ token: TOKEN })
    await expect(source.fetchDay('2025-11-03')).rejects.toThrow(
      new Error(
        `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0: Hugging Face answered 401 Unauthorized: "Invalid credentials in Authorization header: Bearer ***"`,
      ),
    )
    expect(server().requests).toHaveLength(1)
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
      const source = createHuggingFaceSource({
        baseUrl: secure.url,
        userAgent: USER_AGENT,
        clock: testClock(),
        dispatcher,
      })
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
