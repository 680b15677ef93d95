import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runDigest } from '../../src/pipeline/run.js'
import { createPublisher } from '../../src/publish/index.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import { daySource } from '../support/day-source.js'
import { createMemoryLog } from '../support/memory-log.js'
import { clockAt } from '../support/test-clock.js'
import {
  buildSite,
  dailyPage,
  elements,
  findJekyll,
  JEKYLL,
  unpackJekyll3,
  type JekyllCommand,
  type Site,
} from './site.js'

/**
 * A weekly post links each paper's day to that day's post; a person then deletes one of those posts.
 * Built by a real Jekyll, 4.3 and GitHub Pages' own 3.10, the site must still build (Jekyll's `post_url`
 * failed the whole build on a missing post): the deleted day's links lead nowhere, the others to their posts.
 */
const jekyll = findJekyll()
const DAYS = ['2025-11-24', '2025-11-25']
const dailyUrl = (day: string) => `/${dailyPage(day, `daily-papers-${day}`).replace(/index\.html$/, '')}`
const BOTH_LINKED = new Map(DAYS.map((day) => [`📅\u00a0Nov ${day.slice(8)}`, new Set([dailyUrl(day)])]))
const fixture = (day: string) => resolve(process.cwd(), `__tests__/fixtures/hf/daily/${day}.json`)

async function run(workspace: string, raw: RawInputs) {
  const clock = clockAt('2025-12-26T00:00:00Z')
  const settings = parseSettings({ mode: 'files', author: 'Kim', ...raw }, { clock, workspace })
  const days = await Promise.all(
    DAYS.map(async (day) => [day, JSON.parse(await readFile(fixture(day), 'utf8')) as unknown[]] as const),
  )
  const log = createMemoryLog()
  const source = daySource(Object.fromEntries(days))
  const result = await runDigest(settings, {
    source,
    publisher: createPublisher(settings, log, () => {}),
    log,
    clock,
  })
  expect(result.failure).toBeUndefined()
}

/** Korean posts at their own URLs, beside English ones of the same names. */
const KOREAN = { language: 'ko', timezone: 'Asia/Seoul', permalink: '/ko/:year/:month/:day/:title/' }

const hrefsOf = (links: Map<string, Set<string | undefined>>) =>
  new Set([...links.values()].flatMap((hrefs) => [...hrefs]))

