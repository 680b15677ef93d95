import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { cleanText, renderPost, selectPapers, type PostOptions } from '../../src/digest/index.js'
import { needsModel, type Field } from '../../src/core/fields.js'
import type { EnrichedPaper } from '../../src/enrich/index.js'
import { cleanModelText, MAX_SUMMARY_LENGTH } from '../../src/enrich/plain-text.js'
import type { Paper } from '../../src/core/paper.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import { HOSTILE_TEXTS } from '../support/llm-answers.js'

/** The llm-summary and llm-title fields: where the model's text goes in a post, and how it is written. */
const seed = resolve(process.cwd(), '__tests__/fixtures/seed')
const papers: Paper[] = selectPapers(
  parseDailyPapers(JSON.parse(readFileSync(resolve(seed, '2025-12-24.json'), 'utf8')), 'seed').papers,
  { minUpvotes: 0, keywords: [] },
).slice(0, 2)
const [first, second] = papers as [Paper, Paper]

const options = (fields: Field[], enriched?: Map<string, EnrichedPaper>, language: 'en' | 'ko' = 'ko') =>
  ({
    style: 'classic',
    language,
    title: 'Daily Papers',
    date: '2025-12-24 09:15:00 +0900',
    categories: [],
    tags: [],
    fields,
    ...(enriched ? { enriched } : {}),
  }) satisfies PostOptions

/** The list item of the paper at `index` (0-based): its title line and the lines under it. */
const item = (post: string, index: number) =>
  post
    .split(/\n(?=\d+\. )/)
    .slice(1)
    [index]?.trim()

describe('the llm-summary field', () => {
  it('shows the model summary under the label 요약, in the place fields give it', () => {
    const enriched = new Map<string, EnrichedPaper>([
      [first.id, { summary: '이 논문은 공간 능력을 다룬다.', title: '스페이셜트리', origin: 'model' }],
      [second.id, { summary: '캐시에서 온 요약이다.', origin: 'cache' }],
    ])
    const post = renderPost(papers, options(['hf-link', 'llm-summary', 'arxiv-link'], enriched))
    expect(item(post, 0)).toBe(
      [
        `1. **${first.title}** - 👍 ${first.upvotes}`,
        `   - [HF 페이지](https://huggingface.co/papers/${first.id})`,
        '   - 요약: 이 논문은 공간 능력을 다룬다.',
        `   - [논문 링크](https://arxiv.org/abs/${first.id})`,
      ].join('\n'),
    )
    expect(item(post, 1)).toContain('\n   - 요약: 캐시에서 온 요약이다.\n')
    expect(renderPost(papers, options(['llm-summary'], enriched, 'en'))).toContain(
      '   - Summary: 이 논문은 공간 능력을 다룬다.',
    )
  })

  it("labels Hugging Face's own summary as such, and leaves it to the ai-summary line when that is shown", () => {
    const enriched = new Map<string, EnrichedPaper>([
      [first.id, { summary: 'HF wrote this.', origin: 'hf-ai-summary', reason: 'rate-limited' }],
      [second.id, { origin: 'none', reason: 'missing' }],
    ])
    const post = renderPost(papers, options(['llm-summary'], enriched))
    expect(item(post, 0)).toBe(
      `1. **${first.title}** - 👍 ${first.upvotes}\n   - Hugging Face AI 요약: HF wrote this.`,
    )
    expect(item(post, 1)).toBe(`2. **${cleanText(second.title)}** - 👍 ${second.upvotes}`)
    expect(renderPost(papers, options(['llm-summary'], enriched, 'en'))).toContain(
      "   - Hugging Face's AI summary: HF wrote this.",
    )

    const withAiSummary = [{ ...first, aiSummary: 'HF wrote this.' }, second]
    const both = renderPost(withAiSummary, options(['ai-summary', 'llm-summary'], enriched))
    expect(item(both, 0)).toBe(`1. **${first.title}** - 👍 ${first.upvotes}\n   - AI 요약: HF wrote this.`)
  })

  it('shows nothing without model summaries, as a run without a model does', () => {
    const plain = renderPost(papers, options(['abstract']))
    expect(renderPost(papers, options(['abstract', 'llm-summary', 'llm-title']))).toBe(plain)
    expect(renderPost(papers, options(['abstract', 'llm-summary', 'llm-title'], new Map()))).toBe(plain)
  })
})

describe('the llm-title field', () => {
  const enriched = new Map<string, EnrichedPaper>([
    [first.id, { summary: '요약.', title: '스페이셜트리: 공간 능력', origin: 'model' }],
    [second.id, { summary: '요약.', title: second.title, origin: 'cache' }],
  ])

  it('puts the translated title in brackets after the original, not in its bold', () => {
    const post = renderPost(papers, options(['llm-title'], enriched))
    expect(item(post, 0)).toBe(`1. **${first.title}** (스페이셜트리: 공간 능력) - 👍 ${first.upvotes}`)
    // A "translation" that is the title itself says nothing new.
    expect(item(post, 1)).toBe(`2. **${cleanText(second.title)}** - 👍 ${second.upvotes}`)
  })

  it('shows no translation unless listed', () => {
    expect(renderPost(papers, options(['llm-summary'], enriched))).not.toContain('스페이셜트리')
  })
})

describe('model text', () => {
  it('is escaped exactly as a title is: the same text gives the same markdown in either place', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const text = cleanModelText(hostile, MAX_SUMMARY_LENGTH)
      const asTitle = renderPost([{ ...first, title: text }], options([]))
      const asSummary = renderPost(
        [first],
        options(['llm-summary'], new Map([[first.id, { summary: text, origin: 'model' }]])),
      )
      const titleLine = item(asTitle, 0)?.match(/^1\. \*\*(.*)\*\* - 👍 \d+$/)?.[1]
      const summaryLine = item(asSummary, 0)?.match(/\n {3}- 요약: (.*)$/)?.[1]
      expect([hostile, summaryLine]).toEqual([hostile, titleLine])
      // Liquid and kramdown's {: … } open with a brace, HTML with a bare <.
      expect(summaryLine).not.toMatch(/\{|(?<!\\)</)
    }
  })
})

describe('needsModel', () => {
  it('asks the model for llm-summary, and for llm-title only in another language than en', () => {
    expect(needsModel(['abstract'], 'ko')).toBe(false)
    expect(needsModel(['llm-summary'], 'en')).toBe(true)
    expect(needsModel(['llm-title'], 'ko')).toBe(true)
    expect(needsModel(['llm-title'], 'en')).toBe(false)
  })
})
