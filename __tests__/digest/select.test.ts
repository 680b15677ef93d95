import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { cleanText, renderPost, selectPapers } from '../../src/digest/index.js'
import type { Paper } from '../../src/core/paper.js'
import { parseDailyPapers } from '../../src/source/paper.js'

const paper = (id: string, upvotes: number, extra: Partial<Paper> = {}): Paper => ({
  id,
  title: `Paper ${id}`,
  summary: '',
  upvotes,
  authors: [],
  aiKeywords: [],
  ...extra,
})
const ids = (papers: Paper[]) => papers.map((p) => p.id)

describe('selectPapers', () => {
  const papers = [paper('a', 4), paper('b', 11), paper('c', 4), paper('d', 0), paper('e', 5)]

  it('ranks by upvotes, ties in API order', () => {
    expect(ids(selectPapers(papers, { minUpvotes: 0, keywords: [] }))).toEqual(['b', 'e', 'a', 'c', 'd'])
  })

  it('drops papers below min-upvotes and keeps the top max-papers', () => {
    expect(ids(selectPapers(papers, { minUpvotes: 4, keywords: [], maxPapers: 3 }))).toEqual(['b', 'e', 'a'])
  })

  it('keeps papers whose title, abstract or AI keywords contain a keyword, ignoring case and line breaks', () => {
    const candidates = [
      paper('title', 1, { title: 'Diffusion\n  Models' }),
      paper('abstract', 2, { summary: 'We study DIFFUSION models.' }),
      paper('keyword', 3, { aiKeywords: ['Reinforcement Learning'] }),
      paper('none', 9),
    ]
    expect(
      ids(
        selectPapers(candidates, {
          minUpvotes: 0,
          keywords: ['diffusion models', ' reinforcement learning '],
        }),
      ),
    ).toEqual(['keyword', 'abstract', 'title'])
  })
})

describe('every fixture day', () => {
  const dir = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
  it.each(readdirSync(dir))('%s renders in en and ko with every title', (name) => {
    const { papers } = parseDailyPapers(JSON.parse(readFileSync(resolve(dir, name), 'utf8')), name)
    for (const language of ['en', 'ko'] as const) {
      const post = renderPost(selectPapers(papers, { minUpvotes: 0, keywords: [] }), {
        style: 'classic',
        language,
        title: `Daily Papers ${name}`,
        date: '2025-11-28 09:00:00 +0000',
        categories: ['Daily Papers'],
        tags: ['ai'],
        fields: ['organization', 'hf-link', 'arxiv-link', 'abstract', 'github', 'authors'],
      })
      for (const { id } of papers) expect(post).toContain(`https://huggingface.co/papers/${id}`)
      // Titles whose markdown characters need escapes are covered by the hazard fixtures.
      for (const { title } of papers.filter((p) => !/[\\`*_[\]<>&#|~!]/.test(p.title))) {
        expect(post).toContain(`**${cleanText(title)}**`)
      }
    }
  })
})
