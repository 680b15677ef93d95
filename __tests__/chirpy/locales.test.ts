import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseHtml } from 'parse5'
import { parse as parseYaml } from 'yaml'
import pMap from 'p-map'
import { runCli } from '../../src/cli/run.js'
import { LANGUAGE_TAGS, type LanguageTag } from '../../src/core/languages.js'
import { CHIRPY_LANG } from '../support/locale-posts.js'
import { runAction } from '../support/run-action.js'
import { chirpyGemPath, missingPrerequisites, writeSite } from './chirpy-site.js'
import { useChirpyFixture } from './chirpy-fixture.js'
import { attribute, elements, viewPost } from './reader.js'

/**
 * Each language's daily, weekly and monthly post, written with the default inputs, on a Chirpy 7.3 site
 * whose `lang` is that language's locale file: one site per language, since a site has one `lang`. Each
 * must build, pass html-proofer and show its own words. Skipped where the Chirpy site test is
 * (chirpy.test.ts).
 */
const gem = chirpyGemPath()
const missing = missingPrerequisites(gem)

/**
 * Three days by the bundled action, as a runner runs it; then their week and their month by the same
 * pipeline in this process, through the CLI's front door (`hf-daily-papers --out`), on the same
 * workspace: the language's words are in the bundle either way, and a run of the bundle costs a third
 * of a second of CPU, 22 of them this file's largest cost. Default inputs but the language.
 */
const DAYS = { date: '2025-11-24..2025-11-26' }
const PERIODS: Array<Record<string, string>> = [
  { digest: 'weekly', date: '2025-11-24' },
  { digest: 'monthly', date: '2025-11-15' },
]

/** A language's site, built, with what its checks read; html-proofer's verdict on it. */
interface LanguageSite {
  dir: string
  posts: string[]
  searchHint: string
  proof: { exitCode: number; log: string }
}

/**
 * Sites built at once: each site's chain (the action, the CLI, Jekyll, html-proofer) waits on child
 * processes, so a few side by side keep both cores busy where one at a time would leave one idle.
 */
const SITES_AT_ONCE = 3

const maybe = missing.length === 0 ? describe : describe.skip
maybe('a Chirpy 7.3 site in each language', () => {
  const fixture = useChirpyFixture(gem)
  const dirs: string[] = []
  /** Each language's site, or why it could not be built: that language's tests fail with it. */
  const sites = new Map<LanguageTag, LanguageSite | Error>()
  const siteOf = (language: LanguageTag): LanguageSite => {
    const site = sites.get(language)
    if (site === undefined || site instanceof Error) throw site ?? new Error(`no site for ${language}`)
    return site
  }

  async function buildLanguageSite(language: LanguageTag): Promise<LanguageSite> {
    const dir = await mkdtemp(join(tmpdir(), `chirpy-${language}-`))
    dirs.push(dir)
    await writeSite(dir, { lang: CHIRPY_LANG[language], timezone: 'UTC' })
    const run = await runAction({
      inputs: { ...DAYS, language, mode: 'files', 'hf-api-url': fixture.hf.url },
      workspace: dir,
    })
    if (run.exitCode !== 0) throw new Error(`the action failed on ${JSON.stringify(DAYS)}:\n${run.stdout}`)
    for (const inputs of PERIODS) {
      const flags = Object.entries({ ...inputs, language, 'hf-api-url': fixture.hf.url })
      let log = ''
      const append = (text: string) => void (log += text)
      const code = await runCli(
        [...flags.flatMap(([name, value]) => [`--${name}`, value]), '--out', dir],
        {},
        {
          stdout: append,
          stderr: append,
          stdoutReadByRunner: false,
        },
      )
      if (code !== 0) throw new Error(`hf-daily-papers failed on ${JSON.stringify(inputs)}:\n${log}`)
    }
    const posts = (await readdir(join(dir, '_posts'))).sort()
    const locale = join(
      fixture.gemHome,
      'gems/jekyll-theme-chirpy-7.3.0/_data/locales',
      `${CHIRPY_LANG[language]}.yml`,
    )
    const { hint } = (parseYaml(await readFile(locale, 'utf8')) as { search: { hint: string } }).search
    // Liquid's capitalize is Ruby's: the first letter up, the rest down.
    const searchHint = `${hint.charAt(0).toUpperCase()}${hint.slice(1).toLowerCase()}`
    await fixture.sites.build(dir)
    return { dir, posts, searchHint, proof: await fixture.sites.proof(dir) }
  }

  beforeAll(async () => {
    await pMap(
      LANGUAGE_TAGS,
      async (language) => {
        sites.set(language, await buildLanguageSite(language).catch((error: Error) => error))
      },
      { concurrency: SITES_AT_ONCE },
    )
  }, 600_000)
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  describe.each(LANGUAGE_TAGS)('%s', (language) => {
    it('shows its daily, weekly and monthly posts in the language of the site', async () => {
      const { dir: site, posts, searchHint } = siteOf(language)
      expect(posts.map((file) => file.replace(/^\d{4}-\d{2}-\d{2}-/, '')).sort()).toEqual([
        'daily-papers-2025-11-24.md',
        'daily-papers-2025-11-25.md',
        'daily-papers-2025-11-26.md',
        'monthly-papers-2025-11.md',
        'weekly-papers-2025-W48.md',
      ])
      for (const file of posts) {
        const post = await readFile(join(site, '_posts', file), 'utf8')
        const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(post)?.[1] ?? '') as { description: string }
        const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '')
        const html = await readFile(join(site, '_site/posts', slug, 'index.html'), 'utf8')
        const root = elements(parseHtml(html)).find((element) => element.tagName === 'html')
        const view = viewPost(html)
        expect([file, root && attribute(root, 'lang')]).toEqual([file, CHIRPY_LANG[language]])
        expect([file, view.description]).toEqual([file, front.description])
        expect([file, view.paperHeadings.length]).toEqual([file, 5])
        expect([file, view.folds]).toEqual([file, 5])
        // Every emphasis became one, CJK punctuation beside it too (`**33件**の`, `*AI要約*：`).
        expect([file, view.unfolded.includes('*')]).toEqual([file, false])
        // The theme's own words are the locale file's: its search box, in the site's language.
        expect([file, html.includes(`placeholder="${searchHint}..."`)]).toEqual([file, true])
      }
    })

    it("passes html-proofer as Chirpy's CI runs it", () => {
      const { proof } = siteOf(language)
      expect([proof.exitCode, proof.log]).toEqual([
        0,
        expect.stringContaining('HTML-Proofer finished successfully'),
      ])
    })
  })
})
