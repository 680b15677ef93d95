import { describe, expect, it } from '@jest/globals'
import { quoteUntrusted } from '../../src/core/quote-untrusted.js'

describe('quoteUntrusted', () => {
  it('quotes a short value as JSON', () => {
    expect(quoteUntrusted('2501.00001)"x')).toBe('"2501.00001)\\"x"')
  })

  it('keeps a quote on one line that cannot start a workflow command', () => {
    const quoted = quoteUntrusted('a\n::add-mask::b\r\u2028\u2029\u0085c')
    expect(quoted).toBe('"a\\n::add-mask::b\\r\\u2028\\u2029\\u0085c"')
  })

  it('writes format characters and unpaired surrogates as escapes', () => {
    expect(quoteUntrusted('\u202eevil\u061c\u200b\ufeff\ud800')).toBe(
      '"\\u202eevil\\u061c\\u200b\\ufeff\\ud800"',
    )
  })

  it('shortens by code points, never halving an emoji', () => {
    expect(quoteUntrusted('👍'.repeat(100), 3)).toBe('"👍👍👍…"')
    expect(quoteUntrusted('x'.repeat(10_000_000))).toBe(`"${'x'.repeat(60)}…"`)
  })
})
