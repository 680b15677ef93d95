import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderPost } from '../../src/digest/index.js'
import { findPsych, readFrontMatter } from './psych.js'

/**
 * Front matter read back by Ruby's Psych exactly as Jekyll 4 reads it: every string stays that same
 * string, the date is a Time. Without ruby the test is skipped, loudly; CI sets HF_DAILY_PAPERS_REQUIRE_JEKYLL.
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

const maybe = ruby ? describe : describe.skip
maybe(`front matter read by Psych ${ruby ?? '(ruby missing)'}`, () => {
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
      const read = readFrontMatter(files)
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
