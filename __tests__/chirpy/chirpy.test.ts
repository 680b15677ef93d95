import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5'
import { parse as parseYaml } from 'yaml'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { runAction } from '../support/run-action.js'
import { ACTION_PLACEHOLDER, inputsOf, readWorkflow, stepsOf } from '../support/workflows.js'
import {
  buildSite,
  chirpyGemPath,
  installTheme,
  missingPrerequisites,
  proofSite,
  writeSite,
  type SiteOptions,
} from './chirpy-site.js'

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
    options: { lang: 'ko-KR', timezone: 'Asia/Seoul', authors: { lim4349: 'lim4349' } },
    runs: [{ ...koreanRecipe(), date: DAYS }],
    posts: 10,
  },
]

type Node = DefaultTreeAdapterMap['node']
const textOf = (node: Node): string =>
  node.nodeName === '#text'
    ? (node as DefaultTreeAdapterMap['textNode']).value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : ''
const elements = (node: Node): DefaultTreeAdapterMap['element'][] => [
  ...('tagName' in node ? [node] : []),
  ...('childNodes' in node ? node.childNodes.flatMap(elements) : []),
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

const frontMatterTitle = (post: string) =>
  String((parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(post)?.[1] ?? '') as { title?: unknown }).title)

const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index)

let hf: HfServer
let gemHome: string
let jekyllEnv: NodeJS.ProcessEnv

const maybe = missing.length === 0 ? describe : describe.skip
maybe('a Chirpy 7.3 site', () => {
  beforeAll(async () => {
    hf = await startHfServer()
    gemHome = await mkdtemp(join(tmpdir(), 'chirpy-gems-'))
    jekyllEnv = await installTheme(gem, gemHome)
  }, 120_000)
  afterAll(async () => {
    await hf?.close()
    if (gemHome) await rm(gemHome, { recursive: true, force: true })
  })

  describe.each(SITES)('built from the posts of $name', ({ options, runs, posts }) => {
    let site: string
    let titles: string[]
    let buildLog: string

    beforeAll(async () => {
      site = await mkdtemp(join(tmpdir(), 'chirpy-site-'))
      await writeSite(site, options)
      for (const inputs of runs) {
        const run = await runAction({
          inputs: { ...inputs, mode: 'files', 'hf-api-url': hf.url },
          workspace: site,
        })
        if (run.exitCode !== 0)
          throw new Error(`the action failed on ${JSON.stringify(inputs)}:\n${run.stdout}`)
      }
      const files = await readdir(join(site, '_posts'))
      titles = await Promise.all(
        files.map(async (file) => frontMatterTitle(await readFile(join(site, '_posts', file), 'utf8'))),
      )
      buildLog = await buildSite(site, jekyllEnv)
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

    it("passes html-proofer as Chirpy's CI runs it", async () => {
      const proof = await proofSite(site)
      expect([proof.exitCode, proof.log]).toEqual([
        0,
        expect.stringContaining('HTML-Proofer finished successfully'),
      ])
    })
  })
})
