import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { estimateTokens, GITHUB_MODELS_LOW_TIER, planBatches, splitBatch } from '../../src/enrich/batch.js'
import { MAX_PROMPT_ABSTRACT } from '../../src/enrich/prompt.js'
import { fixtureDay } from './harness.js'

const days = readdirSync(resolve(process.cwd(), '__tests__/fixtures/hf/daily')).map((name) =>
  name.slice(0, 10),
)

describe('estimateTokens', () => {
  it('counts 4 ASCII characters or 1 other character as a token, rounding up', () => {
    expect(estimateTokens('')).toBe(0)
    expect(estimateTokens('abcd')).toBe(1)
    expect(estimateTokens('abcde')).toBe(2)
    expect(estimateTokens('한국어')).toBe(3)
    expect(estimateTokens('😀')).toBe(1)
  })
})

describe('planBatches', () => {
  it.each(['ko', 'en'])('fits every real day (up to 33 papers) into at most 2 requests in %s', (language) => {
    for (const day of days) {
      const papers = fixtureDay(day)
      const batches = planBatches(papers, language, GITHUB_MODELS_LOW_TIER)
      expect(batches.length).toBeLessThanOrEqual(papers.length > 16 ? 2 : 1)
      expect(batches.flatMap((batch) => batch.papers)).toEqual(papers)
      for (const batch of batches) {
        expect(batch.inputTokens).toBeLessThanOrEqual(GITHUB_MODELS_LOW_TIER.inputTokens * 0.85)
      }
    }
  })

  it('keeps within the paper count and the output budget', () => {
    const papers = Array.from({ length: 50 }, (_, index) => ({
      ...fixtureDay()[0]!,
      id: `p${index}`,
      summary: 'x',
    }))
    expect(planBatches(papers, 'en', GITHUB_MODELS_LOW_TIER).map((batch) => batch.papers.length)).toEqual([
      20, 20, 10,
    ])
    // 175 output tokens planned per Korean paper (with its title), within 80% of 1,000: 4 a request.
    const small = { ...GITHUB_MODELS_LOW_TIER, outputTokens: 1_000 }
    expect(planBatches(papers.slice(0, 9), 'ko', small).map((batch) => batch.papers.length)).toEqual([
      4, 4, 1,
    ])
  })

  it('sends a paper with a 100 KB abstract alone, cut to fit', () => {
    const [first, second] = fixtureDay()
    const hostile = { ...first!, summary: 'word '.repeat(20_000) }
    const batches = planBatches([second!, hostile, second!], 'ko', GITHUB_MODELS_LOW_TIER)
    expect(batches.length).toBeLessThanOrEqual(2)
    expect(Math.max(...batches.map((batch) => batch.inputTokens))).toBeLessThan(
      GITHUB_MODELS_LOW_TIER.inputTokens * 0.85,
    )
    expect(MAX_PROMPT_ABSTRACT).toBeLessThan(20_000)
  })

  it('plans nothing for no papers', () => {
    expect(planBatches([], 'ko', GITHUB_MODELS_LOW_TIER)).toEqual([])
  })
})

describe('splitBatch', () => {
  it('halves a batch, the first half taking the odd paper, with fresh estimates', () => {
    const [batch] = planBatches(fixtureDay().slice(0, 5), 'ko', GITHUB_MODELS_LOW_TIER)
    const [first, second] = splitBatch(batch!, 'ko')
    expect([first.papers.length, second.papers.length]).toEqual([3, 2])
    expect(first.inputTokens + second.inputTokens).toBeGreaterThan(batch!.inputTokens)
    expect(first.inputTokens).toBeLessThan(batch!.inputTokens)
  })
})
