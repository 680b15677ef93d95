import { describe, expect, it } from '@jest/globals'
import { createRedactor, holdsSecret } from '../../src/core/redact.js'

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
const HF_TOKEN = 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH'

describe('createRedactor', () => {
  it('hides every configured token and leaves other text alone', () => {
    const redact = createRedactor([TOKEN, undefined, '', HF_TOKEN])
    expect(redact(`failed (500): internal error, token ${TOKEN}; hf ${HF_TOKEN}.`)).toBe(
      'failed (500): internal error, token ***; hf ***.',
    )
    expect(redact('nothing secret here: ghs_ and hf_ prefixes alone')).toBe(
      'nothing secret here: ghs_ and hf_ prefixes alone',
    )
  })

  it('hides what a cut left of a token, wherever the cut fell: any 8 characters of it', () => {
    const redact = createRedactor([TOKEN])
    for (let cut = 8; cut <= TOKEN.length; cut++) {
      const head = TOKEN.slice(0, cut)
      const tail = TOKEN.slice(TOKEN.length - cut)
      expect(redact(`quoted: "${head}…"`)).toBe('quoted: "***…"')
      expect(redact(`…${tail}" (end)`)).toBe('…***" (end)')
    }
    // Seven characters are not a piece: they are too short to tell apart from ordinary text.
    expect(redact(`"${TOKEN.slice(0, 7)}…"`)).toBe(`"${TOKEN.slice(0, 7)}…"`)
  })

  it('hides a short secret only whole', () => {
    const redact = createRedactor(['s3cr3t'])
    expect(redact('s3cr3t and s3cr3 and xs3cr3tx')).toBe('*** and s3cr3 and x***x')
  })

  it('joins overlapping and adjacent pieces into one mark', () => {
    const redact = createRedactor([TOKEN, HF_TOKEN])
    expect(redact(`${TOKEN}${TOKEN.slice(3, 20)}${HF_TOKEN}!`)).toBe('***!')
    expect(redact(`${TOKEN} ${TOKEN}`)).toBe('*** ***')
  })

  it('returns text unchanged when there are no secrets', () => {
    expect(createRedactor([])('any text')).toBe('any text')
    expect(createRedactor([undefined, ''])('any text')).toBe('any text')
  })

  // How long it takes: npm run bench.
  it('redacts megabytes of near-matches', () => {
    const redact = createRedactor(['a'.repeat(39) + 'b', TOKEN, HF_TOKEN])
    expect(redact('a'.repeat(2_000_000))).toBe('***')
    expect(redact(`${'ghs_16C7e42'.repeat(100_000)}x`)).toContain('***')
  })
})

describe('holdsSecret', () => {
  it('finds any 8 characters of a token, anywhere, and nothing in text without them', () => {
    for (let start = 0; start + 8 <= TOKEN.length; start++) {
      expect(holdsSecret(`a title ${TOKEN.slice(start, start + 8)} and more`, [undefined, TOKEN])).toBe(true)
    }
    expect(holdsSecret(`${TOKEN.slice(0, 7)} and ${TOKEN.slice(7, 14)}`, [TOKEN])).toBe(false)
    expect(holdsSecret('ghs_ and hf_ prefixes alone', [TOKEN, HF_TOKEN])).toBe(false)
  })

  it('finds them as a reader would read them: JSON-escaped, full-width, or spaced out', () => {
    const piece = TOKEN.slice(4, 12)
    const escaped = [...piece].map(
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    expect(holdsSecret(`{"summary": "${escaped.join('')}"}`, [TOKEN])).toBe(true)
    const fullWidth = [...piece].map((character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0))
    expect(holdsSecret(fullWidth.join(''), [TOKEN])).toBe(true)
    expect(holdsSecret([...piece].join(' '), [TOKEN])).toBe(true)
    // Zero-width spaces, themselves JSON-escaped; TeX's empty commands in an abstract.
    expect(holdsSecret([...piece].join('\\u200b'), [TOKEN])).toBe(true)
    expect(holdsSecret([...piece].join('\\emph{}'), [TOKEN])).toBe(true)
  })

  it('looks for no secret shorter than 8 characters: it would match ordinary words', () => {
    expect(holdsSecret('tokens and a token', ['token', ''])).toBe(false)
  })
})
