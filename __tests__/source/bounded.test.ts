import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { JsonTooDeepError, MAX_JSON_DEPTH, parseJson, parseJsonOr } from '../../src/core/bounded-json.js'
import {
  AnswerTooLargeError,
  formatBytes,
  MAX_ANSWER_BYTES,
  readStart,
  readText,
} from '../../src/source/bounded-read.js'
import { FIXTURES_DIR, loadFixtureDays } from '../support/hf-server.js'

/** A stream of `chunks`, recording how many were pulled and whether it was destroyed. */
function countedStream(chunks: Iterable<Uint8Array>) {
  const state = { pulled: 0, destroyed: false }
  const stream = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        state.pulled++
        yield chunk
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  )
  stream.on('close', () => (state.destroyed = true))
  return { stream, state }
}

function* endless(chunk: Uint8Array) {
  for (;;) yield chunk
}

describe('readText', () => {
  it('reads a stream whole as UTF-8, dropping a byte order mark, at exactly the limit', async () => {
    const text = '\uFEFF[{"title":"Ünïcödé ✓"}]'
    const bytes = Buffer.from(text)
    expect(await readText(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), bytes.length)).toBe(
      text.slice(1),
    )
  })

  it('stops pulling an endless stream one chunk past the limit and destroys it', async () => {
    const { stream, state } = countedStream(endless(Buffer.alloc(64 * 1024, 0x61)))
    const reading = readText(stream, 1024 * 1024)
    await expect(reading).rejects.toThrow(AnswerTooLargeError)
    await expect(reading).rejects.toThrow('more than 1 MiB')
    expect(state.pulled).toBeLessThanOrEqual(16 + 2)
    await new Promise((done) => setImmediate(done))
    expect(state.destroyed).toBe(true)
  })

  it('refuses one byte over the limit', async () => {
    await expect(readText(Readable.from([Buffer.from('[1]')]), 2)).rejects.toThrow(AnswerTooLargeError)
  })
})

describe('readStart', () => {
  it('keeps the first bytes of an endless stream, without a character the cut split', async () => {
    const { stream, state } = countedStream(endless(Buffer.from('é')))
    expect(await readStart(stream, 5)).toBe('éé')
    expect(state.pulled).toBeLessThanOrEqual(5)
  })
})

describe('the answer ceiling', () => {
  it('is far above the largest real day', () => {
    const largest = Math.max(
      ...['2025-11-04', '2025-11-26'].map(
        (day) => readFileSync(resolve(FIXTURES_DIR, `${day}.json`)).byteLength,
      ),
    )
    expect(largest).toBeGreaterThan(200_000)
    expect(MAX_ANSWER_BYTES).toBeGreaterThan(30 * largest)
    expect(formatBytes(MAX_ANSWER_BYTES)).toBe('8 MiB')
  })
})

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`

describe('parseJson', () => {
  const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

  it('parses a document at the depth limit', () => {
    expect(() => parseJson(nested(MAX_JSON_DEPTH))).not.toThrow()
    expect(() => parseJson(nestedObject(MAX_JSON_DEPTH))).not.toThrow()
  })

  it.each([
    ['arrays', nested(MAX_JSON_DEPTH + 1)],
    ['objects', nestedObject(MAX_JSON_DEPTH + 1)],
    ['100,000 arrays', nested(100_000)],
    ['100,000 arrays, never closed', '['.repeat(100_000)],
    ['a deep document after a string with brackets and escaped quotes', `["[[[\\"{{"${',' + nested(40)}]`],
  ])('refuses %s, before parsing', (_name, text) => {
    expect(() => parseJson(text)).toThrow(new JsonTooDeepError(MAX_JSON_DEPTH))
  })

  it('does not count brackets inside strings', () => {
    const text = JSON.stringify([{ title: '['.repeat(1000), summary: '\\"{'.repeat(1000) }])
    expect(parseJson(text)).toEqual(JSON.parse(text))
  })

  it('finds the real days 6 levels deep, as the messages say', async () => {
    const days = await loadFixtureDays()
    for (const day of days.values()) expect(() => parseJson(JSON.stringify(day), 6)).not.toThrow()
    expect(() => parseJson(JSON.stringify(days.get('2025-11-03')), 5)).toThrow(JsonTooDeepError)
  })

  it('leaves other faults to JSON.parse', () => {
    expect(() => parseJson('{"a": ')).toThrow(SyntaxError)
  })

  it('scans megabytes of hostile text in well under a second', () => {
    for (const text of ['"'.repeat(4e6), '\\'.repeat(4e6), '[]'.repeat(2e6), `"${'\\"'.repeat(2e6)}`]) {
      const started = performance.now()
      expect(() => parseJson(text)).toThrow()
      expect(performance.now() - started).toBeLessThan(1000)
    }
  })
})

describe('parseJsonOr', () => {
  const refuse = (tooDeep: number | undefined, cause: unknown) =>
    new Error(`too deep: ${tooDeep}; cause: ${(cause as Error).name}`)

  it('gives the value of JSON text and asks for no error', () => {
    expect(parseJsonOr('[1, {"a": null}]', refuse)).toEqual([1, { a: null }])
  })

  it('throws the caller’s error, with the broken depth limit, for a document nested too deep', () => {
    expect(() => parseJsonOr(nested(MAX_JSON_DEPTH + 1), refuse)).toThrow(
      `too deep: ${MAX_JSON_DEPTH}; cause: JsonTooDeepError`,
    )
  })

  it('throws the caller’s error, with JSON.parse’s as the cause, for text that is not JSON', () => {
    expect(() => parseJsonOr('<html>', refuse)).toThrow('too deep: undefined; cause: SyntaxError')
  })
})