const maybe = jekyll ? describe : describe.skip
maybe('the days a weekly post links, built by Jekyll', () => {
  const workspaces: string[] = []
  const sites: Site[] = []
  /**
   * The posts of the days and their week, written under `postsDir` of a new blog with `raw`: file name →
   * content, the name after `prefix`.
   */
  async function write(
    postsDir: string,
    prefix = '',
    raw: RawInputs = {},
    workspace?: string,
  ): Promise<Record<string, string>> {
    workspace ??= await mkdtemp(join(tmpdir(), 'linked-days-'))
    workspaces.push(workspace)
    await run(workspace, { ...raw, date: `${DAYS[0]}..${DAYS[1]}`, 'posts-dir': postsDir })
    await run(workspace, { ...raw, date: DAYS[0]!, digest: 'weekly', 'posts-dir': postsDir })
    const names = await readdir(join(workspace, postsDir))
    return Object.fromEntries(
      await Promise.all(
        names.map(
          async (name) => [prefix + name, await readFile(join(workspace, postsDir, name), 'utf8')] as const,
        ),
      ),
    )
  }
  /** Written under docs/_posts, for a site whose source is docs/: there Jekyll's paths start at _posts. */
  let docsPosts: Record<string, string>
  /**
   * A blog in two languages, whose record lists both: its English posts under _posts, and in Korean, of
   * the same names, under ko/_posts, a category's folder, as the site has them (`ko/_posts/<name>`), at
   * their own URLs.
   */
  let englishPosts: Record<string, string>
  let koreanPosts: Record<string, string>
  /**
   * English under _posts, three papers a day, and Korean under _posts/ko, a folder below it, whose posts
   * show more papers; the English week written last: path → content.
   */
  let nestedPosts: Record<string, string>
  let jekyll3: JekyllCommand
  beforeAll(async () => {
    docsPosts = await write('docs/_posts')
    const bilingual = await mkdtemp(join(tmpdir(), 'linked-days-'))
    englishPosts = await write('_posts', '', {}, bilingual)
    koreanPosts = await write('ko/_posts', 'ko/_posts/', KOREAN, bilingual)
    const nested = await mkdtemp(join(tmpdir(), 'linked-days-'))
    workspaces.push(nested)
    const english = { 'posts-dir': '_posts', 'max-papers': '3' }
    const korean = { ...KOREAN, 'posts-dir': '_posts/ko' }
    await run(nested, { ...english, date: `${DAYS[0]}..${DAYS[1]}` })
    await run(nested, { ...korean, date: `${DAYS[0]}..${DAYS[1]}` })
    await run(nested, { ...english, date: DAYS[0]!, digest: 'weekly' })
    const files = (await readdir(join(nested, '_posts'), { recursive: true })).filter((file) =>
      file.endsWith('.md'),
    )
    nestedPosts = Object.fromEntries(
      await Promise.all(
        files.map(
          async (file) => [`_posts/${file}`, await readFile(join(nested, '_posts', file), 'utf8')] as const,
        ),
      ),
    )
    const folder = await mkdtemp(join(tmpdir(), 'jekyll-3-'))
    workspaces.push(folder)
    jekyll3 = await unpackJekyll3(folder)
  }, 60_000)
  afterAll(() =>
    Promise.all([
      ...workspaces.map((workspace) => rm(workspace, { recursive: true, force: true })),
      ...sites.map((site) => site.remove()),
    ]),
  )

  /** Each weekly page's day links, label → hrefs, on one site built of `files`: the pages under `folders`. */
  async function dayLinks(
    files: Record<string, string>,
    jekyll: JekyllCommand,
    folders = [''],
  ): Promise<Array<Map<string, Set<string | undefined>>>> {
    const site = await buildSite(files, jekyll)
    sites.push(site)
    return Promise.all(
      folders.map(async (folder) => {
        // Dated at the week's end: its page is under that day.
        const page = await site.page(folder + dailyPage('2025-11-30', 'weekly-papers-2025-W48'))
        const links = new Map<string, Set<string | undefined>>()
        for (const anchor of elements(page).filter((element) => element.tagName === 'a')) {
          const label = anchor.childNodes.map((node) => ('value' in node ? node.value : '')).join('')
          if (!label.startsWith('📅')) continue
          const href = anchor.attrs.find((attribute) => attribute.name === 'href')?.value
          links.set(label, (links.get(label) ?? new Set()).add(href))
        }
        return links
      }),
    )
  }

  describe.each([
    ['4.3', () => JEKYLL],
    ['3.10, as GitHub Pages builds without a workflow', () => jekyll3],
  ])('Jekyll %s', (_, jekyll) => {
    it("links both days to their posts, each language's in its own folder", async () => {
      expect(Object.keys(englishPosts).sort()).toEqual([
        '2025-11-24-daily-papers-2025-11-24.md',
        '2025-11-24-weekly-papers-2025-W48.md',
        '2025-11-25-daily-papers-2025-11-25.md',
      ])
      // The English posts are dated later (09:00 UTC, the Korean 09:00 in Seoul), so Jekyll lists them first.
      const [english, korean] = await dayLinks({ ...englishPosts, ...koreanPosts }, jekyll(), ['', 'ko/'])
      expect(english).toEqual(BOTH_LINKED)
      expect(hrefsOf(korean!)).toEqual(new Set(DAYS.map((day) => `/ko${dailyUrl(day)}`)))
    })

    it('links both days on a site whose source is a folder of the repository (docs/)', async () => {
      expect(await dayLinks(docsPosts, jekyll())).toEqual([BOTH_LINKED])
    })

    it("still builds once a person deleted days the weekly posts link, which lead nowhere, not to another folder's post of their name", async () => {
      const rest = { ...englishPosts, ...koreanPosts }
      delete rest[`${DAYS[0]}-daily-papers-${DAYS[0]}.md`]
      delete rest[`ko/_posts/${DAYS[1]}-daily-papers-${DAYS[1]}.md`]
      const [english, korean] = await dayLinks(rest, jekyll(), ['', 'ko/'])
      expect(english).toEqual(new Map([...BOTH_LINKED, ['📅\u00a0Nov 24', new Set([''])]]))
      expect(hrefsOf(korean!)).toEqual(new Set([`/ko${dailyUrl(DAYS[0]!)}`, '']))
    })

    it("links the week's own folder's days, not a folder's below it that show more papers", async () => {
      expect(await dayLinks(nestedPosts, jekyll())).toEqual([BOTH_LINKED])
    })
  })
})
