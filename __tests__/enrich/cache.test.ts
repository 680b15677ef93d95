import { describe, expect, it } from '@jest/globals'
import {
  cachePath,
  cacheShard,
  SUMMARY_CACHE,
  variantKey,
  type CachedSummaries,
} from '../../src/enrich/cache.js'
import { MAX_STATE_FILE_BYTES, parseStateFile, renderStateFile } from '../../src/core/state-file.js'
import { PROMPT_VERSION } from '../../src/enrich/prompt.js'
import { cacheJson } from './harness.js'

type CacheEntries = Map<string, CachedSummaries>
const parseCacheFile = (text: string) => parseStateFile(SUMMARY_CACHE, text)
const renderCacheFile = (entries: CacheEntries) => renderStateFile(SUMMARY_CACHE, entries)

const entries = (): CacheEntries =>
  new Map([
    ['2511.00002', new Map([[variantKey('m', 'ko'), { summary: '둘', title: '제목' }]])],
    [
      '2511.00001',
      new Map([
        [variantKey('z', 'en'), { summary: 'one z' }],
        [variantKey('a', 'en'), { summary: 'one a' }],
      ]),
    ],
  ])

describe('cache files', () => {
  it('are named after the arXiv month, never after a paper text', () => {
    expect(cacheShard('2511.01234')).toBe('2511')
    expect(cacheShard('2511.01234v2')).toBe('2511')
    expect(cacheShard('0704.0001')).toBe('0704')
    expect(cacheShard('../../etc/passwd')).toBe('other')
    expect(cacheShard('2511.01234/../../x')).toBe('other')
    expect(cachePath('2511.01234')).toBe('.hf-daily-papers/summaries/2511.json')
    expect(cachePath('../../etc/passwd')).toBe('.hf-daily-papers/summaries/other.json')
  })

  it("keep a day's TL;DR with the papers of its month", () => {
    expect(cacheShard('tldr 2025-11-04')).toBe('2511')
    expect(cacheShard('tldr 2025-11-04/../x')).toBe('other')
    expect(cacheShard('tldr ../2025-11-04')).toBe('other')
  })

  it('key a summary by prompt version, language and model', () => {
    expect(variantKey('openai/gpt-4.1-mini', 'ko')).toBe(`v${PROMPT_VERSION} ko openai/gpt-4.1-mini`)
  })

  it('render sorted, two-space JSON with a final newline, whatever the insertion order', () => {
    const text = renderCacheFile(entries())
    const reversed = new Map([...entries()].reverse().map(([id, v]) => [id, new Map([...v].reverse())]))
    expect(renderCacheFile(reversed)).toBe(text)
    expect(text.endsWith('}\n')).toBe(true)
    const json = cacheJson(text)
    expect(Object.keys(json)).toEqual(['about', 'summaries'])
    expect(Object.keys(json.summaries)).toEqual(['2511.00001', '2511.00002'])
    expect(Object.keys(json.summaries['2511.00001']!)).toEqual([variantKey('a', 'en'), variantKey('z', 'en')])
    expect(text).toContain('\n  "summaries": {\n    "2511.00001": {\n')
  })

  it('read back what they wrote, to the byte', () => {
    const text = renderCacheFile(entries())
    const parsed = parseCacheFile(text)
    expect(parsed.problem).toBeUndefined()
    expect(parsed.entries).toEqual(entries())
    expect(renderCacheFile(parsed.entries)).toBe(text)
  })

  it('keep an id like __proto__ as an ordinary entry', () => {
    const odd = new Map([['__proto__', new Map([[variantKey('m', 'en'), { summary: 's' }]])]])
    const text = renderCacheFile(odd)
    expect(Object.keys(cacheJson(text).summaries)).toEqual(['__proto__'])
    expect(parseCacheFile(text).entries).toEqual(odd)
  })

  it.each([
    ['not JSON', '{"summaries": {', 'is not valid JSON'],
    ['another shape', '[1, 2]', 'is not a summaries file'],
    ['an unknown top-level key', '{"summaries": {}, "extra": 1}', 'is not a summaries file'],
    ['empty', '', 'is not valid JSON'],
  ])('report a file that is %s, with nothing read', (_, text, problem) => {
    const parsed = parseCacheFile(text)
    expect(parsed.problem).toContain(problem)
    expect(parsed.entries.size).toBe(0)
  })

  it('read the good entries of a file with bad ones, and report the bad ones', () => {
    const text = JSON.stringify({
      summaries: {
        a: { v: { summary: 'good\u202e one\n' } },
        b: { v: { summary: 42 } },
        c: { v: { summary: ' ' }, w: { summary: 's', extra: true } },
      },
    })
    const parsed = parseCacheFile(text)
    expect(parsed.problem).toBe('has 3 entries without a usable summary')
    expect(parsed.entries).toEqual(new Map([['a', new Map([['v', { summary: 'good one' }]])]]))
  })

  it('refuse a file over the size bound before parsing it', () => {
    const parsed = parseCacheFile(' '.repeat(MAX_STATE_FILE_BYTES + 1))
    expect(parsed.problem).toBe('is larger than 4 MB')
  })
})
