import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { POST_RECORD, type RecordEntry } from '../../src/core/post-record.js'
import { parseStateFile, renderStateFile } from '../../src/core/state-file.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import type { GitHubServer } from '../support/github-server.js'
import { daySource } from '../support/day-source.js'
import { consecutiveDays } from '../support/days.js'
import { finishPullRequest } from '../support/pull-request-outcome.js'
import { standIn } from '../publish/github-stand-in.js'
import { changedBy, runOnGitHub } from '../support/github-pipeline.js'
import { dailyPostLink } from '../support/post-links.js'

/**
 * A weekly post's record entry in its week's own file (`posts/2025-W48.json`), through the whole pipeline
 * against the GitHub stand-in: a daily run's pull request and the week's never change the same file, and a
 * weekly post an earlier build recorded in its Monday's file keeps a person's edit.
 */
const WEEK = consecutiveDays('2025-11-24', 7)
const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
const MONDAY_RECORD = '.hf-daily-papers/posts/2025-11-24.json'
const WEEK_RECORD = '.hf-daily-papers/posts/2025-W48.json'
/** 1.x kept every post's entry in its month's file. */
const MONTH_RECORD_1X = '.hf-daily-papers/posts/2025-11.json'
const MONDAY = '_posts/2025-11-24-daily-papers-2025-11-24.md'
const WEEKLY = '_posts/2025-11-24-weekly-papers-2025-W48.md'

type Item = { paper: { upvotes: number } }
const fixture = (day: string): Item[] => {
  try {
    return JSON.parse(readFileSync(join(FIXTURES, `${day}.json`), 'utf8')) as Item[]
  } catch {
    return []
  }
}
/** Hugging Face's lists, which a test changes between runs. */
const lists: Record<string, Item[]> = {}
const source = daySource(lists, 'https://hf.test/api/daily_papers')
/** Monday's least upvoted paper becomes its most upvoted: Monday's post and the week's read differently. */
function mondayMoves(): void {
  const items = fixture('2025-11-24')
  const last = items.at(-1)!
  lists['2025-11-24'] = [...items.slice(0, -1), { ...last, paper: { ...last.paper, upvotes: 1000 } }]
}
function settledLists(): void {
  for (const day of WEEK) lists[day] = fixture(day)
}

const run = (server: GitHubServer, raw: RawInputs) => runOnGitHub(server, raw, source)

/** A note a person adds to `post` at `path` on main; the edited text. */
async function editByHand(server: GitHubServer, path: string, post: string): Promise<string> {
  const edited = `${post}\nA note by hand.\n`
  await server.git.commit('main', { [path]: edited }, 'A note by hand')
  return edited
}

const entriesOf = (text: string | undefined) => parseStateFile(POST_RECORD, text ?? '').entries

