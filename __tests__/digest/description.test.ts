import { describe, expect, it } from '@jest/globals'
import type { Paper } from '../../src/core/paper.js'
import {
  cutText,
  DESCRIPTION_LENGTH,
  describePost,
  shortName,
  upvoteNote,
} from '../../src/digest/description.js'
import { LOCALES } from '../../src/digest/locales/index.js'

const paper = (title: string, upvotes: number): Paper => ({
  id: '2501.00001',
  title,
  summary: '',
  upvotes,
  authors: [],
  aiKeywords: [],
})

const day = (count: number) => ({ kind: 'day' as const, count, listed: count })

describe('describePost', () => {
  const papers = [
    paper('GigaEvo: An Open Source Optimization Framework Powered By LLMs And Evolution Algorithms', 1220),
    paper('MedSAM3: Delving into Segment Anything with Medical Concepts', 55),
    paper('Soft Adaptive Policy Optimization', 49),
    paper('Fourth', 1),
  ]

  it('gives the count, the most upvoted paper by its title, and the next ones by their names', () => {
    expect(describePost(papers, day(33), LOCALES.en)).toBe(
      '33 papers. Most upvoted: GigaEvo: An Open Source Optimization Framework Powered By LLMs And Evolution Algorithms (👍\u00a01,220), MedSAM3 (👍\u00a055), Soft Adaptive Policy Optimization (👍\u00a049)',
    )
    expect(describePost(papers, day(33), LOCALES.ko)).toMatch(/^논문 33편\. 가장 많은 추천: GigaEvo: /)
  })

  it('says both numbers when the filters kept fewer, and the days of a week', () => {
    expect(describePost(papers.slice(0, 1), { kind: 'day', count: 1, listed: 9 }, LOCALES.en)).toMatch(
      /^1 of the day's 9 papers\. /,
    )
    expect(describePost(papers, { kind: 'period', count: 140, listed: 140, days: 5 }, LOCALES.en)).toMatch(
      /^140 papers over 5 days\. /,
    )
    expect(describePost(papers, { kind: 'period', count: 10, listed: 140, days: 5 }, LOCALES.en)).toMatch(
      /^10 of the 140 papers over 5 days\. /,
    )
    for (const [tag, locale] of Object.entries(LOCALES)) {
      const count = locale.digest.periodCount(10, 5, 140)
      expect([tag, count.includes(locale.number(10)) && count.includes(locale.number(140))]).toEqual([
        tag,
        true,
      ])
      expect([tag, count === locale.digest.periodCount(10, 5)]).toEqual([tag, false])
    }
  })

  it('stays within a card, cut at a word, however long the titles are', () => {
    const long = [paper(`${'Word '.repeat(100)}end`, 3), ...papers]
    const description = describePost(long, day(5), LOCALES.en)
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_LENGTH)
    expect(description).toMatch(/ Word… \(👍\u00a03\)$/)
  })

  it("cuts the leader's title, never its upvotes, whatever the language", () => {
    // Titles of 150 to 200 characters: the cut fell inside the note (`(👍 12…`, a wrong count).
    for (const length of [150, 156, 165, 180, 200]) {
      const title = 'Towards Scalable Sampling '.repeat(10).slice(0, length)
      for (const [tag, locale] of Object.entries(LOCALES)) {
        const description = describePost([paper(title, 12345), ...papers], day(33), locale)
        expect(description.length).toBeLessThanOrEqual(DESCRIPTION_LENGTH)
        expect([length, tag, description]).toEqual([
          length,
          tag,
          expect.stringContaining(upvoteNote(paper(title, 12345), locale)),
        ])
      }
    }
  })
})

describe('cutText', () => {
  it('keeps what fits whole, never splits an emoji or a Hangul syllable', () => {
    expect(cutText('short', 10)).toBe('short')
    expect(cutText('one two three', 10)).toBe('one two…')
    expect(cutText('👍🏽👍🏽👍🏽👍🏽', 7)).toBe('👍🏽…')
    expect(cutText('가나다라마바사', 4)).toMatch(/^[가-힣]+…$/)
  })
})

describe('shortName', () => {
  it('is the name before a colon, else the title', () => {
    expect(shortName('GigaEvo: An Open Source Framework')).toBe('GigaEvo')
    expect(shortName('Soft Adaptive Policy Optimization')).toBe('Soft Adaptive Policy Optimization')
    expect(shortName(`${'A very long name before the colon, longer than forty'}: subtitle`)).toMatch(
      /^A very long/,
    )
  })
})
