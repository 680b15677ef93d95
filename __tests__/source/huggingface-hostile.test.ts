import { describe, expect, it } from '@jest/globals'
import { createHuggingFaceSource } from '../../src/source/huggingface.js'
import { UnexpectedResponseError } from '../../src/source/paper.js'
import { QUOTE_LENGTH } from '../../src/core/http/send.js'
import { startHfServer } from '../support/hf-server.js'
import { testClock } from '../support/test-clock.js'
import { NON_PAPER_ANSWERS } from '../support/non-paper-answers.js'
import { fixtures, items, realDay, serveEachTest } from './hf-source-fixture.js'

/**
 * Answers a hostile or broken server could send: too big, too many pages, too deep, slow to quote,
 * echoing the token, or for another day. Each must end in a clear message, in bounded time and memory.
 */
const TOKEN = 'hf_SeCrEtToKeN1234567890abcdefXYZ'
const MiB = 1024 * 1024
const { server, connect } = serveEachTest({ days: new Map([['2025-11-03', realDay]]) })

const firstPage = () => `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=0`
/** How the message of an answer over the day's byte limit ends. */
const TOO_LARGE =
  "Hugging Face sent more than 8 MiB, the limit for one day (all its pages; a real day is a few hundred kB: check that hf-api-url is Hugging Face's API); stopped reading"

/** A source on `url` and simulated time. */
const sourceOn = (url: string) =>
  createHuggingFaceSource({ baseUrl: url, userAgent: 'test', clock: testClock() })

/** A day's answer of exactly `bytes`: `items` as JSON, then spaces. */
const padded = (items: unknown[], bytes: number) => {
  const json = JSON.stringify(items)
  return `${json}${' '.repeat(bytes - Buffer.byteLength(json))}`
}

