/**
 * A throw-away Jekyll site for posts, built with strict Liquid and kramdown's GFM input as Chirpy is,
 * and what a built page may contain. Shared by the Jekyll build test and the bundle's attack replay.
 */
import { expect } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']
type Page = DefaultTreeAdapterMap['document']

/**
 * `jekyll <version>` as `jekyll --version` prints it, or undefined when Jekyll is missing: the caller's
 * tests are then skipped, loudly, unless HF_DAILY_PAPERS_REQUIRE_JEKYLL (set in CI) makes that an error.
 * The version is RubyGems': `jekyll --version` loads Jekyll first, a third of a second of CPU for each
 * of the three files that ask.
 */
export function findJekyll(): string | undefined {
  try {
    const version = 'print "jekyll #{Gem::Specification.find_by_name("jekyll").version}"'
    return execFileSync('ruby', ['-e', version], { encoding: 'utf8', stdio: 'pipe' })
  } catch {
    if (process.env.HF_DAILY_PAPERS_REQUIRE_JEKYLL)
      throw new Error('jekyll is required here but not installed')
    console.warn('Skipping a Jekyll build test: install jekyll and ruby-kramdown-parser-gfm to run it.')
    return undefined
  }
}

/** Site data a Liquid injection would print: none of it may appear in a page. */
export const MARKERS = { siteTitle: 'SITE-TITLE-MARKER', data: 'DATA-FILE-MARKER', config: 'CONFIG-MARKER' }

const CONFIG = `title: ${MARKERS.siteTitle}
description: ${MARKERS.config}
markdown: kramdown
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
    values: { layout: post, description: "", image: "" }
`
/**
 * Prints the front matter's title and author (escaped, as a theme should), then the description and
 * the image as Chirpy 7.3 does (the description and the caption as they are, unescaped), then the post.
 * Strict Liquid refuses an undefined variable: the config's defaults give every post an empty
 * description and image.
 */
const LAYOUT = [
  '<html><body><header>{{ page.title | escape }} | {{ page.author | escape }}</header>',
  '{% if page.description != "" %}<p>{{ page.description }}</p>{% endif %}',
  '{% if page.image != "" %}<figure><img src="{{ page.image.path }}" alt="{{ page.image.alt | xml_escape }}">',
  '<figcaption>{{ page.image.alt }}</figcaption></figure>{% endif %}',
  '<article>{{ content }}</article></body></html>\n',
].join('')

export interface Site {
  /** A built page, parsed: `2025/01/02/daily-papers/index.html` (see {@link dailyPage}), or `off.html`. */
  page(path: string): Promise<Page>
  remove(): Promise<void>
}

/** Where the site's permalink puts `_posts/<day>-<slug>.md`. */
export function dailyPage(day: string, slug = 'daily-papers'): string {
  return `${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/${slug}/index.html`
}

/** How a Jekyll is run: the program, and the arguments before `build`. */
export interface JekyllCommand {
  program: string
  args: string[]
}

/** Debian's Jekyll (4.3), the one {@link findJekyll} names. */
export const JEKYLL = { program: 'jekyll', args: [] }

const JEKYLL_3_FIXTURES = resolve(process.cwd(), '__tests__/fixtures/jekyll-3')
const JEKYLL_3_SOURCES = ['jekyll-3.10.0', 'liquid-4.0.4', 'safe_yaml-1.0.5']

/**
 * Ruby's `-I` for Jekyll 3.10.0 with the Liquid and safe_yaml GitHub Pages runs it with, from their
 * sources kept in `__tests__/fixtures/jekyll-3` (its README tells how), unpacked into `folder`; Debian's
 * gems give the rest.
 */
export async function unpackJekyll3Libraries(folder: string): Promise<string[]> {
  for (const name of JEKYLL_3_SOURCES) {
    await promisify(execFile)('tar', ['-xzf', join(JEKYLL_3_FIXTURES, `${name}.tar.gz`), '-C', folder])
  }
  return JEKYLL_3_SOURCES.flatMap((name) => ['-I', join(folder, name, 'lib')])
}

/** Jekyll 3.10.0 as GitHub Pages runs it, unpacked into `folder`. */
export async function unpackJekyll3(folder: string): Promise<JekyllCommand> {
  const libraries = await unpackJekyll3Libraries(folder)
  return { program: 'ruby', args: [...libraries, join(folder, 'jekyll-3.10.0/exe/jekyll')] }
}

