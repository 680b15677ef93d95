import { describe, expect, it } from '@jest/globals'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { POST_RECORD } from '../../src/core/post-record.js'
import {
  MAX_STATE_FILE_BYTES,
  parseStateFile,
  readStateFiles,
  renderStateFile,
  statePath,
  updatedStateFiles,
  type StateFormat,
} from '../../src/core/state-file.js'
import { SUMMARY_CACHE } from '../../src/enrich/cache.js'
import { createMemoryLog } from '../support/memory-log.js'

/** A state file of counts: the smallest format, so that what is checked is the store's recipe. */
const COUNTS: StateFormat<number> = {
  name: 'counts',
  about: 'Counts, for a test.',
  kind: 'a file of counts',
  unusable: 'that are not counts',
  unusableFate: 'kept as they are',
  repair: 'fix or delete it so that counts can be kept',
  readEntry: (value) => (Number.isInteger(value) ? { entry: value as number, unusable: 0 } : { unusable: 1 }),
}
const counts = (...entries: Array<[string, number]>) => new Map(entries)

describe('a state file', () => {
  it('lives in its own folder of .hf-daily-papers, one file per shard', () => {
    expect(statePath(COUNTS, '2025-11')).toBe('.hf-daily-papers/counts/2025-11.json')
  })

  it('renders keys sorted, two-space JSON, arrays of plain values on one line, and a final newline', () => {
    const text = renderStateFile(
      { ...COUNTS, readEntry: () => ({ unusable: 0 }) },
      new Map<string, unknown>([
        ['b', { z: [1, 'two', null], a: [] }],
        ['a', { list: [[1, 2], { k: true }] }],
      ]),
    )
    expect(text).toBe(
      [
        '{',
        '  "about": "Counts, for a test.",',
        '  "counts": {',
        '    "a": {',
        '      "list": [',
        '        [1, 2],',
        '        {',
        '          "k": true',
        '        }',
        '      ]',
        '    },',
        '    "b": {',
        '      "a": [],',
        '      "z": [1, "two", null]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    )
    expect(renderStateFile(COUNTS, new Map())).toBe(
      '{\n  "about": "Counts, for a test.",\n  "counts": {}\n}\n',
    )
  })

  it('reads back what it rendered, whatever the order it was given, keys like __proto__ included', () => {
    const text = renderStateFile(COUNTS, counts(['b', 2], ['__proto__', 1], ['a', 0]))
    expect(renderStateFile(COUNTS, counts(['a', 0], ['b', 2], ['__proto__', 1]))).toBe(text)
    expect(parseStateFile(COUNTS, text)).toEqual({ entries: counts(['__proto__', 1], ['a', 0], ['b', 2]) })
  })

  it.each([
    ['too large', ' '.repeat(MAX_STATE_FILE_BYTES + 1), 'is larger than 4 MB'],
    ['with a NUL byte', '{"counts": {}}\0', 'is not text (it holds a NUL byte)'],
    ['nested too deep', '['.repeat(100_000), 'is not valid JSON (nested deeper than 32 levels)'],
    ['not JSON', '{"counts": ', /^is not valid JSON \(/],
    ['of another shape', '{"counts": [1]}', 'is not a file of counts ({"counts": {…}} expected)'],
  ])('%s is a problem to warn about, with nothing read', (_, text, problem) => {
    const parsed = parseStateFile(COUNTS, text)
    expect(parsed.problem).toEqual(typeof problem === 'string' ? problem : expect.stringMatching(problem))
    expect(parsed.entries.size).toBe(0)
  })

  // A person's note beside the entries, which the file keeps as it is kept up to date.
  it("reads the entries of a file with a key of a person's, and writes the key back as it is", () => {
    const text = '{"counts": {"a": 1}, "note": "mine", "more": {"z": 1}}'
    const parsed = parseStateFile(COUNTS, text)
    expect(parsed).toEqual({
      entries: counts(['a', 1]),
      extra: new Map<string, unknown>([
        ['note', 'mine'],
        ['more', { z: 1 }],
      ]),
    })
    const written = renderStateFile(COUNTS, counts(['a', 2]), undefined, parsed.extra)
    expect(JSON.parse(written)).toEqual({
      about: COUNTS.about,
      counts: { a: 2 },
      note: 'mine',
      more: { z: 1 },
    })
  })

  it('reads a file an editor put a byte order mark before', () => {
    expect(parseStateFile(COUNTS, '\uFEFF{"counts": {"a": 1}}')).toEqual({ entries: counts(['a', 1]) })
  })

  it('keeps the good entries of a file with bad ones, and counts the bad ones', () => {
    expect(parseStateFile(COUNTS, '{"counts": {"a": 1, "b": "x", "c": 2.5}}')).toEqual({
      entries: counts(['a', 1]),
      kept: new Map<string, unknown>([
        ['b', 'x'],
        ['c', 2.5],
      ]),
      problem: 'has 2 entries that are not counts',
    })
  })

  it('is read the same way for the record and the summary cache: depth-bounded', () => {
    const deep = `{"posts": {"p": ${'['.repeat(40)}${']'.repeat(40)}}}`
    expect(parseStateFile(POST_RECORD, deep).problem).toBe('is not valid JSON (nested deeper than 32 levels)')
    const deeper = `{"summaries": {"2511.00001": ${'['.repeat(40)}${']'.repeat(40)}}}`
    expect(parseStateFile(SUMMARY_CACHE, deeper).problem).toBe(
      'is not valid JSON (nested deeper than 32 levels)',
    )
  })
})

describe('readStateFiles', () => {
  it('reads each shard once; a file it cannot use is a warning and read-only', async () => {
    const good = renderStateFile(COUNTS, counts(['a', 1]))
    const texts = new Map([
      ['.hf-daily-papers/counts/good.json', good],
      ['.hf-daily-papers/counts/bad.json', '{"counts": {"a": 1,'],
      ['.hf-daily-papers/counts/odd.json', '{"counts": {"a": 1, "b": "x"}}'],
    ])
    const asked: string[] = []
    const log = createMemoryLog()
    const files = await readStateFiles(
      COUNTS,
      ['good', 'bad', 'odd', 'none', 'good'],
      (path) => {
        asked.push(path)
        return Promise.resolve(texts.get(path))
      },
      log,
    )
    expect(asked.sort()).toEqual([
      '.hf-daily-papers/counts/bad.json',
      '.hf-daily-papers/counts/good.json',
      '.hf-daily-papers/counts/none.json',
      '.hf-daily-papers/counts/odd.json',
    ])
    expect(files.get('.hf-daily-papers/counts/good.json')).toEqual({
      entries: counts(['a', 1]),
      readOid: gitBlobOid(good),
      writable: true,
    })
    expect(files.get('.hf-daily-papers/counts/bad.json')).toMatchObject({
      entries: counts(),
      writable: false,
    })
    // One entry it cannot read does not stop the file: the entry is kept as it is, the others used.
    expect(files.get('.hf-daily-papers/counts/odd.json')).toMatchObject({
      entries: counts(['a', 1]),
      kept: new Map([['b', 'x']]),
      writable: true,
    })
    expect(files.get('.hf-daily-papers/counts/none.json')).toEqual({ entries: new Map(), writable: true })
    expect(log.warnings).toEqual([
      expect.stringMatching(
        /^\.hf-daily-papers\/counts\/bad\.json is not valid JSON \(.*\): it is not used, and the file is left as it is; fix or delete it so that counts can be kept$/,
      ),
      '.hf-daily-papers/counts/odd.json has 1 entry that are not counts: those are kept as they are and the others used; fix or delete them',
    ])

    const updated = updatedStateFiles(COUNTS, files, [
      { path: '.hf-daily-papers/counts/none.json', key: 'z', entry: 26 },
      { path: '.hf-daily-papers/counts/bad.json', key: 'c', entry: 3 },
      { path: '.hf-daily-papers/counts/unread.json', key: 'c', entry: 3 },
      { path: '.hf-daily-papers/counts/good.json', key: 'b', entry: 2 },
      { path: '.hf-daily-papers/counts/odd.json', key: 'c', entry: 3 },
    ])
    expect(updated).toEqual([
      {
        path: '.hf-daily-papers/counts/good.json',
        content: renderStateFile(COUNTS, counts(['a', 1], ['b', 2])),
        policy: { kind: 'state', merge: expect.objectContaining({ readOid: gitBlobOid(good) }) },
      },
      {
        path: '.hf-daily-papers/counts/none.json',
        content: renderStateFile(COUNTS, counts(['z', 26])),
        policy: { kind: 'state', merge: { onto: expect.any(Function) } },
      },
      {
        path: '.hf-daily-papers/counts/odd.json',
        content:
          '{\n  "about": "Counts, for a test.",\n  "counts": {\n    "a": 1,\n    "b": "x",\n    "c": 3\n  }\n}\n',
        policy: { kind: 'state', merge: expect.anything() },
      },
    ])
    expect(updatedStateFiles(COUNTS, files, [])).toEqual([])
  })
})

describe('a state file merged at commit time', () => {
  /** A file of variants by key, as the summary cache keeps them: each entry is a map. */
  const { about, kind, unusable, unusableFate, repair } = COUNTS
  const VARIANTS: StateFormat<ReadonlyMap<string, string>> = {
    ...{ about, kind, unusable, unusableFate, repair },
    name: 'variants',
    readEntry: (value) => ({ entry: new Map(Object.entries(value as Record<string, string>)), unusable: 0 }),
  }
  const file = (entries: Record<string, Record<string, string>>) =>
    new Map(Object.entries(entries).map(([key, variants]) => [key, new Map(Object.entries(variants))]))
  const PATH = '.hf-daily-papers/variants/x.json'

  it('puts the run’s new values over what the branch holds now, keeping everything else there', () => {
    const read = file({ a: { ko: 'a-ko' }, b: { ko: 'b-ko' } })
    const readText = renderStateFile(VARIANTS, read)
    const files = new Map([[PATH, { entries: read, readOid: gitBlobOid(readText), writable: true }]])
    // The run adds English to a and a new paper c.
    const [change] = updatedStateFiles(VARIANTS, files, [
      { path: PATH, key: 'a', entry: new Map([...read.get('a')!, ['en', 'a-en']]) },
      { path: PATH, key: 'c', entry: new Map([['en', 'c-en']]) },
    ])
    const merge = change?.policy?.kind === 'state' ? change.policy.merge : undefined
    expect(merge?.readOid).toBe(gitBlobOid(readText))
    // Meanwhile: another run added Japanese to a and a paper d; a person corrected a's Korean and removed b.
    const onBranch = file({ a: { ko: 'a-ko fixed', ja: 'a-ja' }, d: { ja: 'd-ja' } })
    expect(merge?.onto(renderStateFile(VARIANTS, onBranch))).toEqual({
      content: renderStateFile(
        VARIANTS,
        file({
          a: { ko: 'a-ko fixed', ja: 'a-ja', en: 'a-en' },
          c: { en: 'c-en' },
          d: { ja: 'd-ja' },
        }),
      ),
    })
    expect(merge?.onto(undefined)).toEqual({
      content: renderStateFile(VARIANTS, file({ a: { en: 'a-en' }, c: { en: 'c-en' } })),
    })
    expect(merge?.onto('{"variants": ')).toEqual({ problem: expect.stringMatching(/^is not valid JSON/) })
  })

  it('replaces an entry that is not a map whole: a record entry is the run’s', () => {
    const files = new Map([['.hf-daily-papers/counts/x.json', { entries: counts(['a', 1]), writable: true }]])
    const [change] = updatedStateFiles(COUNTS, files, [
      { path: '.hf-daily-papers/counts/x.json', key: 'a', entry: 2 },
    ])
    const merge = change?.policy?.kind === 'state' ? change.policy.merge : undefined
    expect(merge?.onto(renderStateFile(COUNTS, counts(['a', 5], ['b', 3])))).toEqual({
      content: renderStateFile(COUNTS, counts(['a', 2], ['b', 3])),
    })
  })
})
