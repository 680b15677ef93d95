import { describe, expect, it } from '@jest/globals'
import { cleanText } from '../../src/digest/index.js'
import { inertInHtml } from '../../src/digest/text.js'

describe('cleanText', () => {
  it.each([
    ['U+061C Arabic letter mark', '\u061c'],
    ['U+180E Mongolian vowel separator', '\u180e'],
    ['U+200B zero-width space', '\u200b'],
    ['U+200C zero-width non-joiner', '\u200c'],
    ['U+200D zero-width joiner', '\u200d'],
    ['U+200E left-to-right mark', '\u200e'],
    ['U+200F right-to-left mark', '\u200f'],
    ['U+202A–U+202E embeddings and overrides', '\u202a\u202b\u202c\u202d\u202e'],
    ['U+2060–U+2064 word joiner and invisible operators', '\u2060\u2061\u2062\u2063\u2064'],
    ['U+2066–U+2069 isolates', '\u2066\u2067\u2068\u2069'],
    ['U+206A–U+206F deprecated format characters', '\u206a\u206f'],
    ['U+FEFF byte order mark', '\ufeff'],
    ['U+FFF9–U+FFFB interlinear annotations', '\ufff9\ufffa\ufffb'],
    ['U+00AD soft hyphen', '\u00ad'],
    ['tag characters', '\u{e0001}\u{e0041}\u{e007f}'],
    ['C0 and C1 controls', '\u0000\u0007\u001b\u007f\u0085\u009f'],
    ['an unpaired surrogate', '\ud800'],
    ['the noncharacters U+FFFE and U+FFFF', '\ufffe\uffff'],
  ])('removes %s', (_, invisible) => {
    expect(cleanText(`a${invisible}b ${invisible}c${invisible}`)).toBe('ab c')
  })

  it.each([
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['tabs, line feeds and carriage returns', 'a\tb\r\nc'],
    ['vertical tabs, form feeds and no-break spaces', 'a\u000bb\u000c\u00a0c'],
  ])('turns %s into single spaces', (_, text) => {
    expect(cleanText(` ${text} `)).toBe('a b c')
  })

  it('keeps a lone no-break space, which holds a number to its emoji; a run of them is one space', () => {
    expect(cleanText('(👍\u00a0122)')).toBe('(👍\u00a0122)')
    expect(cleanText('a\u00a0\u00a0b \u00a0c\u00a0')).toBe('a b c')
  })

  it.each([
    ['a doubled space', 'a  b', 'a b'],
    ['a space at either end', ' a b ', 'a b'],
    ['printable ASCII spaced once as it is', 'Q&A: {x} ~ |y|', 'Q&A: {x} ~ |y|'],
  ])('cleans ASCII text: %s', (_, text, cleaned) => {
    expect(cleanText(text)).toBe(cleaned)
  })

  it('keeps visible text of every script, emoji and combining marks', () => {
    const text = 'Q&A 한국어 العربية हिन्दी 日本語 café 👍 ⭐ x̂'
    expect(cleanText(text)).toBe(text)
  })
})

describe('inertInHtml', () => {
  it('leaves no tag and no entity for a theme that prints the value unescaped', () => {
    expect(inertInHtml('a <img src=x> &#x202E;gnp.exe&#x202C; &lt;b&gt; &#8238 Q&A Q & A &')).toBe(
      'a ‹img src=x› ＆#x202E;gnp.exe＆#x202C; ＆lt;b＆gt; ＆#8238 Q＆A Q & A &',
    )
  })
})
