import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Paper } from '../../src/core/paper.js'
import { cleanText, selectPapers } from '../../src/digest/index.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import { stripVTControlCharacters } from 'node:util'
import { parse as parseHtml } from 'parse5'
import { parse as parseYaml } from 'yaml'
import { runAction } from '../support/run-action.js'
import { ACTION_PLACEHOLDER, inputsOf, readWorkflow, stepsOf } from '../support/workflows.js'
import { chirpyGemPath, missingPrerequisites, writeSite, type SiteOptions } from './chirpy-site.js'
import { useChirpyFixture } from './chirpy-fixture.js'
import { plain } from '../jekyll/site.js'
import { elements, homeCards, textOf, viewPost } from './reader.js'

/**
 * The bundled action's posts on a real Chirpy 7.3 site: with the default inputs (a daily backfill,
 * two weeks, two months) and with the Korean recipe of examples/chirpy-korean.yml. The site must
 * pass html-proofer as Chirpy's CI runs it, and every post must have its own URL: Chirpy's permalink
 * `/posts/:title/` has no date, so posts with the same slug end up behind one URL (Jekyll only warns
 * "Conflict", and html-proofer does not notice). Mandatory where HF_DAILY_PAPERS_REQUIRE_CHIRPY is set.
 */
const gem = chirpyGemPath()
const missing = missingPrerequisites(gem)
if (missing.length > 0) {
  const lacking = `missing ${missing.join('; ')}`
  if (process.env.HF_DAILY_PAPERS_REQUIRE_CHIRPY)
    throw new Error(`The Chirpy site test is required here: ${lacking}`)
  console.warn(`Skipping the Chirpy site test: ${lacking}.`)
}

interface Site {
  name: string
  style: 'digest' | 'classic'
  options: SiteOptions
  /** One run of the action each, besides `mode: files` and the stand-in's URL. */
  runs: Array<Record<string, string>>
  posts: number
}

/** The `with:` of the recipe's step, less what only concerns publishing. */
function koreanRecipe(): Record<string, string> {
  const file = 'examples/chirpy-korean.yml'
  const step = stepsOf(readWorkflow(file)).find((candidate) => candidate.uses === ACTION_PLACEHOLDER)
  if (!step) throw new Error(`${file} has no step that uses ${ACTION_PLACEHOLDER}`)
  const inputs = inputsOf(step)
  delete inputs['dispatch-workflow']
  return inputs
}

const DAYS = '2025-11-17..2025-11-28'
const SITES: Site[] = [
  {
    name: 'the default inputs',
    style: 'digest',
    options: { lang: 'en', timezone: 'UTC' },
    runs: [
      { date: DAYS },
      { digest: 'weekly', date: '2025-11-17' },
      { digest: 'weekly', date: '2025-11-24' },
      { digest: 'monthly', date: '2024-01-15' },
      { digest: 'monthly', date: '2025-11-15' },
    ],
    posts: 10 + 2 + 2,
  },
  {
    name: 'the Korean recipe',
    style: 'classic',
    options: { lang: 'ko-KR', timezone: 'Asia/Seoul', authors: { lim4349: 'lim4349' } },
    runs: [{ ...koreanRecipe(), date: DAYS }],
    posts: 10,
  },
]

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
}

/** Post page (relative to _site) → the title its layout shows (`<h1 data-toc-skip>`, Chirpy's post header). */
async function postPages(site: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>()
  for (const file of await htmlFiles(join(site, '_site'))) {
    const heading = elements(parseHtml(await readFile(file, 'utf8'))).find(
      (element) => element.tagName === 'h1' && element.attrs.some((attr) => attr.name === 'data-toc-skip'),
    )
    if (heading) pages.set(relative(join(site, '_site'), file), textOf(heading).trim())
  }
  return pages
}

const frontMatterOf = (post: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(post)?.[1] ?? '') as unknown
const frontMatterTitle = (post: string) => String((frontMatterOf(post) as { title?: unknown }).title)
/** Chirpy's `/posts/:title/`: the file name after its date. */
const slugOf = (file: string) => file.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')
/** Letters and digits alone: kramdown's typography and the page's line breaks do not matter. */
const letters = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '')
/** The day's papers as the stand-in serves them, ranked as the post shows them. */
function rankedPapers(day: string): Paper[] {
  const file = resolve(process.cwd(), '__tests__/fixtures/hf/daily', `${day}.json`)
  const { papers } = parseDailyPapers(JSON.parse(readFileSync(file, 'utf8')), file)
  return selectPapers(papers, { minUpvotes: 0, keywords: [] })
}

const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index)

