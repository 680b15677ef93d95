import { describe, expect, it } from '@jest/globals'
import { LANGUAGE_TAGS } from '../../src/core/languages.js'
import { nothingShown } from '../../src/digest/description.js'
import { renderPost } from '../../src/digest/index.js'
import { LOCALES } from '../../src/digest/locales/index.js'

/**
 * A post the filters (min-upvotes, keywords) left without papers, written under `empty-day: post`: it
 * says none of the day's papers matched, not that none were collected.
 */
const render = (language: (typeof LANGUAGE_TAGS)[number], style: 'classic' | 'digest', listed: number) =>
  renderPost([], {
    ...(style === 'digest' ? { style, topPapers: 5 } : { style }),
    description: true,
    language,
    title: 'Daily Papers',
    date: '2025-11-26 09:00:00 +0000',
    categories: [],
    tags: [],
    fields: [],
    listed,
  })

describe('a post without papers', () => {
  it.each(LANGUAGE_TAGS)(
    'in %s says the filters left out the day’s papers, or that there were none',
    (tag) => {
      const locale = LOCALES[tag]
      for (const style of ['classic', 'digest'] as const) {
        const filtered = render(tag, style, 33)
        expect([style, filtered.includes(locale.noneSelected(33))]).toEqual([style, true])
        expect([style, filtered.includes(locale.noPapers)]).toEqual([style, false])
        expect([style, render(tag, style, 0).includes(locale.noPapers)]).toEqual([style, true])
      }
      // The description says it too, as home cards and link previews show it.
      expect(render(tag, 'digest', 33)).toContain(`description: ${locale.noneSelected(33)}`)
    },
  )

  it.each(['en', 'de', 'fr', 'es', 'pt-BR', 'ru'] as const)(
    'in %s speaks of a lone paper as the only one, not as "none of the 1 paper"',
    (tag) => {
      const locale = LOCALES[tag]
      expect([locale.noneSelected(1), locale.period.noneSelected(1, 1)]).toEqual([
        expect.not.stringMatching(/\d/),
        expect.not.stringMatching(/\d/),
      ])
    },
  )

  it.each(LANGUAGE_TAGS)('in %s says the same of a week or month', (tag) => {
    const locale = LOCALES[tag]
    expect(nothingShown(locale, { kind: 'period', count: 0, listed: 115, days: 5 })).toBe(
      locale.period.noneSelected(115, 5),
    )
    expect(nothingShown(locale, { kind: 'period', count: 0, listed: 0, days: 0 })).toBe(
      locale.period.noPapers,
    )
    expect(locale.period.noneSelected(115, 5)).toMatch(/115/)
  })
})