describe("a weekly post's record in its week's own file", () => {
  it("keeps the week's pull request and Monday's daily ones apart: no file in common, both merge", async () => {
    settledLists()
    const server = await standIn()
    const monday = await run(server, { date: '2025-11-24', mode: 'pull-request' })
    const week = await run(server, { date: '2025-11-24', digest: 'weekly', mode: 'pull-request' })
    expect(await changedBy(server, 'daily-papers/2025-11-24')).toEqual([MONDAY_RECORD, MONDAY])
    expect(await changedBy(server, 'weekly-papers/2025-W48')).toEqual([WEEK_RECORD, WEEKLY])
    await finishPullRequest(server, monday.result.pullRequestUrl, 'merge')

    // Tuesday's run rewrites Monday's post (refresh-days) while the week's pull request is open.
    mondayMoves()
    const tuesday = await run(server, { date: '2025-11-25', mode: 'pull-request', 'refresh-days': '1' })
    expect(tuesday.result.refreshed).toEqual([expect.objectContaining({ path: MONDAY, status: 'rewritten' })])
    expect(await changedBy(server, 'daily-papers/2025-11-25')).toEqual([
      MONDAY_RECORD,
      '.hf-daily-papers/posts/2025-11-25.json',
      MONDAY,
      '_posts/2025-11-25-daily-papers-2025-11-25.md',
    ])
    // The running week's pull request, updated the next day, still changes only its own files.
    await run(server, { date: '2025-11-25', digest: 'weekly', mode: 'pull-request' })
    expect(await changedBy(server, 'weekly-papers/2025-W48')).toEqual([WEEK_RECORD, WEEKLY])

    // A conflict would throw, as GitHub's merge button is greyed out then.
    await finishPullRequest(server, tuesday.result.pullRequestUrl, 'merge')
    await finishPullRequest(server, week.result.pullRequestUrl, 'merge')
    expect([...entriesOf(await server.git.readFile('main', MONDAY_RECORD)).keys()]).toEqual([MONDAY])
    expect(entriesOf(await server.git.readFile('main', WEEK_RECORD)).get(WEEKLY)).toEqual({
      blob: gitBlobOid((await server.git.readFile('main', WEEKLY)) ?? ''),
      papers: expect.any(Array) as unknown,
      period: 'week',
      language: 'en',
    })
  })

  it("links, in the week's pull request, the days on the branch it merges into, and no post deleted there", async () => {
    settledLists()
    const server = await standIn()
    await run(server, { date: '2025-11-24' })
    await run(server, { date: '2025-11-24', digest: 'weekly', mode: 'pull-request' })
    // After the week's branch was made: Tuesday's post is committed, Monday's deleted by a person.
    await run(server, { date: '2025-11-25' })
    await server.git.commit('main', { [MONDAY]: null }, 'Not this one')
    await run(server, { date: '2025-11-25', digest: 'weekly', mode: 'pull-request' })
    const weekly = (await server.git.readFile('weekly-papers/2025-W48', WEEKLY)) ?? ''
    expect(weekly).toContain(dailyPostLink('2025-11-25'))
    expect(weekly).not.toContain(dailyPostLink('2025-11-24'))
  })

  /**
   * A blog whose weekly post an earlier build wrote and recorded in Monday's file, beside Monday's daily
   * post, with the week's lists as they were then; the lists have moved since.
   */
  async function recordedTheOldWay() {
    settledLists()
    const earlier = await standIn()
    await run(earlier, { date: '2025-11-24' })
    await run(earlier, { date: '2025-11-24', digest: 'weekly' })
    const post = (await earlier.git.readFile('main', WEEKLY)) ?? ''
    const entry = entriesOf(await earlier.git.readFile('main', WEEK_RECORD)).get(WEEKLY) as RecordEntry
    const monday = entriesOf(await earlier.git.readFile('main', MONDAY_RECORD))
    const mondayRecord = renderStateFile(POST_RECORD, new Map([...monday, [WEEKLY, entry]]))
    const server = await standIn({
      files: {
        [MONDAY]: (await earlier.git.readFile('main', MONDAY)) ?? '',
        [WEEKLY]: post,
        [MONDAY_RECORD]: mondayRecord,
      },
    })
    mondayMoves()
    return { server, post, mondayRecord }
  }

  it("keeps a person's edit of it unless overwrite: always, and leaves Monday's file as it is", async () => {
    const { server, post, mondayRecord } = await recordedTheOldWay()
    const edited = await editByHand(server, WEEKLY, post)

    const { result, log } = await run(server, { date: '2025-11-25', digest: 'weekly' })
    expect(result.posts).toEqual([])
    expect(await server.git.readFile('main', WEEKLY)).toBe(edited)
    expect(await server.git.readFile('main', MONDAY_RECORD)).toBe(mondayRecord)
    expect(await server.git.readFile('main', WEEK_RECORD)).toBeUndefined()
    expect(log.lines).toContain(
      `${WEEKLY}: changed on main since the action wrote it (a person's edit), left as it is; overwrite: always replaces it`,
    )

    const always = await run(server, { date: '2025-11-25', digest: 'weekly', overwrite: 'always' })
    expect(always.result.posts).toEqual([WEEKLY])
    expect(await server.git.readFile('main', MONDAY_RECORD)).toBe(mondayRecord)
    expect(entriesOf(await server.git.readFile('main', WEEK_RECORD)).has(WEEKLY)).toBe(true)
  })

  it("rewrites it unedited, records it in the week's file and leaves Monday's as it is", async () => {
    const { server, post, mondayRecord } = await recordedTheOldWay()

    const { result } = await run(server, { date: '2025-11-25', digest: 'weekly' })
    expect(result.posts).toEqual([WEEKLY])
    const rewritten = (await server.git.readFile('main', WEEKLY)) ?? ''
    expect(rewritten).not.toBe(post)
    expect(await server.git.readFile('main', MONDAY_RECORD)).toBe(mondayRecord)
    expect(entriesOf(await server.git.readFile('main', WEEK_RECORD)).get(WEEKLY)).toMatchObject({
      blob: gitBlobOid(rewritten),
      period: 'week',
    })
  })
})

