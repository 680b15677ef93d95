import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'

const fixtures = resolve(process.cwd(), '../shared/fixtures/hf/daily')
const seed = JSON.parse(
  readFileSync(resolve(process.cwd(), '../shared/seed/2025-12-24.json'), 'utf8'),
) as unknown[]

describe('parseDailyPapers', () => {
  it.each(readdirSync(fixtures).filter((name) => name.endsWith('.json')))(
    'accepts every paper of %s',
    (name) => {
      const body = JSON.parse(readFileSync(resolve(fixtures, name), 'utf8')) as unknown[]
      const { papers, invalid } = parseDailyPapers(body, name)
      expect(invalid).toEqual([])
      expect(papers).toHaveLength(body.length)
    },
  )

  it('reduces an item to what the post needs, with the organisation full name', () => {
    const { papers } = parseDailyPapers(seed, 'seed')
    expect(papers[2]).toMatchObject({
      id: '2512.20617',
      title: 'SpatialTree: How Spatial Abilities Branch Out in MLLMs',
      upvotes: 11,
      organization: 'ByteDance Seed',
      aiKeywords: [],
    })
  })

  it('leaves out a malformed paper, naming its id and field, and keeps the rest', () => {
    const broken = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    broken[0]!.paper.upvotes = 'many'
    delete broken[1]!.paper.title
    const { papers, invalid } = parseDailyPapers(broken, 'test')
    expect(papers.map((paper) => paper.id)).toEqual(['2512.20617', '2512.18099', '2512.19673'])
    expect(invalid).toEqual([
      { id: '2512.19526', field: 'paper.upvotes', problem: expect.stringContaining('number') },
      { id: '2512.20491', field: 'paper.title', problem: expect.any(String) },
    ])
  })

  it('accepts unknown fields and nulls in optional ones', () => {
    const item = {
      paper: { id: '1', title: 't', upvotes: 0, githubRepo: null, brandNew: { x: 1 } },
      extra: true,
    }
    expect(parseDailyPapers([item], 'test').papers[0]).toMatchObject({
      id: '1',
      githubRepo: undefined,
      summary: '',
    })
  })

  it('fails on a response that is not a list, quoting it', () => {
    expect(() =>
      parseDailyPapers({ error: 'Invalid date' }, 'https://hf.test/api/daily_papers?date=x'),
    ).toThrow(
      new UnexpectedResponseError(
        'https://hf.test/api/daily_papers?date=x returned {"error":"Invalid date"} where a JSON array of papers was expected',
      ),
    )
  })
})
