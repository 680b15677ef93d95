import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { FIELDS } from '../../src/core/fields.js'
import { LANGUAGE_TAGS, type LanguageTag } from '../../src/core/languages.js'
import { cleanText, renderPost, selectPapers } from '../../src/digest/index.js'
import type { Paper } from '../../src/core/paper.js'
import { safeHttpsUrl } from '../../src/core/safe-url.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import {
  buildSite,
  dailyPage,
  elements,
  expectInertPage,
  findJekyll,
  header,
  hrefs,
  plain,
  SAFE_HREF,
  textOf,
  type Site,
} from './site.js'

/**
 * Posts rendered from every fixture day and from a hostile day, in both styles, built by a real Jekyll
 * with strict Liquid and kramdown's GFM input, every field shown; the HTML must show every title as
 * text and contain nothing else. Without `jekyll` on the machine the test is skipped, loudly; CI sets
 * HF_DAILY_PAPERS_REQUIRE_JEKYLL.
 */
const jekyll = findJekyll()

/**
 * Titles and authors that YAML 1.1 or Psych would read as something else (or fail on) if written plain,
 * one per day in turn; the layout prints both, so each must arrive as the cleaned string.
 */
const FRONT_MATTER_VALUES = [
  'on',
  'Yes',
  'No',
  'off',
  'y',
  'n',
  '1:30',
  '0b101',
  '0x1F',
  '1_000',
  '1,000',
  '.5',
  '~',
  'null',
  '2025-12-24',
  '2025-12-24 09:00:00 +0900',
  ':symbol',
  'no',
  'TRUE',
  '.inf',
  '017',
  '=',
  'Papers\u2029of the day',
  '\u202eevil\u061c\u200b title\ufeff',
]

/** Every link the hostile day may show, in page order: its papers' own, encoded; nothing an attack added. */
const HOSTILE_DAY_LINKS = [
  ...papersLinks('2501.20001', [], ['https://example.com/#x%29%7B:onclick=%27alert%281%29%27%7D']),
  ...papersLinks(
    '2501.20002',
    [],
    ['https://example.com/#x%29%7B:style=%22position:fixed;top:0;left:0;width:100%25;height:100%25%22%7D'],
  ),
  ...papersLinks('2501.20003', [], ['https://example.com/#x%29%7B:href=%27javascript:alert%281%29%27%7D']),
  ...papersLinks('2501.20004', [], ['https://example.com/?q=%7B%7Bsite%7Cjsonify%7D%7D']),
  ...papersLinks('2501.20005', [], ['https://example.com/?p=%7B%7Bpage.path%7D%7D&t=%7B%7Bsite.title%7D%7D']),
  ...papersLinks('2501.20006', [], ['https://example.com/#%7B%25comment%25%7D']),
  ...papersLinks('2501.20007', [], ['https://example.com/#%7B%25raw%25%7D']),
  ...papersLinks(
    '2501.20008',
    [],
    ['https://example.com/%7B%25%20include%5Frelative%20/%5Fconfig.yml%20%25%7D'],
  ),
  ...papersLinks(
    '2501.20009',
    ['https://github.com/ok-owner/ok%5Frepo'],
    ['https://example.com/a%20b%22c%27%3Cd%3E%5Be%5D%2Af%2A%5Fg%5F%7Eh%7E%24%24i%24%24%7Cj%7C/k%60l%60'],
  ),
  ...papersLinks('2501.20010', [], ['https://example.com/?a%26#123;%26#x7b;%26amp;']),
  ...papersLinks('2501.20011', ['https://github.com/Owner/Repo'], ['https://example.com/ok']),
  ...papersLinks('2501.20012', [], []),
  ...papersLinks('2501.20013', [], []),
  ...papersLinks('2501.20014', [], []),
  ...papersLinks('2501.10001', [], []),
  ...papersLinks('2501.10002', ['https://github.com/ok/repo'], ['https://example.org/project']),
]

/**
 * The links the digest style shows outside the folds: the top five papers' linked title and meta line
 * (Hugging Face, arXiv, PDF, GitHub, project page, comments), the others' linked title and GitHub.
 */
function digestLinks(papers: readonly Paper[]): string[] {
  return papers.flatMap((paper, rank) => {
    const page = `https://huggingface.co/papers/${paper.id}`
    const github = safeHttpsUrl(paper.githubRepo)
    if (rank >= 5) return [page, ...(github ? [github] : [])]
    const project = safeHttpsUrl(paper.projectPage)
    return [
      page,
      page,
      `https://arxiv.org/abs/${paper.id}`,
      `https://arxiv.org/pdf/${paper.id}`,
      ...(github ? [github] : []),
      ...(project ? [project] : []),
      ...(paper.numComments ? [`${page}#community`] : []),
    ]
  })
}

function papersLinks(id: string, github: string[], projectPage: string[]): string[] {
  return [
    `https://huggingface.co/papers/${id}`,
    `https://arxiv.org/abs/${id}`,
    `https://arxiv.org/pdf/${id}`,
    ...github,
    ...projectPage,
  ]
}

const fixtureDir = resolve(process.cwd(), '__tests__/fixtures')
const days: Array<{ day: string; language: LanguageTag; papers: Paper[]; title: string; author: string }> = []
let site: Site | undefined

