import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { FIELDS } from '../../src/core/fields.js'
import {
  elements,
  expectInertPage,
  findJekyll,
  header,
  hrefs,
  SAFE_HREF,
  textOf,
  withBuiltPage,
} from '../jekyll/site.js'
import { findPsych, readFrontMatter } from '../jekyll/psych.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { showJobSummary } from '../support/job-summary.js'

/**
 * The attacks on rendering, replayed against the bundled action (dist/index.js; `npm run bundle` first)
 * in files mode, in both styles: a Hugging Face answer with hostile links, ids, counts, thumbnails and
 * invisible characters, and inputs YAML 1.1 would misread. The post must hold no markup from data, the
 * log must name every field left out, and Jekyll must build a page with nothing but the post's own
 * elements and links.
 */
const DAY = '2025-01-02'
const POST = `_posts/${DAY}-daily-papers-${DAY}.md`
const HOSTILE_DAY = resolve(process.cwd(), `__tests__/fixtures/hostile/${DAY}.json`)
/** Items only this test adds: an id that would start a workflow command if printed as it is, and more. */
const EXTRA_ITEMS = [
  { paper: { id: '2501.20097\n::add-mask::leak', title: 'Newline id', upvotes: 1, authors: [] } },
  { paper: { id: `2501.20096${'9'.repeat(100_000)}`, title: 'Long id', upvotes: 1, authors: [] } },
  // Text kramdown reads as markup where CommonMark does not: a tag of any letters (its content then raw),
  // a link definition's `]:`, a footnote's `[^`, emphasis inside a word; an entity a theme would decode.
  {
    paper: {
      id: '2501.10101',
      title: 'Unicode tags <é><img src=x onerror=alert(1)></é> in titles',
      summary: '<ж> tokens are special. <〇><script>alert(1)//</script></〇> The rest of the abstract.',
      upvotes: 3,
      ai_summary: 'See <中><a href="javascript:alert(1)">the code</a></中>.',
      authors: [{ name: 'Eve <ü><script>alert(document.domain)</script></ü>' }],
    },
  },
  { paper: { id: '2501.10102', title: 'Thinking [Fast]: slow reasoning in LLMs', upvotes: 2 } },
  { paper: { id: '2501.10103', title: '^2: squared attention', upvotes: 2 } },
  { paper: { id: '2501.10104', title: 'Deep___Learning___Now and &#x202E;gnp.exe&#x202C; too', upvotes: 2 } },
]

const jekyll = findJekyll()
const psych = findPsych()

let hf: HfServer

beforeAll(async () => {
  const items = JSON.parse(await readFile(HOSTILE_DAY, 'utf8')) as unknown[]
  hf = await startHfServer({ days: new Map([[DAY, [...items, ...EXTRA_ITEMS]]]) })
})
afterAll(async () => {
  await hf?.close()
})

/** Every `](destination)` of the post. */
const destinations = (markdown: string) => [...markdown.matchAll(/\]\(([^)\s]*)\)/g)].map((match) => match[1])

/**
 * The body less the markup the digest style writes itself: its attribute lists (the TL;DR's prompt
 * class, the compact list's first number).
 */
const dataOf = (body: string) => body.replace(/^\{: (?:\.prompt-tip|start="\d+") ?\}$/gm, '')

