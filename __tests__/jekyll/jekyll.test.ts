import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { cleanText, FIELDS, renderPost, selectPapers } from '../../src/digest/index.js'
import { parseDailyPapers, type Paper } from '../../src/source/paper.js'

/**
 * Posts rendered from every fixture day and from a hostile day, built by a real Jekyll with strict
 * Liquid and kramdown's GFM input; the HTML must show every title as text and contain nothing else.
 * Without `jekyll` on the machine the test is skipped, loudly; CI sets HF_DAILY_PAPERS_REQUIRE_JEKYLL.
 */
const jekyll = (() => {
  try {
    return execFileSync('jekyll', ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
})()
if (!jekyll) {
  if (process.env.HF_DAILY_PAPERS_REQUIRE_JEKYLL) throw new Error('jekyll is required here but not installed')
  console.warn('Skipping the Jekyll build test: install jekyll and ruby-kramdown-parser-gfm to run it.')
}

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const CONFIG = `markdown: kramdown
kramdown:
  input: GFM
strict_front_matter: true
liquid:
  error_mode: strict
  strict_variables: true
  strict_filters: true
permalink: /:year/:month/:day/:title/
defaults:
  - scope: { path: "" }
    values: { layout: post }
`
/** The elements and attributes a post legitimately has; anything else was injected. */
const ALLOWED: Record<string, string[]> = {
  html: [],
  head: [],
  body: [],
  article: [],
  h1: ['id'],
  h2: ['id'],
  p: [],
  strong: [],
  ol: [],
  ul: [],
  li: [],
  a: ['href'],
}

const fixtureDir = resolve(process.cwd(), '__tests__/fixtures')
const days: Array<{ day: string; language: 'en' | 'ko'; papers: Paper[] }> = []
let site: string

beforeAll(async () => {
  if (!jekyll) return
  site = await mkdtemp(join(tmpdir(), 'jekyll-site-'))
  await mkdir(join(site, '_posts'))
  await mkdir(join(site, '_layouts'))
  await writeFile(join(site, '_config.yml'), CONFIG)
  await writeFile(
    join(site, '_layouts/post.html'),
    '<html><body><article>{{ content }}</article></body></html>\n',
  )
  const sources = [
    ...(await readdir(join(fixtureDir, 'hf/daily'))).map((name) => join(fixtureDir, 'hf/daily', name)),
    ...(await readdir(join(fixtureDir, 'hostile'))).map((name) => join(fixtureDir, 'hostile', name)),
  ]
  for (const [index, file] of sources.entries()) {
    const language = index % 2 === 0 ? 'en' : 'ko'
    const day = file.slice(-15, -5)
    const { papers } = parseDailyPapers(JSON.parse(await readFile(file, 'utf8')), file)
    const ranked = selectPapers(papers, { minUpvotes: 0, keywords: [] })
    days.push({ day, language, papers: ranked })
    const post = renderPost(ranked, {
      language,
      title: `Daily Papers {{ site.title }} - ${day}`,
      date: `${day} 09:00:00 +0000`,
      categories: ['Daily Papers', '{% raw %}'],
      tags: ['ai'],
      fields: FIELDS,
    })
    await writeFile(join(site, '_posts', `${day}-daily-papers.md`), post)
  }
  await promisify(execFile)('jekyll', ['build', '--source', site, '--destination', join(site, '_site')], {
    timeout: 120_000,
  })
}, 180_000)
afterAll(async () => {
  if (site) await rm(site, { recursive: true, force: true })
})

/** kramdown's typography (“quotes”, – and —, …) turned back, to compare with the original text. */
const plain = (text: string) =>
  text
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/—/g, '---')
    .replace(/–/g, '--')
    .replace(/…/g, '...')
    .replace(/«/g, '<<')
    .replace(/»/g, '>>')
    .replace(/\s+/g, ' ')
    .trim()

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
}

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes.flatMap(elements) : []
  return 'tagName' in node ? [node as Element, ...children] : children
}

const maybe = jekyll ? describe : describe.skip
maybe(`a Jekyll build (${jekyll ?? 'jekyll missing'})`, () => {
  const page = async (day: string) =>
    parse(
      await readFile(
        join(site, '_site', day.slice(0, 4), day.slice(5, 7), day.slice(8, 10), 'daily-papers/index.html'),
        'utf8',
      ),
    )

  it('has a page for every fixture day and the hostile day', () => {
    expect(days.length).toBeGreaterThan(40)
  })

  it('injects no element or attribute, and links only to https', async () => {
    for (const { day } of days) {
      for (const element of elements(await page(day))) {
        expect([day, element.tagName, element.tagName in ALLOWED]).toEqual([day, element.tagName, true])
        for (const { name, value } of element.attrs) {
          expect([day, element.tagName, name, ALLOWED[element.tagName]?.includes(name)]).toEqual([
            day,
            element.tagName,
            name,
            true,
          ])
          if (name === 'href') expect(value).toMatch(/^https:\/\/[^\s]+$/)
        }
      }
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
