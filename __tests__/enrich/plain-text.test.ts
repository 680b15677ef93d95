import { describe, expect, it } from '@jest/globals'
import { cleanModelText } from '../../src/enrich/plain-text.js'

describe('cleanModelText', () => {
  it('collapses whitespace and line breaks into single spaces', () => {
    expect(cleanModelText('  one\n\ntwo\r\n\tthree\u2028four\u00a0five  ', 100)).toBe(
      'one two three four five',
    )
  })

  it('removes control, bidi, zero-width, soft hyphen and tag characters', () => {
    const hidden =
      'a\u0000b\u0007c\u001bd\u007fe\u0085f\u200bg\u200eh\u202ei\u2066j\u2069k\ufeff l\u00adm\u{e0041}n\ue000o'
    expect(cleanModelText(hidden, 100)).toBe('abcdefghijk lmno')
  })

  it('keeps Korean, composed (NFC), and markup as text for the digest to escape', () => {
    const decomposed = '\u1112\u1161\u11ab\u1100\u116e\u11a8\u110b\u1165'
    expect(cleanModelText(decomposed, 100)).toBe('한국어')
    expect(cleanModelText('{{ x }} <b>[a](b)</b> {: .c}', 100)).toBe('{{ x }} <b>[a](b)</b> {: .c}')
  })

  it('cuts at a word when that keeps most of the text, marking the cut', () => {
    expect(cleanModelText('alpha beta gamma delta epsilon', 20)).toBe('alpha beta gamma…')
    // The last space is too far back: cutting there would lose more than a fifth.
    expect(cleanModelText('alpha beta gamma delta', 15)).toBe('alpha beta gam…')
    expect(cleanModelText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…')
    expect(Array.from(cleanModelText('가'.repeat(1_000), 600))).toHaveLength(600)
  })

  it('never splits a character made of two UTF-16 units', () => {
    const cut = cleanModelText('😀'.repeat(20), 10)
    expect(cut).toBe(`${'😀'.repeat(9)}…`)
    expect(cut.isWellFormed()).toBe(true)
  })

  // How long it takes: npm run bench.
  it('cuts a huge answer to its bound', () => {
    expect(cleanModelText('x '.repeat(5_000_000), 600).length).toBeLessThanOrEqual(600)
  })

  it('leaves nothing of text that is only hidden characters or spaces', () => {
    expect(cleanModelText(' \u200b\u202e\n ', 600)).toBe('')
  })
})