describe.each(['classic', 'digest'])(
  'the bundled action, given hostile paper data, in the %s style',
  (style) => {
    let run: ActionRun
    let post: string

    beforeAll(async () => {
      run = await runAction({
        inputs: {
          date: DAY,
          mode: 'files',
          style,
          image: 'true',
          description: 'true',
          fields: FIELDS.join(', '),
          title: 'on',
          author: 'no',
          // A permalink must name its day: this one is only the day, which Psych would read as a date.
          permalink: '{date}',
          'hf-api-url': hf.url,
        },
        workspace: await mkdtemp(join(tmpdir(), 'workspace-')),
      })
      post = await readFile(join(run.workspace, POST), 'utf8')
    })

    it('writes the post and succeeds', () => {
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(run.outputs['post-path']).toBe(POST)
    })

    it('writes link destinations only of safe https characters, and no brace at all', () => {
      const links = destinations(post)
      expect(links.length).toBeGreaterThan(40)
      for (const link of links) expect(link).toMatch(SAFE_HREF)
      expect(dataOf(post.split('---\n').slice(2).join('---\n'))).not.toContain('{')
      expect(post).toContain('[Project page](https://example.com/#x%29%7B:onclick=%27alert%281%29%27%7D)')
      expect(post).toContain('[Project page](https://example.com/?q=%7B%7Bsite%7Cjsonify%7D%7D)')
      expect(post).toContain('[GitHub](https://github.com/ok-owner/ok%5Frepo)')
      expect(post).not.toMatch(/\]\((?!https:)/)
    })

    it('shows no invalid count and no invisible character', () => {
      expect(post).not.toMatch(/⭐ (?!\d+$)/m)
      expect(post).not.toMatch(/Comments: (?!\d+$)/m)
      expect(post).not.toMatch(/(?:⭐|💬|👍)\u00a0(?![\d,]+(?:\]|\)|\u00a0·|$))/m)
      expect(post).not.toMatch(
        /[\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/,
      )
    })

    it('warns about every paper and field it left out, naming the paper and the field, one line each', () => {
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'))
      for (const expected of [
        `${DAY}: paper 2501.20001: left out paper.githubRepo: "https://github.com/owner/repo){:onclick='alert(1)'}" is not a GitHub repository link`,
        `${DAY}: paper 2501.20001: left out paper.githubStars: -5 is not a count`,
        `${DAY}: paper 2501.20001: left out numComments: -3 is not a count`,
        `${DAY}: paper 2501.20002: left out paper.githubStars: 1e+308 is not a count`,
        `${DAY}: paper 2501.20005: left out paper.githubRepo: "https://evil.example/owner/repo" is not a GitHub repository link`,
        `${DAY}: paper 2501.20012: left out paper.projectPage: "javascript:alert(document.cookie)" is not a public https link`,
        `${DAY}: paper 2501.20013: left out paper.projectPage: "https://user:secret@example.com/" is not a public https link`,
        `${DAY}: left out paper #17: paper.id: "2501.20099){:onclick='alert(1)'}" is not an arXiv id`,
        `${DAY}: left out paper 2501.20098: paper.upvotes:`,
        `${DAY}: left out paper #19: paper.id: "2501.20097\\n::add-mask::leak" is not an arXiv id`,
        `${DAY}: left out paper #20: paper.id: "2501.20096${'9'.repeat(50)}…" is not an arXiv id`,
        `${DAY}: paper 2501.20002: left out thumbnail: "https://cdn-thumbnails.huggingface.co.evil.example/x.png" is not a Hugging Face thumbnail`,
        `${DAY}: paper 2501.20003: left out thumbnail: "http://cdn-thumbnails.huggingface.co/x.png" is not a Hugging Face thumbnail`,
        `${DAY}: paper 2501.20004: left out thumbnail: "javascript:alert(1)" is not a Hugging Face thumbnail`,
        `${DAY}: paper 2501.20005: left out thumbnail: "https://user:pw@cdn-thumbnails.huggingface.co/x.png" is not a Hugging Face thumbnail`,
        `${DAY}: paper 2501.20006: left out thumbnail: "https://cdn-thumbnails.huggingface.co/x.png?{{site}}" is not a Hugging Face thumbnail`,
        `${DAY}: paper 2501.20007: left out thumbnail: 42 is not a Hugging Face thumbnail`,
      ]) {
        expect(warnings).toContainEqual(expect.stringContaining(expected))
      }
      expect(run.stdout).not.toMatch(/^::add-mask::/m)
      expect(run.stdout).not.toContain('9'.repeat(100))
    })

    const maybePsych = psych ? it : it.skip
    maybePsych('writes front matter that Psych reads back as the strings given', () => {
      const written = parseYaml(post.split('---\n')[1] as string) as { description: string }
      expect(written.description).toMatch(
        /^\d+ papers\. Most upvoted: Link attack 1: bidi \{\{ site\.title \}\} hidden ‹img src=x onerror=alert\(1\)› \(👍\u00a030\)/,
      )
      expect(readFrontMatter([join(run.workspace, POST)])).toEqual([
        {
          title: 'on',
          date: 'Time 2025-01-02 09:00:00 +0000',
          categories: ['Daily-Papers'],
          tags: ['huggingface', 'papers', 'daily', 'ai'],
          author: 'no',
          permalink: DAY,
          description: written.description,
          image: {
            path: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2501.20001%20%7B%7Bsite.title%7D%7D%27%22%29.png',
            alt: 'Link attack 1: bidi {{ site.title }} hidden ‹img src=x onerror=alert(1)›',
          },
        },
      ])
    })

    const maybeJekyll = jekyll ? it : it.skip
    maybeJekyll(
      'builds with Jekyll into a page with only its own elements, attributes and https links',
      () =>
        withBuiltPage({ [`${DAY}-daily-papers.md`]: post }, `${DAY}.html`, (page) => {
          expectInertPage('the bundled post', page)
          expect(header(page)).toBe('on | no')
          expect(hrefs(page)).toEqual(destinations(post))
          // Titles kramdown would read as a tag, a link definition, a footnote, emphasis: shown as text.
          const shown = textOf(page)
          for (const title of [
            'Unicode tags <é><img src=x onerror=alert(1)></é> in titles',
            'Thinking [Fast]: slow reasoning in LLMs',
            '^2: squared attention',
            'Deep___Learning___Now',
          ])
            expect(shown).toContain(title)
          if (style === 'classic')
            expect(shown).toContain('Eve <ü><script>alert(document.domain)</script></ü>')
          const emptyItems = elements(page).filter(
            (item) => item.tagName === 'li' && textOf(item).trim() === '',
          )
          expect(emptyItems).toHaveLength(0)
        }),
      120_000,
    )
  },
)

