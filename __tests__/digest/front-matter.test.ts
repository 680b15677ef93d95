import { describe, expect, it } from '@jest/globals'
import { frontMatter } from '../../src/digest/front-matter.js'

const base = { title: 'T', date: '2025-12-24 09:15:00 +0900', categories: [], tags: [] }
const titleLine = (title: string) => frontMatter({ ...base, title }).split('\n')[1]

describe('front matter for YAML 1.1 and Psych', () => {
  it('keeps the reference post plain', () => {
    expect(
      frontMatter({
        title: 'Hugging Face Daily Papers - 2025-12-24',
        date: '2025-12-24 09:15:00 +0900',
        categories: ['Daily Papers', '일간'],
        tags: ['huggingface', 'papers', 'daily', 'ai'],
        author: 'lim4349',
      }),
    ).toBe(
      "---\ntitle: Hugging Face Daily Papers - 2025-12-24\ndate: 2025-12-24 09:15:00 +0900\ncategories: ['Daily Papers', '일간']\ntags: ['huggingface', 'papers', 'daily', 'ai']\nauthor: lim4349\n---\n",
    )
  })

  // Unquoted, YAML 1.1 or Psych would read each of these as a boolean, a number, a symbol or a time.
  it.each(['on', 'yEs', 'n', '1:30', '0b101', '1,000', ':symbol', '2025-1-2 3:04:05 +0900', '.NaN'])(
    'quotes the title %p',
    (title) => {
      expect(titleLine(title)).toBe(`title: "${title}"`)
    },
  )

  it('writes a title with U+2029 or bidirectional overrides on one line, without them', () => {
    expect(titleLine('Papers\u2029of\u2028the \u202eday\u061c')).toBe('title: Papers of the day')
  })

  it('quotes author and permalink the same way, and drops them when nothing visible is left', () => {
    expect(frontMatter({ ...base, author: 'no', permalink: 'off' })).toContain(
      'author: "no"\npermalink: "off"\n',
    )
    expect(frontMatter({ ...base, author: '\u200b', permalink: ' ' })).not.toMatch(/author|permalink/)
  })

  it('refuses a date Jekyll would not read as the post time', () => {
    expect(() => frontMatter({ ...base, date: '2025-12-24' })).toThrow(
      'The post date "2025-12-24" is not in the form 2025-12-24 09:15:00 +0900',
    )
  })
})