describe("an older layout's entry, until the post's own record file is there", () => {
  /** A blog 1.x wrote: Monday's daily post recorded in the record file of its month, as 1.x kept it. */
  async function recordedBy1x() {
    settledLists()
    const earlier = await standIn()
    await run(earlier, { date: '2025-11-24' })
    const post = (await earlier.git.readFile('main', MONDAY)) ?? ''
    const entries = entriesOf(await earlier.git.readFile('main', MONDAY_RECORD))
    const monthRecord = renderStateFile(POST_RECORD, entries)
    const server = await standIn({ files: { [MONDAY]: post, [MONTH_RECORD_1X]: monthRecord } })
    mondayMoves()
    return { server, post, monthRecord }
  }

  it("still guards by it when the post's day file holds only another post's entry", async () => {
    const { server, post, monthRecord } = await recordedBy1x()
    // Another workflow (another language's posts-dir) has written its entry into Monday's file.
    const other = entriesOf(monthRecord).get(MONDAY)!
    const dayFile = renderStateFile(POST_RECORD, new Map([[`ko/${MONDAY}`, other]]))
    await server.git.commit('main', { [MONDAY_RECORD]: dayFile }, 'Another workflow')
    const edited = await editByHand(server, MONDAY, post)
    const { result, log } = await run(server, { date: '2025-11-24' })
    expect(result.posts).toEqual([])
    expect(await server.git.readFile('main', MONDAY)).toBe(edited)
    expect(log.lines).toContain(
      `${MONDAY}: changed on main since the action wrote it (a person's edit), left as it is; overwrite: always replaces it`,
    )
  })

  it("keeps a person's edit of a post 1.x recorded in its month's file", async () => {
    const { server, post, monthRecord } = await recordedBy1x()
    const edited = await editByHand(server, MONDAY, post)
    const { result } = await run(server, { date: '2025-11-24' })
    expect(result.posts).toEqual([])
    expect(await server.git.readFile('main', MONDAY)).toBe(edited)
    expect(await server.git.readFile('main', MONTH_RECORD_1X)).toBe(monthRecord)
  })

  it("rewrites it unedited into its day's file, leaves 1.x's file as it is, and links it from the week", async () => {
    const { server, monthRecord } = await recordedBy1x()
    const { result } = await run(server, { date: '2025-11-24' })
    expect(result.posts).toEqual([MONDAY])
    expect(entriesOf(await server.git.readFile('main', MONDAY_RECORD)).has(MONDAY)).toBe(true)
    expect(await server.git.readFile('main', MONTH_RECORD_1X)).toBe(monthRecord)

    const fresh = await recordedBy1x()
    await run(fresh.server, { date: '2025-11-25', digest: 'weekly' })
    expect(await fresh.server.git.readFile('main', WEEKLY)).toContain(dailyPostLink('2025-11-24'))
  })
})

describe("a week's post under another name", () => {
  it('is left as it is, and the run says the week has two posts in its language, not another language’s', async () => {
    settledLists()
    const server = await standIn()
    await run(server, { date: '2025-11-25', digest: 'weekly' })
    // The same week in Korean, in its own folder: another blog's post, not a second one of this.
    await run(server, { date: '2025-11-25', digest: 'weekly', language: 'ko', 'posts-dir': 'ko/_posts' })
    const renamed = await run(server, {
      date: '2025-11-26',
      digest: 'weekly',
      filename: '{date}-papers-{week}.md',
    })
    const named = '_posts/2025-11-24-papers-2025-W48.md'
    expect(renamed.result.posts).toEqual([named])
    expect(await server.git.readFile('main', WEEKLY)).not.toBeUndefined()
    const warned = renamed.log.warnings.filter((line) => line.includes('is recorded as the action'))
    expect(warned).toEqual([
      `${WEEKLY} is recorded as the action's post for this week too (written under another filename or posts-dir); it is left as it is: delete it if ${named} replaces it`,
    ])
  })
})