/** The message `fetching` fails with. */
async function failure(fetching: Promise<unknown>): Promise<string> {
  try {
    await fetching
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the fetch to fail')
}

describe('bytes per day', () => {
  it('stops reading an endless answer at 8 MiB, hangs up and names the URL and the limit', async () => {
    server().inject({ flood: 'a', bytes: Infinity })
    const { source } = connect()
    const started = performance.now()
    expect(await failure(source.fetchDay('2025-11-03'))).toBe(`${firstPage()}: ${TOO_LARGE}`)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(server().requests).toHaveLength(1)
    await server().floods[0]?.closed
    expect(server().floods[0]).toMatchObject({ hungUp: true })
    expect(server().floods[0]!.sent).toBeLessThan(64 * MiB)
  })

  it('refuses an announced 1 GB answer before reading it', async () => {
    server().inject({ flood: '[', bytes: 1024 * MiB, announce: true })
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toBe(`${firstPage()}: ${TOO_LARGE}`)
    await server().floods[0]?.closed
    expect(server().floods[0]).toMatchObject({ hungUp: true })
    expect(server().floods[0]!.sent).toBeLessThan(64 * MiB)
  })

  it('accepts an answer of exactly the limit and refuses one byte more', async () => {
    server().inject({ status: 200, body: padded(realDay, 8 * MiB) })
    expect((await connect().source.fetchDay('2025-11-03')).papers).toHaveLength(realDay.length)
    server().inject({ status: 200, body: padded(realDay, 8 * MiB + 1) })
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toBe(`${firstPage()}: ${TOO_LARGE}`)
  })

  it('counts all pages of a day together, naming the page that passed the limit', async () => {
    server().inject({ status: 200, body: padded(items('2025-11-03', 100), 5 * MiB) })
    server().inject({ status: 200, body: padded(items('2025-11-03', 100, 100), 5 * MiB) })
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toBe(
      `GET ${server().url}/api/daily_papers?date=2025-11-03&limit=100&p=1: ${TOO_LARGE}`,
    )
  })

  it('quotes the start of a huge error answer and still retries it', async () => {
    server().inject({ flood: 'overloaded ', bytes: 1024 * MiB, status: 503 }, 5)
    const { source } = connect()
    expect(await failure(source.fetchDay('2025-11-03'))).toBe(
      `${firstPage()}: Hugging Face answered 503 Service Unavailable: ${JSON.stringify(
        `${'overloaded '.repeat(30).slice(0, QUOTE_LENGTH)}…`,
      )} (gave up after 5 attempts)`,
    )
    expect(server().requests).toHaveLength(5)
  })
})

describe('pages per day', () => {
  it('stops an API that always sends full pages of new papers after 10 pages, naming the URL and the limit', async () => {
    const endless = await startHfServer({ pages: (day, page, limit) => items(day, limit, page * limit) })
    try {
      expect(await failure(sourceOn(endless.url).fetchDay('2025-11-03'))).toBe(
        `GET ${endless.url}/api/daily_papers?date=2025-11-03&limit=100&p=9: Hugging Face still sent a full page of new papers after 10 pages (1000 papers), the limit for one day; no real day has that many. Check that hf-api-url is Hugging Face's API.`,
      )
      expect(endless.requests).toHaveLength(10)
    } finally {
      await endless.close()
    }
  })

  it('reads a day of 999 papers, just under the ceiling', async () => {
    const busy = items('2025-11-03', 999)
    const full = await startHfServer({
      pages: (_day, page, limit) => busy.slice(page * limit, (page + 1) * limit),
    })
    try {
      const day = await sourceOn(full.url).fetchDay('2025-11-03')
      expect(day.papers).toHaveLength(999)
    } finally {
      await full.close()
    }
  })

  it('refuses a page with more items than it asked for', async () => {
    server().inject({ status: 200, body: items('2025-11-03', 101) })
    const fetching = connect().source.fetchDay('2025-11-03')
    await expect(fetching).rejects.toThrow(UnexpectedResponseError)
    await expect(fetching).rejects.toThrow(
      `${firstPage()} returned 101 items where at most 100 (limit=100) were asked for`,
    )
  })
})

describe('depth', () => {
  it.each([
    ['arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ])('refuses a document of 100,000 nested %s, naming the URL and the limit', async (_name, body) => {
    server().inject({ status: 200, body })
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toBe(
      `${firstPage()}: Hugging Face answered 200 with JSON nested deeper than 32 levels (a day of papers nests 6) where a JSON array of papers was expected`,
    )
  })

  it('quotes a deeply nested error answer as text', async () => {
    server().inject({ status: 404, body: `{"error":${'['.repeat(100_000)}` })
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toBe(
      `${firstPage()}: Hugging Face answered 404 Not Found: ${JSON.stringify(`{"error":${'['.repeat(191)}…`)}`,
    )
  })
})

describe('describing a hostile answer', () => {
  it.each([
    ['"<title " repeated (1.2 MB)', '<title '.repeat(175_000)],
    ['an unclosed title (2 MB)', `<html><title>${'a'.repeat(2 * MiB)}`],
    ['"<" repeated (4 MB)', '<'.repeat(4 * MiB)],
    ['whitespace (4 MB)', `${' \n'.repeat(2 * MiB)}x`],
    ['words and whitespace (4 MB)', 'a \n\t'.repeat(MiB)],
  ])('fails on %s, quoting its start (how fast: npm run bench)', async (_name, body) => {
    server().inject({ status: 200, body })
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toMatch(
      /^GET .*: Hugging Face answered 200 with a body that is not JSON: ".*" where a JSON array of papers was expected$/,
    )
  })
})

describe('the token in messages built from an answer', () => {
  /** Every piece of the token of at least four characters in `text`. */
  const leaks = (text: string) =>
    Array.from({ length: TOKEN.length - 3 }, (_, start) => start).flatMap((start) =>
      Array.from({ length: TOKEN.length - start - 3 }, (_, k) => TOKEN.slice(start, start + 4 + k)).filter(
        (piece) => text.includes(piece),
      ),
    )

  const offsets = Array.from({ length: 60 }, (_, index) => QUOTE_LENGTH - 40 + index)
  const echo = (offset: number, open = '', close = '') =>
    `${open}${'x'.repeat(offset - open.length)}${TOKEN}${'y'.repeat(300)}${close}`

  it.each<[string, (offset: number) => { status: number; body: string }]>([
    ['a 200 JSON object', (offset) => ({ status: 200, body: echo(offset, '{"echo":"', '"}') })],
    ['a 200 body that is not JSON', (offset) => ({ status: 200, body: echo(offset) })],
    ['an HTML title', (offset) => ({ status: 200, body: `<html><title>${echo(offset)}</title>` })],
    ['a 401 error object', (offset) => ({ status: 401, body: JSON.stringify({ error: echo(offset) }) })],
    ['a 401 text body', (offset) => ({ status: 401, body: echo(offset) })],
  ])('never shows a piece of it in %s, wherever it stands around the quote limit', async (_name, answer) => {
    for (const offset of offsets) {
      server().inject(answer(offset))
      const message = await failure(connect({ token: TOKEN }).source.fetchDay('2025-11-03'))
      expect({ offset, leaks: leaks(message) }).toEqual({ offset, leaks: [] })
      // The token starts at `offset` of the quoted text; the mask is cut like any text.
      if (offset + 3 <= QUOTE_LENGTH) expect(message).toContain('x***')
    }
  })
})

describe('an answer that echoes the token in its papers', () => {
  it('is not used, so that no piece of the token reaches a post, and the message holds none of it', async () => {
    const [first, ...rest] = structuredClone(realDay) as Array<{ paper: Record<string, unknown> }>
    first!.paper.title = `Debug: ${TOKEN.slice(5, 20)}`
    server().inject({ status: 200, body: JSON.stringify([first, ...rest]) })
    const fetching = connect({ token: TOKEN }).source.fetchDay('2025-11-03')
    await expect(fetching).rejects.toThrow(UnexpectedResponseError)
    const message = await failure(fetching)
    expect(message).toBe(
      `${firstPage()} returned papers that hold a piece of hf-token, the token sent with the request; an answer that echoes it is not used, so that the token reaches no post (check that hf-api-url is Hugging Face's API)`,
    )
  })
})

describe('papers listed on another day', () => {
  it('leaves out a paper whose submittedOnDailyAt is another day, naming both', async () => {
    const answer = items('2025-11-03', 3)
    answer[1]!.paper.submittedOnDailyAt = '2025-11-01T23:59:59.000Z'
    delete answer[2]!.paper.submittedOnDailyAt
    server().inject({ status: 200, body: answer })
    const day = await connect().source.fetchDay('2025-11-03')
    expect(day.papers.map((paper) => paper.id)).toEqual(['2511.90002', '2511.90000'])
    expect(day.offDay).toEqual([{ id: '2511.90001', listedOn: '2025-11-01' }])
  })

  it('keeps every paper of the 44 real days', async () => {
    const real = await startHfServer()
    try {
      const source = sourceOn(real.url)
      for (const [date, answer] of fixtures) {
        const day = await source.fetchDay(date)
        expect({ date, kept: day.papers.length, offDay: day.offDay, invalid: day.invalid }).toEqual({
          date,
          kept: answer.length,
          offDay: [],
          invalid: [],
        })
      }
      expect(fixtures.size).toBe(44)
    } finally {
      await real.close()
    }
  })
})

describe('answers that are not papers keep their clear messages', () => {
  it.each(NON_PAPER_ANSWERS)('%s', async (_name, fault, message) => {
    server().inject(fault)
    expect(await failure(connect().source.fetchDay('2025-11-03'))).toBe(
      `${firstPage()}${message} a JSON array of papers was expected`,
    )
  })
})