/** Writes the posts (file name or path → content) into a new site and builds it. */
export async function buildSite(
  posts: Record<string, string>,
  jekyll: JekyllCommand = JEKYLL,
): Promise<Site> {
  const root = await mkdtemp(join(tmpdir(), 'jekyll-site-'))
  for (const folder of ['_posts', '_layouts', '_data']) await mkdir(join(root, folder))
  await writeFile(join(root, '_config.yml'), CONFIG)
  await writeFile(join(root, '_data/secret.yml'), `marker: ${MARKERS.data}\n`)
  await writeFile(join(root, '_layouts/post.html'), LAYOUT)
  for (const [name, content] of Object.entries(posts)) {
    // A path (`news/_posts/…`) is the site's; a bare name is a post of `_posts`.
    const file = name.includes('/') ? join(root, name) : join(root, '_posts', name)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, content)
  }
  const build = ['build', '--source', root, '--destination', join(root, '_site')]
  await promisify(execFile)(jekyll.program, [...jekyll.args, ...build], {
    timeout: 120_000,
    // Ruby reads the posts in the locale's encoding: without one (US-ASCII) Jekyll 3 fails on their emoji.
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  })
  return {
    page: async (path) => parse(await readFile(join(root, '_site', path), 'utf8')),
    remove: () => rm(root, { recursive: true, force: true }),
  }
}

/** Builds a site of the posts, checks its page at `path` (see {@link Site.page}), and removes the site. */
export async function withBuiltPage(
  posts: Record<string, string>,
  path: string,
  check: (page: Page) => void | Promise<void>,
): Promise<void> {
  const site = await buildSite(posts)
  try {
    await check(await site.page(path))
  } finally {
    await site.remove()
  }
}

/**
 * The elements and attributes a post legitimately has, with the values an attribute may take; anything
 * else was injected. The digest style adds its headings, the fold (`<details>`, `<summary>`), the
 * TL;DR's prompt class and the compact list's first number.
 */
const ALLOWED: Record<string, Record<string, RegExp>> = {
  html: {},
  head: {},
  body: {},
  header: {},
  article: {},
  h1: { id: /^[\p{L}\p{N}_-]*$/u },
  h2: { id: /^[\p{L}\p{N}_-]*$/u },
  h3: { id: /^[\p{L}\p{N}_-]*$/u },
  p: {},
  strong: {},
  em: {},
  blockquote: { class: /^prompt-tip$/ },
  details: {},
  summary: {},
  ol: { start: /^\d+$/ },
  ul: {},
  li: {},
  a: { href: /./ },
  figure: {},
  figcaption: {},
  img: { src: /^https:\/\/cdn-thumbnails\.huggingface\.co\/[A-Za-z0-9\-./%]*$/, alt: /./ },
}

/** An https link made only of characters that can end or extend nothing in markdown, kramdown or Liquid. */
export const SAFE_HREF = /^https:\/\/[a-z0-9.-]+\/[A-Za-z0-9\-./:?#=+,;@!%&]*$/

/**
 * Fails unless the page has only the post's own elements and attributes, links only to safe https
 * URLs, and prints no site data, page data or file through Liquid.
 */
export function expectInertPage(label: string, page: Page): void {
  for (const element of elements(page)) {
    expect([label, element.tagName, element.tagName in ALLOWED]).toEqual([label, element.tagName, true])
    for (const { name, value } of element.attrs) {
      const allowed = ALLOWED[element.tagName]?.[name]
      expect([label, element.tagName, name, value, allowed?.test(value)]).toEqual([
        label,
        element.tagName,
        name,
        value,
        true,
      ])
      if (name === 'href') expect([label, value]).toEqual([label, expect.stringMatching(SAFE_HREF)])
    }
  }
  const html = serialize(page)
  for (const leak of [...Object.values(MARKERS), '_posts/', 'strict_front_matter']) {
    expect([label, leak, html.includes(leak)]).toEqual([label, leak, false])
  }
}

export function hrefs(page: Node): Array<string | undefined> {
  return elements(page)
    .filter((element) => element.tagName === 'a')
    .map((element) => element.attrs.find((attr) => attr.name === 'href')?.value)
}

/** The text of the layout's header: `<title> | <author>` as Jekyll read them from the front matter. */
export function header(page: Node): string | undefined {
  const found = elements(page).find((element) => element.tagName === 'header')
  return found && textOf(found)
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
}

export function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes.flatMap(elements) : []
  return 'tagName' in node ? [node, ...children] : children
}

/** kramdown's typography (“quotes”, – and —, …) turned back, to compare with the original text. */
export const plain = (text: string) =>
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
