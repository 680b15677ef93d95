import { describe, expect, it } from '@jest/globals'
import { JsonTooDeepError, MAX_JSON_DEPTH, parseJson, parseJsonOr } from '../../src/core/bounded-json.js'
import { loadFixtureDays } from '../support/hf-server.js'

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

  // How long it takes: npm run bench.
  it('refuses megabytes of hostile text', () => {
    for (const text of ['"'.repeat(4e6), '\\'.repeat(4e6), '[]'.repeat(2e6), `"${'\\"'.repeat(2e6)}`]) {
      expect(() => parseJson(text)).toThrow()
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
