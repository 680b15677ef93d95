import { describe, expect, it } from '@jest/globals'
import { QUOTE_LENGTH, quoteBody } from '../../src/core/http/send.js'
import { htmlTitle } from '../../src/source/daily-page.js'
import { excerpt } from '../../src/source/paper.js'

const quote = (text: string, secret?: string) => quoteBody(text, [secret])

const TOKEN = 'hf_SeCrEtToKeN1234567890abcdefXYZ'

/** Every piece of the token of at least four characters that `text` shows. */
function leaks(text: string, secret = TOKEN): string[] {
  const found: string[] = []
  for (let start = 0; start < secret.length; start++) {
    for (let end = start + 4; end <= secret.length; end++) {
      if (text.includes(secret.slice(start, end))) found.push(secret.slice(start, end))
    }
  }
  return found
}

/** Runs `work` and returns how long it took, in ms. */
function timed(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

describe('quote', () => {
  it('shows a short text whole, on one line, as a JSON string', () => {
    expect(quote('  Service\n  Unavailable \t')).toBe('"Service Unavailable"')
    expect(quote(' \n ')).toBe('(empty body)')
  })

  it('cuts a long text at the quote length and says so', () => {
    expect(quote('x'.repeat(300))).toBe(JSON.stringify(`${'x'.repeat(QUOTE_LENGTH)}…`))
  })

  it('escapes control characters, so a quote cannot start a workflow command on a line of its own', () => {
    expect(quote('a\u0000b\u001bc')).toBe('"a\\u0000b\\u001bc"')
    expect(excerpt('error\n::add-mask::x\r\n::stop-commands::y')).toBe(
      'error ::add-mask::x ::stop-commands::y',
    )
  })
})

describe('the token in a quote', () => {
  it.each(Array.from({ length: 90 }, (_, index) => QUOTE_LENGTH - 50 + index))(
    'never shows any piece of a token that starts at offset %i',
    (offset) => {
      const text = `${'x'.repeat(offset)}${TOKEN}${'y'.repeat(300)}`
      const shown = quote(text, TOKEN)
      expect(leaks(shown)).toEqual([])
      expect(shown.length).toBeLessThanOrEqual(QUOTE_LENGTH + 3)
      if (offset + TOKEN.length <= QUOTE_LENGTH) expect(shown).toContain('x***y')
    },
  )

  it('masks the halves of a token the answer cut short itself, and a start of it left at the cut', () => {
    const half = TOKEN.slice(0, Math.ceil(TOKEN.length / 2))
    expect(excerpt(`token ${half}… rejected`, TOKEN)).toBe('token ***… rejected')
    expect(excerpt(`token ${TOKEN.slice(-Math.ceil(TOKEN.length / 2))}`, TOKEN)).toBe('token ***')
    // Six characters: any eight of the token are hidden wherever they are, cut or not.
    const dangling = `${'x'.repeat(QUOTE_LENGTH - 6)}${TOKEN.slice(0, 6)}...more`
    expect(excerpt(dangling, TOKEN)).toBe(`${'x'.repeat(QUOTE_LENGTH - 6)}***…`)
  })

  it('finds a token far into a long answer whose start is mostly whitespace', () => {
    const text = `${' '.repeat(70_000)}${'\n'.repeat(70_000)}${TOKEN} rejected`
    expect(leaks(quote(text, TOKEN))).toEqual([])
  })

  it('redacts every occurrence, and leaves text without a token alone', () => {
    expect(excerpt(`${TOKEN} and ${TOKEN}`, TOKEN)).toBe('*** and ***')
    expect(excerpt('nothing secret', TOKEN)).toBe('nothing secret')
    expect(excerpt(TOKEN, undefined)).toBe(TOKEN)
    expect(excerpt('abc abc', 'abc')).toBe('*** ***')
  })
})

describe('htmlTitle', () => {
  it('reads the title of a page, whatever the case and attributes', () => {
    expect(htmlTitle('\n<!DOCTYPE html><html><head><TITLE lang="en">Just a moment...</Title >')).toBe(
      'Just a moment...',
    )
    expect(htmlTitle('<html><title></title></html>')).toBe('')
  })

  it('finds no title where there is none or the text is not a page', () => {
    expect(htmlTitle('{"title": "<title>x</title>"}')).toBeUndefined()
    expect(htmlTitle('<html><title>never closed')).toBeUndefined()
    expect(htmlTitle('<html><titles>x</titles>')).toBeUndefined()
    expect(htmlTitle('<html><title>a <b>bold</b> title</title>')).toBeUndefined()
  })
})

describe('time on hostile answers of a megabyte and more', () => {
  const MEGABYTE = 1024 * 1024
  it.each([
    ['"<title " repeated', '<title '.repeat(200_000)],
    ['an unclosed title', `<html><title>${'a'.repeat(2 * MEGABYTE)}`],
    ['a title tag opened without end', `<title${' '.repeat(2 * MEGABYTE)}`],
    ['"<" repeated', '<'.repeat(2 * MEGABYTE)],
    ['whitespace', `${' \n\t'.repeat(MEGABYTE)}x`],
    ['alternating whitespace and letters', 'a '.repeat(MEGABYTE)],
    ['backslashes', '\\'.repeat(2 * MEGABYTE)],
    ['halves of the token', TOKEN.slice(0, 17).repeat(100_000)],
    // Seconds, not the hours a pattern that backtracks would take on two megabytes: a loaded machine passes.
  ])('quotes %s in linear time', (_name, text) => {
    expect(timed(() => quote(text, TOKEN))).toBeLessThan(5_000)
    expect(timed(() => htmlTitle(text))).toBeLessThan(5_000)
  })
})