describe("the bundled action's job summary, given an organisation with a blank line", () => {
  it('shows the name as text: no link or image comes out of it', async () => {
    const markdown = '[click](https://evil.example/) ![x](https://evil.example/x.png) https://evil.example/'
    const organization = { name: 'org', fullname: `Org\n\n${markdown}` }
    const server = await startHfServer({
      days: new Map([[DAY, [{ paper: { id: '2501.30002', title: 'T', upvotes: 1, organization } }]]]),
    })
    try {
      const shown = await runAction({
        inputs: { date: DAY, mode: 'dry-run', 'hf-api-url': server.url },
      }).then((run) => showJobSummary(run.summary))
      expect(shown.links).toEqual(['https://huggingface.co/papers/2501.30002'])
      expect(shown.images).toEqual([])
      expect(shown.text).toContain(`Org ${markdown}`)
    } finally {
      await server.close()
    }
  })
})

describe('the bundled action, given megabyte-long hostile text', () => {
  // How long it takes (it once took minutes): npm run bench.
  it('renders a title and an abstract of 150,000 backslashes each', async () => {
    const slashes = '\\'.repeat(150_000)
    const server = await startHfServer({
      days: new Map([
        [DAY, [{ paper: { id: '2501.30001', title: slashes, summary: `${slashes}&amp;|{`, upvotes: 1 } }]],
      ]),
    })
    try {
      const slow = await runAction({
        inputs: { date: DAY, mode: 'files', style: 'classic', fields: 'abstract', 'hf-api-url': server.url },
        workspace: await mkdtemp(join(tmpdir(), 'workspace-')),
      })
      expect(slow.exitCode).toBe(0)
      const written = await readFile(join(slow.workspace, POST), 'utf8')
      expect(written).toContain(`**${'\\\\'.repeat(150_000)}** - 👍 1`)
    } finally {
      await server.close()
    }
  })
})
