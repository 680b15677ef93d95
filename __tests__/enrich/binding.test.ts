import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { unboundSummaries } from '../../src/enrich/binding.js'
import { fixtureDay } from './harness.js'
import { textsIn } from '../support/llm-languages.js'

const papers = fixtureDay()
const firstSentence = (text: string) => text.replace(/\s+/g, ' ').split(/(?<=\.) /)[0] ?? ''
const good = (language: 'en' | 'ko') =>
  new Map(
    papers.map((paper) => [paper.id, textsIn(language).summary(paper.title, firstSentence(paper.summary))]),
  )
/** Each summary under the next paper's id, as a model told to by a hidden instruction did. */
const rotated = (summaries: Map<string, string>) => {
  const texts = [...summaries.values()]
  return new Map([...summaries.keys()].map((id, index) => [id, texts[(index + 1) % texts.length]!]))
}

describe('summaries bound to their papers', () => {
  it.each(['en', 'ko'] as const)(
    'pass for every paper of a real day when each is its own (%s)',
    (language) => {
      expect(unboundSummaries(papers, good(language))).toEqual(new Set())
    },
  )

  it('are caught for every paper when they are swapped (en)', () => {
    expect(unboundSummaries(papers, rotated(good('en'))).size).toBe(papers.length)
  })

  it('are caught for nearly every paper when they are swapped in a Korean answer, which keeps only names', () => {
    // The rest of such an answer is dropped with them (answer.test.ts).
    expect(unboundSummaries(papers, rotated(good('ko'))).size).toBeGreaterThanOrEqual(papers.length * 0.9)
  })

  it('catch one swapped pair among good summaries', () => {
    const summaries = good('en')
    const [a, b] = papers
    summaries.set(a!.id, good('en').get(b!.id)!).set(b!.id, good('en').get(a!.id)!)
    expect(unboundSummaries(papers, summaries)).toEqual(new Set([a!.id, b!.id]))
  })

  it('let a summary without distinctive terms pass, and a lone paper always', () => {
    const vague = new Map([[papers[0]!.id, 'A new method improves results.']])
    expect(unboundSummaries(papers, vague)).toEqual(new Set())
    expect(unboundSummaries(papers.slice(0, 1), rotated(good('en')))).toEqual(new Set())
  })
})

describe("Hugging Face's own summaries of every fixture day, in requests of 20 papers", () => {
  const requests = readdirSync(resolve(process.cwd(), '__tests__/fixtures/hf/daily'))
    .map((name) => fixtureDay(name.slice(0, 10)))
    .flatMap((papers) =>
      papers.map((_, index) => papers.slice(index, index + 20)).filter((_, index) => index % 20 === 0),
    )
    .map((batch) => ({
      papers: batch,
      summaries: new Map(
        batch.flatMap((paper) => (paper.aiSummary ? [[paper.id, paper.aiSummary] as const] : [])),
      ),
    }))
    .filter(({ summaries }) => summaries.size > 1)
  const count = requests.reduce((sum, { summaries }) => sum + summaries.size, 0)

  it('are each bound to their own paper: another model writing about the right paper passes', () => {
    expect(count).toBeGreaterThan(500)
    for (const { papers, summaries } of requests)
      expect(unboundSummaries(papers, summaries)).toEqual(new Set())
  })

  it('are each caught when rotated between the papers of their request', () => {
    for (const { papers, summaries } of requests)
      expect(unboundSummaries(papers, rotated(summaries)).size).toBe(summaries.size)
  })
})
