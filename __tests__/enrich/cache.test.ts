import { describe, expect, it } from '@jest/globals'
import {
  cachePath,
  loadCache,
  type CachePeriod,
  SUMMARY_CACHE,
  variantKey,
  type CachedSummaries,
} from '../../src/enrich/cache.js'
import { MAX_STATE_FILE_BYTES, parseStateFile, renderStateFile } from '../../src/core/state-file.js'
import { PROMPT_VERSION } from '../../src/enrich/prompt.js'
import { cacheJson } from './harness.js'
import { createMemoryLog } from '../support/memory-log.js'

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

/** A run's cache over `files`, and the paths it asked for. */
async function load(
  files: Record<string, string>,
  keys: Array<{ key: string; day: string }>,
  period?: CachePeriod,
) {
  const asked: string[] = []
  const readText = (path: string) => {
    asked.push(path)
    return Promise.resolve(files[path])
  }
  return { cache: await loadCache(keys, period, readText, createMemoryLog()), asked }
}

describe('cache files', () => {
  it('are named after the day the papers are listed on, never after a paper text', () => {
    expect(cachePath('2025-11-04')).toBe('.hf-daily-papers/summaries/2025-11-04.json')
    expect(cachePath('../../etc/passwd')).toBe('.hf-daily-papers/summaries/other.json')
    expect(cachePath('2025-11-04/../x')).toBe('.hf-daily-papers/summaries/other.json')
  })

  describe('as a run loads them', () => {
    const variant = variantKey('m', 'ko')
    const file = (id: string, summary: string) =>
      renderCacheFile(new Map([[id, new Map([[variant, { summary }]])]]))
    it("keep a day's papers and its TL;DR in the day's file, read with its periods' and legacy months'", async () => {
      const { cache, asked } = await load({}, [
        { key: '2511.00001', day: '2025-11-04' },
        { key: '2510.00009', day: '2025-11-04' },
        { key: 'tldr 2025-11-04', day: '2025-11-04' },
      ])
      expect(asked.sort()).toEqual([
        '.hf-daily-papers/summaries/2025-11-04.json',
        '.hf-daily-papers/summaries/2025-11-month.json',
        '.hf-daily-papers/summaries/2025-W45.json',
        '.hf-daily-papers/summaries/2510.json',
        '.hf-daily-papers/summaries/2511.json',
      ])
      cache.add('2511.00001', variant, { summary: 'one' })
      cache.add('2510.00009', variant, { summary: 'nine' })
      cache.add('tldr 2025-11-04', variant, { summary: 'day' })
      const changed = cache.changedFiles()
      expect(changed.map((change) => change.path)).toEqual(['.hf-daily-papers/summaries/2025-11-04.json'])
      expect(Object.keys(cacheJson(changed[0]!.content).summaries)).toEqual([
        '2510.00009',
        '2511.00001',
        'tldr 2025-11-04',
      ])
    })

    it('read a legacy arXiv-month file as a fallback, and never write it', async () => {
      const legacy = '.hf-daily-papers/summaries/2511.json'
      const { cache } = await load({ [legacy]: file('2511.00001', 'kept') }, [
        { key: '2511.00001', day: '2025-11-04' },
        { key: '2511.00002', day: '2025-11-04' },
      ])
      expect(cache.get('2511.00001', variant)).toEqual({ summary: 'kept' })
      cache.add('2511.00002', variant, { summary: 'new' })
      const changed = cache.changedFiles()
      expect(changed.map((change) => change.path)).toEqual(['.hf-daily-papers/summaries/2025-11-04.json'])
      expect(Object.keys(cacheJson(changed[0]!.content).summaries)).toEqual(['2511.00002'])
    })

    it("prefer the day's file to the legacy month's, and keep a paper shown on two days in the later one", async () => {
      const { cache } = await load(
        {
          '.hf-daily-papers/summaries/2025-11-03.json': file('2511.00001', 'by day'),
          '.hf-daily-papers/summaries/2511.json': file('2511.00001', 'by month'),
        },
        [
          { key: '2511.00001', day: '2025-11-04' },
          { key: '2511.00001', day: '2025-11-03' },
        ],
      )
      expect(cache.get('2511.00001', variant)).toEqual({ summary: 'by day' })
      cache.add('2511.00001', variantKey('m', 'en'), { summary: 'english' })
      expect(cache.changedFiles().map((change) => change.path)).toEqual([
        '.hf-daily-papers/summaries/2025-11-04.json',
      ])
    })
  })

  describe("as a weekly or monthly run keeps them: in its period's file, never a day's", () => {
    const variant = variantKey('m', 'ko')
    const MONDAY = '.hf-daily-papers/summaries/2025-11-24.json'
    const keys = [
      { key: '2511.00001', day: '2025-11-24' },
      { key: '2511.00002', day: '2025-11-25' },
    ]
    const monday = renderCacheFile(new Map([['2511.00001', new Map([[variant, { summary: 'by day' }]])]]))

    it.each([
      ['week', '.hf-daily-papers/summaries/2025-W48.json', '.hf-daily-papers/summaries/2025-11-month.json'],
      ['month', '.hf-daily-papers/summaries/2025-11-month.json', '.hf-daily-papers/summaries/2025-W48.json'],
    ] as const)('a %s', async (period, own, other) => {
      const { cache, asked } = await load({ [MONDAY]: monday }, keys, { period, day: '2025-11-24' })
      expect(asked.sort()).toEqual(
        [
          MONDAY,
          '.hf-daily-papers/summaries/2025-11-25.json',
          own,
          other,
          '.hf-daily-papers/summaries/2511.json',
        ].sort(),
      )
      // Monday's daily run kept the first: only the second is asked for and added.
      expect(cache.get('2511.00001', variant)).toEqual({ summary: 'by day' })
      cache.add('2511.00002', variant, { summary: 'by period' })
      const changed = cache.changedFiles()
      expect(changed.map((change) => change.path)).toEqual([own])
      expect(Object.keys(cacheJson(changed[0]!.content).summaries)).toEqual(['2511.00002'])

      // The period's re-run finds both, and adds nothing.
      const again = await load({ [MONDAY]: monday, [own]: changed[0]!.content }, keys, {
        period,
        day: '2025-11-24',
      })
      expect(again.cache.get('2511.00002', variant)).toEqual({ summary: 'by period' })
      expect(again.cache.changedFiles()).toEqual([])
    })

    it("is read by a daily run of its days, which keeps its own summaries in the day's file", async () => {
      const week = '.hf-daily-papers/summaries/2025-W48.json'
      const weekFile = renderCacheFile(
        new Map([['2511.00002', new Map([[variant, { summary: 'by week' }]])]]),
      )
      const { cache } = await load({ [week]: weekFile }, keys)
      expect(cache.get('2511.00002', variant)).toEqual({ summary: 'by week' })
      cache.add('2511.00001', variant, { summary: 'by day' })
      expect(cache.changedFiles().map((change) => change.path)).toEqual([MONDAY])
    })
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
    ['empty', '', 'is not valid JSON'],
  ])('report a file that is %s, with nothing read', (_, text, problem) => {
    const parsed = parseCacheFile(text)
    expect(parsed.problem).toContain(problem)
    expect(parsed.entries.size).toBe(0)
  })

  it("read a person's correction with a note of theirs beside it, or an empty title (one removed)", () => {
    const text = JSON.stringify({
      summaries: {
        a: { v: { summary: '사람이 고친 요약입니다.', note: '직접 수정함' } },
        b: { v: { summary: 'Corrected by hand.', title: ' ' } },
      },
    })
    const parsed = parseCacheFile(text)
    expect(parsed.problem).toBeUndefined()
    expect(parsed.entries).toEqual(
      new Map([
        ['a', new Map([['v', { summary: '사람이 고친 요약입니다.' }]])],
        ['b', new Map([['v', { summary: 'Corrected by hand.' }]])],
      ]),
    )
  })

  it("writes a person's note and emptied title back when it adds to the file", async () => {
    const path = '.hf-daily-papers/summaries/2025-11-26.json'
    const text = JSON.stringify({
      summaries: {
        a: { v: { summary: 'Corrected by hand.', note: 'checked by Kim', title: null } },
        b: { v: { summary: 'Another.', title: '' } },
      },
    })
    const { cache } = await load({ [path]: text }, [
      { key: 'a', day: '2025-11-26' },
      { key: 'c', day: '2025-11-26' },
    ])
    expect(cache.get('a', 'v')).toEqual({ summary: 'Corrected by hand.' })
    cache.add('c', 'v', { summary: 'New.' })
    const written = JSON.parse(cache.changedFiles()[0]?.content ?? '{}') as { summaries: unknown }
    expect(written.summaries).toEqual({
      a: { v: { summary: 'Corrected by hand.', note: 'checked by Kim', title: null } },
      b: { v: { summary: 'Another.', title: '' } },
      c: { v: { summary: 'New.' } },
    })
  })

  it("keeps a paper's unreadable variant beside its readable ones, and still saves new summaries", async () => {
    const path = '.hf-daily-papers/summaries/2025-11-26.json'
    const text = JSON.stringify({
      summaries: {
        a: { old: { summary: 42 }, w: { summary: 'Fine.' } },
        b: { v: { summary: ['broken'] }, w: { summary: 'Also fine.' } },
      },
    })
    const { cache } = await load({ [path]: text }, [
      { key: 'a', day: '2025-11-26' },
      { key: 'b', day: '2025-11-26' },
    ])
    expect([cache.get('a', 'w'), cache.get('b', 'v')]).toEqual([{ summary: 'Fine.' }, undefined])
    cache.add('a', 'v', { summary: 'New.' })
    cache.add('b', 'v', { summary: 'Asked again.' })
    const [file] = cache.changedFiles()
    const written = JSON.parse(file?.content ?? '{}') as { summaries: unknown }
    expect(written.summaries).toEqual({
      a: { old: { summary: 42 }, v: { summary: 'New.' }, w: { summary: 'Fine.' } },
      b: { v: { summary: 'Asked again.' }, w: { summary: 'Also fine.' } },
    })
    // Merged onto the file as the branch has it at commit time, the same.
    const policy = file?.policy
    expect(policy?.kind === 'state' && policy.merge?.onto(text)).toEqual({ content: file?.content })
  })

  it('warns that an entry it cannot use is kept until a post that shows its paper is written', async () => {
    const log = createMemoryLog()
    const text = JSON.stringify({ summaries: { a: { v: { summary: 42 } }, b: { v: { summary: 'fine' } } } })
    const path = '.hf-daily-papers/summaries/2025-11-26.json'
    await loadCache(
      [{ key: 'a', day: '2025-11-26' }],
      undefined,
      (asked) => Promise.resolve(asked === path ? text : undefined),
      log,
    )
    expect(log.warnings).toEqual([
      `${path} has 1 entry without a usable summary: those are kept as they are until a post that shows their paper is written, whose new summary takes their place, and the others used; fix or delete them`,
    ])
  })

  it('read the good entries of a file with bad ones, and report the bad ones', () => {
    const text = JSON.stringify({
      summaries: {
        a: { v: { summary: 'good\u202e one\n' } },
        b: { v: { summary: 42 } },
        c: { v: { summary: ' ' }, w: { summary: 's', title: 7 } },
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
