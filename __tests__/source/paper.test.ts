import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'
import { fixtures, item, parseOne } from './paper-items.js'

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

  it("reads Hugging Face's sub- and superscript tags in an AI summary as what they write, and no other tag", () => {
    const items = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    const summaries: Array<[string, string]> = [
      ['π<sub>RL</sub> on 10<sup>6</sup> tokens in O(n<sup>2</sup>)', 'π_RL on 10⁶ tokens in O(n²)'],
      ['H<SUB>2</SUB>O<sup>+</sup>, 10<sup>\u22123</sup>, e<sup class="x">2</sup>', 'H₂O⁺, 10⁻³, e²'],
      [
        '2<sup>k</sup> to O(n<sup>1.5</sup>), W<sup>T</sup>, x<sub>t-1</sub>',
        '2^k to O(n^1.5), W^T, x_(t-1)',
      ],
      ['x<sup>a<sub>2</sub></sup>', 'x^a₂'],
      [
        'tags like <sub> and <sup> in a <context>, <sup>2</sub>',
        'tags like <sub> and <sup> in a <context>, <sup>2</sub>',
      ],
    ]
    for (const [index, [summary]] of summaries.entries()) items[index]!.paper.ai_summary = summary
    const { papers } = parseDailyPapers(items.slice(0, summaries.length), 'test')
    expect(papers.map((paper) => paper.aiSummary)).toEqual(summaries.map(([, shown]) => shown))
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

  it('leaves out a paper whose title shows nothing, and keeps one paper listed twice once', () => {
    const items = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    items[0]!.paper.title = ' \u200b\u202e '
    items[1]!.paper.title = '\uffff \ufffe'
    const { papers, invalid } = parseDailyPapers([...items, items[3]], 'test')
    expect(papers.map((paper) => paper.id)).toEqual(['2512.20617', '2512.18099', '2512.19673'])
    expect(invalid).toEqual([
      { id: '2512.19526', field: 'paper.title', problem: 'has no visible character' },
      { id: items[1]!.paper.id, field: 'paper.title', problem: 'has no visible character' },
    ])
  })

  it('names the organisation by its name when its full name is empty', () => {
    const item = {
      paper: { id: '2501.00001', title: 't', upvotes: 0, organization: { name: 'nvidia', fullname: '' } },
    }
    expect(parseDailyPapers([item], 'test').papers[0]?.organization).toBe('nvidia')
  })

  it('accepts unknown fields and nulls in optional ones', () => {
    const item = {
      paper: { id: '2501.00001', title: 't', upvotes: 0, githubRepo: null, brandNew: { x: 1 } },
      extra: true,
    }
    expect(parseDailyPapers([item], 'test').papers[0]).toMatchObject({
      id: '2501.00001',
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

describe('paper ids', () => {
  it.each(['2512.20617', '2512.20617v2', '0704.0001', '1501.00001v12'])('accepts the arXiv id %s', (id) => {
    expect(parseOne({ id }).papers.map((paper) => paper.id)).toEqual([id])
  })

  it.each([
    ['a ")"', '2501.00001)'],
    ['a Markdown link', '2501.00001](https://evil.example'],
    ['Liquid', '{{site.title}}'],
    ['a path', '../../etc/passwd'],
    ['a newline and a workflow command', '2501.00001\n::add-mask::x'],
    ['an old-style id', 'hep-th/9901001'],
    ['an empty id', ''],
  ])('leaves out a paper whose id is %s, quoting the id safely in the warning', (_, id) => {
    const { papers, invalid } = parseOne({ id })
    expect(papers).toEqual([])
    expect(invalid).toEqual([
      {
        id: '#1',
        field: 'paper.id',
        problem: `${JSON.stringify(id)} is not an arXiv id; expected e.g. 2512.20617 or 2512.20617v2`,
      },
    ])
    expect(invalid[0]?.problem).not.toMatch(/\n/)
  })

  it('shortens a long id and writes invisible characters as escapes', () => {
    const { invalid } = parseOne({ id: `\u202e${'9'.repeat(1_000_000)}` })
    expect(invalid[0]?.problem).toBe(
      `"\\u202e${'9'.repeat(59)}…" is not an arXiv id; expected e.g. 2512.20617 or 2512.20617v2`,
    )
  })

  it('names a paper by its position when another field fails and the id is not an arXiv id', () => {
    const { invalid } = parseDailyPapers(
      [item({}), item({ id: 'x)\n::warning::y', upvotes: 'many' })],
      'test',
    )
    expect(invalid).toEqual([{ id: '#2', field: 'paper.upvotes', problem: expect.any(String) }])
  })
})

describe('counts', () => {
  it.each([-5, 1.5, 1e308, 2 ** 53, 'many', '5', null, true])(
    'leaves out a paper whose upvotes are %p',
    (upvotes) => {
      const { papers, invalid } = parseOne({ upvotes })
      expect(papers).toEqual([])
      expect(invalid).toEqual([{ id: '2501.00001', field: 'paper.upvotes', problem: expect.any(String) }])
    },
  )

  it('keeps upvotes of 0 and up to 2^53 - 1', () => {
    expect(parseOne({ upvotes: 0 }).papers[0]?.upvotes).toBe(0)
    expect(parseOne({ upvotes: Number.MAX_SAFE_INTEGER }).papers[0]?.upvotes).toBe(Number.MAX_SAFE_INTEGER)
  })

  it.each([
    [-5, '-5'],
    [1e308, '1e+308'],
    [1.5, '1.5'],
    ['12', '"12"'],
    [{}, 'a JSON object'],
  ])('drops a star or comment count of %p and notes it, keeping the paper', (count, shown) => {
    const { papers, invalid } = parseOne({ githubStars: count }, { numComments: count })
    expect(invalid).toEqual([])
    expect(papers[0]).not.toHaveProperty('githubStars', expect.anything())
    expect(papers[0]?.numComments).toBeUndefined()
    const problem = `${shown} is not a count; expected a whole number of at least 0`
    expect(papers[0]?.omitted).toEqual([
      { field: 'paper.githubStars', problem },
      { field: 'numComments', problem },
    ])
  })

  it('keeps whole counts and notes nothing', () => {
    const [paper] = parseOne({ githubStars: 0 }, { numComments: 12 }).papers
    expect(paper).toMatchObject({ githubStars: 0, numComments: 12 })
    expect(paper).not.toHaveProperty('omitted')
  })
})
