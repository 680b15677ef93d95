import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseDailyPapers } from '../../src/source/paper.js'
import { fixtures, parseOne } from './paper-items.js'

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
