import { describe, expect, it } from '@jest/globals'
import { encodeUrl, safeHttpsUrl } from '../../src/core/safe-url.js'

/** What the issue names: none of these may reach the markdown inside a link destination. */
const FORBIDDEN = ['(', ')', '{', '}', '<', '>', '\\', '|', "'", '"', '*', '_', '[', ']', ' ', '`', '~', '$']

describe('encodeUrl', () => {
  it.each(FORBIDDEN)('percent-encodes %p', (char) => {
    const encoded = encodeUrl(`https://example.com/a${char}b?c${char}d#e${char}f`)
    expect(encoded).not.toContain(char)
    expect(decodeURIComponent(encoded)).toBe(`https://example.com/a${char}b?c${char}d#e${char}f`)
  })

  it.each([
    [
      'control characters',
      'https://example.com/\u0000\u001f\u007f\u0085',
      'https://example.com/%00%1F%7F%C2%85',
    ],
    ['non-ASCII letters and emoji', 'https://example.com/é👍', 'https://example.com/%C3%A9%F0%9F%91%8D'],
    ['an unpaired surrogate', 'https://example.com/\ud800', 'https://example.com/%EF%BF%BD'],
    [
      'a % that is not an escape',
      'https://example.com/100%?x=%zz%4',
      'https://example.com/100%25?x=%25zz%254',
    ],
    [
      'an & that would start an entity',
      'https://e.com/?a=1&amp;b&#123;c&#x7b;',
      'https://e.com/?a=1%26amp;b%26#123;c%26#x7b;',
    ],
  ])('encodes %s', (_, url, expected) => {
    expect(encodeUrl(url)).toBe(expected)
  })

  it('leaves a plain URL, its escapes and its query alone, and changes nothing the second time', () => {
    const url = 'https://example.com/a-b.c/d%20e?x=1&y=2+3,4;5@6!7:8#top'
    expect(encodeUrl(url)).toBe(url)
    const hostile = "https://example.com/#x){:onclick='alert(1)'}&#123;%%7B{{site|jsonify}}"
    expect(encodeUrl(encodeUrl(hostile))).toBe(encodeUrl(hostile))
  })
})

describe('safeHttpsUrl', () => {
  it.each(['http://example.com/', 'javascript:alert(1)', 'https://', 'not a url', undefined])(
    'refuses %p',
    (url) => {
      expect(safeHttpsUrl(url)).toBeUndefined()
    },
  )

  it('gives an https URL encoded', () => {
    expect(safeHttpsUrl(' https://Example.com/a b ')).toBe('https://example.com/a%20b')
  })
})
