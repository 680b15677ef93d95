import { describe, expect, it } from '@jest/globals'
import { quoteAnswer, quoteUntrusted } from '../../src/core/quote-untrusted.js'
import { quoteGitHub } from '../../src/publish/explain.js'

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

describe('quotes of answers', () => {
  const TOKEN = 'ghs_SeCrEtToKeN1234567890abcdefXYZ'

  it('hide any eight characters of a secret, not only the whole of it, in GitHub and model quotes alike', () => {
    const piece = TOKEN.slice(5, 20)
    expect(quoteGitHub(`bad credentials: ${piece}`, [TOKEN])).toBe('"bad credentials: ***"')
    expect(quoteAnswer(`echo ${piece}\n`, { limit: 200, secrets: [TOKEN] })).toBe('"echo ***"')
  })

  it('escape controls and format characters as a value quote does', () => {
    expect(quoteAnswer('a\u0085b\u202ec', { limit: 200 })).toBe('"a\\u0085b\\u202ec"')
  })
})
