import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
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

  it('leaves out a paper whose title shows nothing, and keeps one paper listed twice once', () => {
    const items = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    items[0]!.paper.title = ' \u200b\u202e '
    const { papers, invalid } = parseDailyPapers([...items, items[3]], 'test')
    expect(papers.map((paper) => paper.id)).toEqual(['2512.20491', '2512.20617', '2512.18099', '2512.19673'])
    expect(invalid).toEqual([{ id: '2512.19526', field: 'paper.title', problem: 'has no visible character' }])
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

/** One API item around `paper` fields, with the item's own fields in `top`. */
const item = (paper: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  paper: { id: '2501.00001', title: 'T', upvotes: 1, ...paper },
  ...top,
})
const parseOne = (paper: Record<string, unknown>, top?: Record<string, unknown>) =>
  parseDailyPapers([item(paper, top)], 'test')

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

/**
 * One link field of a paper: each kept value with what it becomes, and each dropped value, whose
 * omission the paper notes with `problem`.
 */
function describeLinkField(
  title: string,
  field: 'githubRepo' | 'projectPage',
  { kept, dropped, problem }: { kept: Array<[string, string]>; dropped: unknown[]; problem: RegExp },
): void {
  describe(title, () => {
    it.each(kept)('keeps %p as %p', (value, expected) => {
      const [paper] = parseOne({ [field]: value }).papers
      expect(paper?.[field]).toBe(expected)
      expect(paper).not.toHaveProperty('omitted')
    })

    it.each(dropped)('drops %p and notes it', (value) => {
      const [paper] = parseOne({ [field]: value }).papers
      expect(paper?.[field]).toBeUndefined()
      expect(paper?.omitted).toEqual([{ field: `paper.${field}`, problem: expect.stringMatching(problem) }])
    })
  })
}

describeLinkField('GitHub links', 'githubRepo', {
  kept: [
    ['https://github.com/owner/repo', 'https://github.com/owner/repo'],
    ['https://github.com/zai-org/UI2Code_N/', 'https://github.com/zai-org/UI2Code_N'],
    ['https://github.com/owner/repo.git', 'https://github.com/owner/repo'],
    ['  https://GitHub.com/Owner/my.repo  ', 'https://github.com/Owner/my.repo'],
    ['https://www.github.com/owner/repo', 'https://github.com/owner/repo'],
    ['https://github.com:443/owner/repo', 'https://github.com/owner/repo'],
  ],
  dropped: [
    'http://github.com/insecure/repo',
    'https://github.com.evil.example/owner/repo',
    'https://evil.example/owner/repo',
    'https://evil.example\\@github.com/owner/repo',
    'https://github.com\\@evil.example/owner/repo',
    'https://user:pass@github.com/owner/repo',
    'https://github.com:8443/owner/repo',
    'https://github.com/owner',
    'https://github.com/owner/repo/tree/main',
    'https://github.com/owner/repo?x={{site|jsonify}}',
    "https://github.com/owner/repo#x){:onclick='alert(1)'}",
    "https://github.com/owner/repo){:onclick='alert(1)'}",
    'https://github.com/-owner/repo',
    'https://github.com/owner/.git',
    'javascript:alert(1)//github.com/owner/repo',
    'github.com/owner/repo',
    `https://github.com/owner/${'r'.repeat(3000)}`,
    42,
  ],
  problem: / is not a GitHub repository link; expected https:\/\/github\.com\/<owner>\/<repo>$/,
})

describeLinkField('project pages', 'projectPage', {
  kept: [
    ['https://multi-crit.github.io/', 'https://multi-crit.github.io/'],
    ['https://videop2r.\ngithub.io/videop2r/', 'https://videop2r.github.io/videop2r/'],
    [
      'https://web.stanford.edu/~markendo/projects/downscaling_intelligence',
      'https://web.stanford.edu/%7Emarkendo/projects/downscaling%5Fintelligence',
    ],
    [
      "https://example.com/#x){:onclick='alert(1)'}",
      'https://example.com/#x%29%7B:onclick=%27alert%281%29%27%7D',
    ],
    ['https://example.com/?q={{site|jsonify}}', 'https://example.com/?q=%7B%7Bsite%7Cjsonify%7D%7D'],
    ['https://example.com/#{%raw%}', 'https://example.com/#%7B%25raw%25%7D'],
    ['https://example.com/a b<c>"d"`e`\\f', 'https://example.com/a%20b%3Cc%3E%22d%22%60e%60/f'],
    ['https://example.com/?a=1&b=2&#123;', 'https://example.com/?a=1&b=2%26#123;'],
    ['https://example.com/100%', 'https://example.com/100%25'],
    ['https://example.com/%7E', 'https://example.com/%7E'],
    ['https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
  ],
  dropped: [
    'javascript:alert(1)',
    'JavaScript:alert(1)//https://example.com',
    'data:text/html,<script>alert(1)</script>',
    'http://example.com/',
    'https://user:secret@example.com/',
    'https://localhost/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://intranet/',
    '/relative/path',
    'https://',
    `https://example.com/${'a'.repeat(3000)}`,
    ['https://example.com/'],
  ],
  problem: / is not a public https link; expected e\.g\. https:\/\/example\.org\/project$/,
})

describe('thumbnails', () => {
  const thumbnailOf = (thumbnail: unknown) => {
    const { papers } = parseDailyPapers(
      [{ paper: { id: '2511.17592', title: 'T', upvotes: 1 }, thumbnail }],
      'test',
    )
    return papers[0]
  }

  it("keeps Hugging Face's own thumbnail, as every saved day has it", () => {
    const url = 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2511.17592.png'
    expect(thumbnailOf(url)).toMatchObject({ thumbnail: url })
    expect(thumbnailOf(url)?.omitted).toBeUndefined()
    for (const name of readdirSync(fixtures)) {
      const body = JSON.parse(readFileSync(resolve(fixtures, name), 'utf8')) as unknown[]
      const { papers } = parseDailyPapers(body, name)
      expect([name, papers.filter((paper) => paper.thumbnail === undefined).length]).toEqual([name, 0])
    }
  })

  it('percent-encodes it like every link', () => {
    expect(thumbnailOf("https://cdn-thumbnails.huggingface.co/a b{{x}}'.png")?.thumbnail).toBe(
      'https://cdn-thumbnails.huggingface.co/a%20b%7B%7Bx%7D%7D%27.png',
    )
  })

  it.each([
    'http://cdn-thumbnails.huggingface.co/x.png',
    'https://cdn-thumbnails.huggingface.co.evil.example/x.png',
    'https://huggingface.co/x.png',
    'https://user:pw@cdn-thumbnails.huggingface.co/x.png',
    'https://cdn-thumbnails.huggingface.co:8443/x.png',
    'https://cdn-thumbnails.huggingface.co/x.png?{{site}}',
    'https://cdn-thumbnails.huggingface.co/x.png#x',
    'javascript:alert(1)',
    42,
    ['https://cdn-thumbnails.huggingface.co/x.png'],
  ])('leaves out %j, saying what is accepted', (thumbnail) => {
    const paper = thumbnailOf(thumbnail)
    expect(paper?.thumbnail).toBeUndefined()
    expect(paper?.omitted).toEqual([
      {
        field: 'thumbnail',
        problem: expect.stringMatching(
          / is not a Hugging Face thumbnail; expected https:\/\/cdn-thumbnails\.huggingface\.co\/…$/,
        ),
      },
    ])
  })
})

describe('a dropped link', () => {
  it('is quoted on one line, shortened', () => {
    const [paper] = parseOne({
      projectPage: `javascript:alert(1)\n::error::x\u2028${'y'.repeat(100)}`,
    }).papers
    expect(paper?.omitted?.[0]?.problem).toBe(
      `"javascript:alert(1)\\n::error::x\\u2028${'y'.repeat(29)}…" is not a public https link; expected e.g. https://example.org/project`,
    )
  })
})

describe('the recordings kept in __tests__/fixtures', () => {
  // Real answers and the real reference post: a test that edited one would test against a fake.
  const root = resolve(process.cwd(), '__tests__/fixtures')
  const recorded = readFileSync(join(root, 'SHA256SUMS'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => /^([0-9a-f]{64}) {2}(\S+)$/.exec(line)?.slice(1, 3) as [string, string])

  it('lists every Hugging Face answer and the reference day', () => {
    const answers = readdirSync(join(root, 'hf/daily')).map((name) => `hf/daily/${name}`)
    expect(answers).toHaveLength(44)
    expect(recorded.map(([, file]) => file).sort()).toEqual(
      [...answers, 'seed/2025-12-24-daily-papers.md', 'seed/2025-12-24.json'].sort(),
    )
  })

  it.each(recorded.map(([sha256, file]) => [file, sha256]))('%s is as recorded', (file, sha256) => {
    expect(
      createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex'),
    ).toBe(sha256)
  })
})
