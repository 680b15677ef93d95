import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderPost } from '../../src/digest/index.js'
import { findPsych, readFrontMatter, type FrontMatterReader } from './psych.js'
import { unpackJekyll3Libraries } from './site.js'

/**
 * Front matter read back exactly as Jekyll reads it, by Ruby's Psych (Jekyll 4) and by safe_yaml 1.0.5
 * (GitHub Pages' Jekyll 3.10): every string stays that same string, the date is a Time. Without ruby the
 * test is skipped, loudly; CI sets HF_DAILY_PAPERS_REQUIRE_JEKYLL.
 */
const ruby = findPsych()

/** Strings YAML 1.1 or Psych would read as something else, or fail on, if written plain. */
const HOSTILE = [
  ...['on', 'On', 'ON', 'oN', 'off', 'Yes', 'yes', 'YES', 'yEs', 'No', 'no', 'NO', 'y', 'Y', 'n', 'N'],
  ...['true', 'False', 'TRUE', '~', 'null', 'Null', 'NULL', ''],
  ...[
    '1:30',
    '1:30:00',
    '190:20:30.15',
    '-1:30',
    '0b101',
    '0x1F',
    '017',
    '0o17',
    '1_000',
    '1,000',
    '1,000.5',
  ],
  // safe_yaml drops every `_` and `,` before it looks for a number, takes base 60 of any length, and
  // fails the whole front matter on a float Ruby's Float() refuses.
  ...['12,', '_1', '1,,2', '+1,', ',1', '-_1', '0,7', '0_x1f', '_0b1', '1:2:3:4', '1:2:3.5', '1._', '1_.5'],
  ...['10:30,', '1:2,3', '12:3_0', '_1:30', '1,:30', '-_1:30'],
  ...['.5', '1.', '+1', '-0', '1e3', '0.1e+3', '.inf', '-.Inf', '.NaN', '12', '0'],
  ...['2025-12-24', '2025-1-2', '2025-12-24 09:15:00 +0900', '2001-12-14t21:59:43.10-05:00'],
  ...[
    ':symbol',
    ':"quoted"',
    ':',
    '::',
    '=',
    '<<',
    '-',
    '?',
    '!tag',
    '&anchor',
    '*alias',
    '%directive',
    '@at',
  ],
  ...['`tick', '|', '>', '#', 'a: b', 'a #b', '- x', '? x', '[x]', '{x}', "'", '"', '---', '...'],
  ...['Hugging Face Daily Papers - 2025-12-24', '{{ site.title }}', '{% raw %}', 'it\'s "quoted"'],
]
/** Characters front matter drops or folds, as the body does: the expected value is the cleaned one. */
const CLEANED: Array<[string, string]> = [
  ['Papers\u2029of the day', 'Papers of the day'],
  ['Papers\u2028of\u0085the day', 'Papers ofthe day'],
  ['\u202eyaD\u061c \u200bPapers\ufeff\u2066', 'yaD Papers'],
  ['two\nlines\r\n', 'two lines'],
  ['\ufffe\uffff\ud800tail', 'tail'],
]

let safeYaml: FrontMatterReader
let libraries: string
beforeAll(async () => {
  libraries = mkdtempSync(join(tmpdir(), 'jekyll-3-'))
  safeYaml = { name: 'safe_yaml', libraries: await unpackJekyll3Libraries(libraries) }
})
afterAll(() => rmSync(libraries, { recursive: true, force: true }))

const maybe = ruby ? describe : describe.skip
maybe.each([
  [`Psych ${ruby ?? ''}, as Jekyll 4 reads it`, (): FrontMatterReader => ({ name: 'psych' })],
  ["safe_yaml 1.0.5, as GitHub Pages' Jekyll 3.10 reads it", () => safeYaml],
])('front matter read by %s', (_, reader) => {
  it('reads back every title, author, permalink, category and tag as the string written', () => {
    const cases = [...HOSTILE.map((value): [string, string] => [value, value]), ...CLEANED]
    const dir = mkdtempSync(join(tmpdir(), 'psych-'))
    try {
      const files = cases.map(([value], index) => {
        const file = join(dir, `${index}.md`)
        writeFileSync(
          file,
          renderPost([], {
            style: 'classic',
            language: 'en',
            title: value,
            date: '2025-12-24 09:15:00 +0900',
            categories: [value, 'Daily Papers'],
            tags: [value],
            author: value,
            permalink: value,
            fields: [],
          }),
        )
        return file
      })
      const read = readFrontMatter(files, reader())
      const expected = cases.map(([, value]) => ({
        title: value,
        date: 'Time 2025-12-24 09:15:00 +0900',
        categories: value === '' ? ['Daily Papers'] : [value, 'Daily Papers'],
        tags: value === '' ? [] : [value],
        ...(value === '' ? {} : { author: value, permalink: value }),
      }))
      expect(read).toEqual(expected)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
