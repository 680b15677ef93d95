import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'

const fixtures = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
const seed = JSON.parse(
  readFileSync(resolve(process.cwd(), '__tests__/fixtures/seed/2025-12-24.json'), 'utf8'),
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

describe('the fixtures kept in this repository', () => {
  // CI has the team's shared/ folder beside the clone; a newcomer's clone does not, so the tests use copies.
  const shared = resolve(process.cwd(), '../shared')
  const sharedFiles = existsSync(shared)
    ? [
        ...readdirSync(resolve(shared, 'seed')).map((name) => `seed/${name}`),
        ...readdirSync(resolve(shared, 'fixtures/hf/daily')).map((name) => `hf/daily/${name}`),
      ]
    : []

  const each =
    sharedFiles.length > 0 ? it.each(sharedFiles) : it.skip.each(['(shared/ is not beside this clone)'])
  each('%s equals shared/', (file) => {
    const original = file.startsWith('seed/') ? resolve(shared, file) : resolve(shared, 'fixtures', file)
    expect(readFileSync(resolve(process.cwd(), '__tests__/fixtures', file), 'utf8')).toBe(
      readFileSync(original, 'utf8'),
    )
  })
})