beforeAll(async () => {
  if (!jekyll) return
  const sources = [
    ...(await readdir(join(fixtureDir, 'hf/daily'))).map((name) => join(fixtureDir, 'hf/daily', name)),
    ...(await readdir(join(fixtureDir, 'hostile'))).map((name) => join(fixtureDir, 'hostile', name)),
  ]
  const posts: Record<string, string> = {}
  for (const [index, file] of sources.entries()) {
    // Every language in turn: each script's punctuation beside the hostile texts, through kramdown.
    const language = LANGUAGE_TAGS[index % LANGUAGE_TAGS.length] as LanguageTag
    const day = file.slice(-15, -5)
    const { papers } = parseDailyPapers(JSON.parse(await readFile(file, 'utf8')), file)
    const ranked = selectPapers(papers, { minUpvotes: 0, keywords: [] })
    const value = FRONT_MATTER_VALUES[index % FRONT_MATTER_VALUES.length] as string
    const title = index % 2 === 0 ? `Daily Papers {{ site.title }} - ${day}` : value
    days.push({ day, language, papers: ranked, title, author: value })
    const options = {
      language,
      title,
      date: `${day} 09:00:00 +0000`,
      categories: ['Daily Papers', '{% raw %}'],
      tags: ['ai'],
      author: value,
      fields: FIELDS,
      description: true,
      image: true,
    }
    posts[`${day}-daily-papers.md`] = renderPost(ranked, { ...options, style: 'classic' })
    posts[`${day}-digest-papers.md`] = renderPost(ranked, { ...options, style: 'digest', topPapers: 5 })
  }
  site = await buildSite(posts)
}, 180_000)
afterAll(async () => {
  await site?.remove()
})

const maybe = jekyll ? describe : describe.skip
maybe(`a Jekyll build (${jekyll ?? 'jekyll missing'})`, () => {
  const page = (day: string) => (site as Site).page(dailyPage(day))
  const digestPage = (day: string) => (site as Site).page(dailyPage(day, 'digest-papers'))

  it('has a page for every fixture day and the hostile day', () => {
    expect(days.length).toBeGreaterThan(40)
  })

  it('injects no element, attribute or Liquid output, and links only to safe https URLs', async () => {
    for (const { day } of days) {
      expectInertPage(day, await page(day))
      expectInertPage(`${day} (digest)`, await digestPage(day))
    }
  })

  it('reads every title and author from the front matter as the string written', async () => {
    for (const { day, title, author } of days) {
      expect([day, header(await page(day))]).toEqual([day, `${cleanText(title)} | ${cleanText(author)}`])
      expect([day, header(await digestPage(day))]).toEqual([
        day,
        `${cleanText(title)} | ${cleanText(author)}`,
      ])
    }
  })

  it('shows the hostile day with exactly its own links, encoded', async () => {
    expect(hrefs(await page('2025-01-02'))).toEqual(HOSTILE_DAY_LINKS)
  })

  it("shows the hostile day in the digest style with its papers' own links, and https links from abstracts only in the fold", async () => {
    const hostile = days.find(({ day }) => day === '2025-01-02') as (typeof days)[number]
    const digest = await digestPage('2025-01-02')
    const folded = new Set(
      elements(digest)
        .filter((element) => element.tagName === 'details')
        .flatMap(hrefs),
    )
    const own = hrefs(digest).filter((href) => !folded.has(href))
    expect(own).toEqual(digestLinks(hostile.papers))
    for (const href of folded) expect(href).toMatch(SAFE_HREF)
  })

  it('shows every title in the digest style as a link to its Hugging Face page, in rank order', async () => {
    for (const { day, papers } of days) {
      const shown = elements(await digestPage(day))
        .filter((element) => element.tagName === 'h3' || element.tagName === 'li')
        .flatMap((element) =>
          element.childNodes.filter((child) => 'tagName' in child && child.tagName === 'a').slice(0, 1),
        )
        .map((link) => [plain(textOf(link)), hrefs(link)[0]])
      expect([day, shown]).toEqual([
        day,
        papers.map((paper) => [plain(cleanText(paper.title)), `https://huggingface.co/papers/${paper.id}`]),
      ])
    }
  })

  it('shows every title, and the hostile texts, as text', async () => {
    for (const { day, papers } of days) {
      const titles = elements(await page(day))
        .filter((element) => element.tagName === 'li')
        .flatMap((item) =>
          item.childNodes.filter((child) => 'tagName' in child && child.tagName === 'strong'),
        )
        .map((strong) => plain(textOf(strong)))
      expect(titles).toEqual(papers.map((paper) => plain(cleanText(paper.title))))
    }
    const hostile = plain(textOf(await page('2025-01-02')))
    for (const text of [
      '{{ site.github }} and {% include x.html %} and {% endraw %} {% raw %}',
      '$$x^2$$ {: .class onclick="x"} | a | b | |---|---| <script>alert(1)</script> <img src=x onerror=alert(1)>',
      '[x](javascript:alert(1)) ![i](http://x/y.png) ~~s~~ Q&A &amp; evil *bold* _it_ `code` \\ back\\slash',
      'Org {{ 7 * 7 }} <em>x</em>',
      "{%- liquid echo 'x' -%} {{- 'y' -}} [link](https://evil.example) <a href=\"https://evil.example\">a</a>",
    ]) {
      expect(hostile).toContain(plain(text))
    }
  })
})