const maybe = missing.length === 0 ? describe : describe.skip
maybe('a Chirpy 7.3 site', () => {
  const fixture = useChirpyFixture(gem)

  describe.each(SITES)('built from the posts of $name', ({ style, options, runs, posts }) => {
    let site: string
    let titles: string[]
    let buildLog: string

    beforeAll(async () => {
      site = await mkdtemp(join(tmpdir(), 'chirpy-site-'))
      await writeSite(site, options)
      for (const inputs of runs) {
        const run = await runAction({
          inputs: { ...inputs, mode: 'files', 'hf-api-url': fixture.hf.url },
          workspace: site,
        })
        if (run.exitCode !== 0)
          throw new Error(`the action failed on ${JSON.stringify(inputs)}:\n${run.stdout}`)
      }
      const files = await readdir(join(site, '_posts'))
      titles = await Promise.all(
        files.map(async (file) => frontMatterTitle(await readFile(join(site, '_posts', file), 'utf8'))),
      )
      buildLog = await fixture.sites.build(site)
    }, 180_000)
    afterAll(async () => {
      if (site) await rm(site, { recursive: true, force: true })
    })

    it('has a post for every day with papers, week and month', () => {
      expect(titles).toHaveLength(posts)
      expect(duplicates(titles)).toEqual([])
    })

    it('builds without a Jekyll "Conflict"', () => {
      // "Conflict: The following destination is shared by multiple files.", a line of advice, the destination.
      const destinations = [...stripVTControlCharacters(buildLog).matchAll(/Conflict:.*\n.*\n\s*(\S+)/g)]
      expect(destinations.map((match) => match[1])).toEqual([])
    })

    it('gives every post its own URL, showing that post', async () => {
      const pages = await postPages(site)
      const shown = [...pages.values()]
      expect(titles.filter((title) => !shown.includes(title)).sort()).toEqual([])
      expect(pages.size).toBe(posts)
      const sitemap = await readFile(join(site, '_site/sitemap.xml'), 'utf8')
      const urls = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] as string)
      expect(duplicates(urls)).toEqual([])
      expect(urls.filter((url) => /\s|%20/.test(url))).toEqual([])
    })

    // What a reader gets from the digest style; the Korean recipe's classic posts have none of it.
    const digestIt = (name: string, test: () => Promise<void>) => {
      if (style === 'digest') it(name, test)
    }
    digestIt(
      'gives the reader of each daily post a description, a picture, linked headings and folded abstracts',
      async () => {
        const files = (await readdir(join(site, '_posts'))).filter((file) => file.includes('-daily-papers-'))
        expect(files.length).toBeGreaterThan(5)
        for (const file of files) {
          const post = await readFile(join(site, '_posts', file), 'utf8')
          const front = frontMatterOf(post) as { title: string; description: string; image: { path: string } }
          const view = viewPost(await readFile(join(site, '_site/posts', slugOf(file), 'index.html'), 'utf8'))
          const papers = rankedPapers(file.slice(0, 10))
          const [top] = papers
          const shown = papers.slice(0, 5)
          expect([file, view.description]).toEqual([file, front.description])
          expect(view.description).not.toBe(front.title)
          expect(view.description).toContain(cleanText(top?.title ?? ''))
          expect([file, view.image]).toEqual([file, top?.thumbnail])
          expect([file, view.bodyH1s]).toEqual([file, 0])
          expect(view.paperHeadings.map(([text, href]) => [plain(text), href])).toEqual(
            shown.map((paper) => [
              plain(cleanText(paper.title)),
              `https://huggingface.co/papers/${paper.id}`,
            ]),
          )
          expect(view.folds).toBe(shown.length)
          for (const paper of papers) {
            expect([
              file,
              paper.id,
              letters(view.unfolded).includes(letters(paper.summary).slice(0, 80)),
            ]).toEqual([file, paper.id, false])
          }
        }
      },
    )

    digestIt(
      'shows each post picture on its home card, and a week and a month just ended first',
      async () => {
        const cards = homeCards(await readFile(join(site, '_site/index.html'), 'utf8'))
        const pictured = cards.filter((card) => card.href?.startsWith('/posts/daily-papers-'))
        expect(pictured.length).toBeGreaterThan(5)
        for (const card of pictured) {
          const file = (await readdir(join(site, '_posts'))).find(
            (name) => card.href === `/posts/${slugOf(name)}/`,
          )
          const front = frontMatterOf(await readFile(join(site, '_posts', file as string), 'utf8')) as {
            image: { path: string }
          }
          expect([card.href, card.image]).toEqual([card.href, front.image.path])
        }
        expect(
          cards
            .slice(0, 2)
            .map((card) => card.href)
            .sort(),
        ).toEqual(['/posts/monthly-papers-2025-11/', '/posts/weekly-papers-2025-W48/'])
      },
    )

    digestIt("links each paper of a week to that day's post", async () => {
      const week = parseHtml(
        await readFile(join(site, '_site/posts/weekly-papers-2025-W48/index.html'), 'utf8'),
      )
      const days = elements(week)
        .filter((element) => element.tagName === 'a')
        .map((link) => link.attrs.find((attr) => attr.name === 'href')?.value ?? '')
        .filter((href) => href.startsWith('/posts/daily-papers-'))
      expect(new Set(days)).toEqual(
        new Set(['24', '25', '26', '27', '28'].map((day) => `/posts/daily-papers-2025-11-${day}/`)),
      )
    })

    it("passes html-proofer as Chirpy's CI runs it", async () => {
      const proof = await fixture.sites.proof(site)
      expect([proof.exitCode, proof.log]).toEqual([
        0,
        expect.stringContaining('HTML-Proofer finished successfully'),
      ])
    })
  })
})
