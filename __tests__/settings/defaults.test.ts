import { describe, expect, it } from '@jest/globals'
import { eachDay, periodOf } from '../../src/core/calendar.js'
import { DIGESTS } from '../../src/settings/digest-defaults.js'
import { parseSettings } from '../../src/settings/settings.js'
import { dayValues, fillTemplate } from '../../src/core/template.js'
import { clockAt } from '../support/test-clock.js'

/**
 * With every input left empty, each post has its own URL on the permalinks blogs use, and no URL has a
 * space. Jekyll takes `:title` from the file name after its `YYYY-MM-DD-` date.
 */
const PERMALINKS = {
  'Jekyll (date)': '/:categories/:year/:month/:day/:title.html',
  Chirpy: '/posts/:title/',
  'Minimal Mistakes': '/:categories/:title/',
}

function url(permalink: string, fileName: string, categories: string[]): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.md$/.exec(fileName)
  if (!match) throw new Error(`${fileName} is not a Jekyll post name`)
  const [, year, month, day, title] = match as unknown as [string, string, string, string, string]
  return permalink
    .replace(':categories', categories.join('/'))
    .replace(':year', year)
    .replace(':month', month)
    .replace(':day', day)
    .replace(':title', title)
}

describe.each(DIGESTS)('the %s defaults', (digest) => {
  const settings = parseSettings(
    { digest, date: '2025-12-24', mode: 'dry-run' },
    { clock: clockAt('2026-01-01T00:00:00Z') },
  )
  // Every post of two years: each day, or each week's or month's first day, as the pipeline names them.
  const firstDays = [
    ...new Set(
      eachDay('2024-01-01', '2025-12-31').map((day) =>
        digest === 'daily' ? day : periodOf(day, digest).from,
      ),
    ),
  ]
  const fileNames = firstDays.map((day) => fillTemplate(settings.filename, dayValues(day)))

  it.each(Object.entries(PERMALINKS))(
    'give every post its own URL on %s, without a space',
    (_theme, permalink) => {
      const urls = fileNames.map((name) => url(permalink, name, settings.categories))
      expect(new Set(urls).size).toBe(firstDays.length)
      expect(urls.filter((address) => /\s/.test(address))).toEqual([])
    },
  )

  it('name the digest in categories and tags', () => {
    const word = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' }[digest]
    expect(settings.categories).toEqual([`${word}-Papers`])
    expect(settings.tags).toEqual(['huggingface', 'papers', word.toLowerCase(), 'ai'])
  })
})
