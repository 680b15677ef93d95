import { describe, expect, it } from '@jest/globals'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { POST_RECORD } from '../../src/core/post-record.js'
import { renderStateFile } from '../../src/core/state-file.js'
import type { Paper } from '../../src/core/paper.js'
import { finishRefresh, planRefreshOf, startRefresh } from '../../src/refresh/stage.js'
import { parseSettings } from '../../src/settings/settings.js'
import { clockAt } from '../support/test-clock.js'
import { createMemoryLog } from '../support/memory-log.js'

/**
 * The refresh as values: a start (the earlier days, the record being read), a plan from the rendered
 * posts, and what became of them once published. Nothing in between is kept anywhere else.
 */
const RECORD = '.hf-daily-papers/posts/2025-12-23.json'
const OWN_RECORD = '.hf-daily-papers/posts/2025-12-24.json'
/** 1.x's record of the month, read for its posts. */
const MONTH_RECORD = '.hf-daily-papers/posts/2025-12.json'
const EARLIER = '_posts/2025-12-23-daily-papers-2025-12-23.md'
const OWN = '_posts/2025-12-24-daily-papers-2025-12-24.md'
const paper = (id: string, upvotes: number) => ({ id, upvotes }) as Paper
const settingsOf = (mode: string) =>
  parseSettings(
    { date: '2025-12-24', mode, 'refresh-days': '1', token: 't' },
    { clock: clockAt('2025-12-26T00:00:00Z'), repository: 'o/r', workspace: '/w' },
  )
const recorded = renderStateFile(
  POST_RECORD,
  new Map([[EARLIER, { blob: gitBlobOid('old\n'), papers: [['2512.00001', 1] as const] }]]),
)

describe('the refresh as values', () => {
  it('starts by reading the record of every day, and plans from it what to rewrite and record', async () => {
    const read: string[] = []
    const start = startRefresh(
      settingsOf('commit'),
      { readText: (path) => (read.push(path), Promise.resolve(path === RECORD ? recorded : undefined)) },
      createMemoryLog(),
    )
    expect(start.days).toEqual(['2025-12-23'])

    const earlier = [{ day: '2025-12-23', path: EARLIER, content: 'new\n', papers: [paper('2512.00001', 4)] }]
    const own = [{ day: '2025-12-24', path: OWN, papers: [paper('2512.00002', 2)] }]
    const { plan, record } = await planRefreshOf(start, earlier, own)
    expect(read).toEqual([RECORD, MONTH_RECORD, OWN_RECORD])
    expect(plan.files).toEqual([
      { path: EARLIER, content: 'new\n', policy: { kind: 'unedited', lastWritten: gitBlobOid('old\n') } },
    ])
    expect([...(record?.posts.keys() ?? [])]).toEqual([OWN, EARLIER])
    expect(record?.posts.get(EARLIER)).toEqual({
      record: RECORD,
      papers: [['2512.00001', 4]],
      language: 'en',
    })

    const log = createMemoryLog()
    expect(finishRefresh(plan, { kept: [{ path: EARLIER, reason: 'edited' }] }, log)).toEqual([
      { day: '2025-12-23', path: EARLIER, status: 'edited', reasons: ['upvotes updated'] },
    ])
    expect(log.lines).toEqual([`2025-12-23: ${EARLIER} changed since the action wrote it, left as it is`])
    expect(finishRefresh(plan, { kept: [] }, createMemoryLog())[0]?.status).toBe('rewritten')
  })

  it('plans no rewrite of a post another open pull request changes, and says whose it is', async () => {
    const url = 'https://github.com/o/r/pull/7'
    const start = startRefresh(
      settingsOf('pull-request'),
      {
        readText: (path) => Promise.resolve(path === RECORD ? recorded : undefined),
        otherPullRequests: () => Promise.resolve(new Map([[EARLIER, url]])),
      },
      createMemoryLog(),
    )
    const earlier = [{ day: '2025-12-23', path: EARLIER, content: 'new\n', papers: [paper('2512.00001', 4)] }]
    const { plan, record } = await planRefreshOf(start, earlier, [])
    expect(plan).toEqual({
      files: [],
      rewritten: [],
      missed: [],
      posts: [{ day: '2025-12-23', path: EARLIER, status: 'pull-request', reasons: [url] }],
    })
    expect(record?.posts.has(EARLIER)).toBe(false)
    const log = createMemoryLog()
    finishRefresh(plan, { kept: [] }, log)
    expect(log.lines).toEqual([
      `2025-12-23: ${EARLIER} is changed by the open pull request ${url} too, so it is left to it (the second merged would conflict); a run after it is merged refreshes it`,
    ])
  })

  it('reads and records nothing in a dry run', async () => {
    const read: string[] = []
    const start = startRefresh(
      settingsOf('dry-run'),
      { readText: (path) => (read.push(path), Promise.resolve(undefined)) },
      createMemoryLog(),
    )
    expect(start).toEqual({ days: [], language: 'en' })
    const { plan, record } = await planRefreshOf(start, [], [{ day: '2025-12-24', path: OWN, papers: [] }])
    expect(record).toBeUndefined()
    expect(plan).toEqual({ files: [], posts: [], rewritten: [], missed: [] })
    expect(read).toEqual([])
  })
})

describe("a weekly post's guard against overwriting a person's edit", () => {
  const WEEK_RECORD = '.hf-daily-papers/posts/2025-W52.json'
  const MONDAY_RECORD = '.hf-daily-papers/posts/2025-12-22.json'
  const WEEKLY = '_posts/2025-12-22-weekly-papers-2025-W52.md'
  const MONDAY = '_posts/2025-12-22-daily-papers-2025-12-22.md'
  const papers = [['2512.00001', 1] as const]
  const recordOf = (entries: Array<[string, string]>, period?: 'week') =>
    renderStateFile(
      POST_RECORD,
      new Map(
        entries.map(([path, text]) => [path, { blob: gitBlobOid(text), papers, ...(period && { period }) }]),
      ),
    )
  const unreadable = '{"posts": {} ,,}\n'

  async function guard(files: Record<string, string>) {
    const read: string[] = []
    const settings = parseSettings(
      { date: '2025-12-24', digest: 'weekly', mode: 'commit', token: 't' },
      { clock: clockAt('2025-12-26T00:00:00Z'), repository: 'o/r', workspace: '/w' },
    )
    const readText = (path: string) => (read.push(path), Promise.resolve(files[path]))
    const start = startRefresh(settings, { readText }, createMemoryLog())
    const own = [
      { day: '2025-12-22', path: WEEKLY, period: 'week' as const, papers: [paper('2512.00001', 3)] },
    ]
    const { guards, record } = await planRefreshOf(start, [], own)
    return { policy: guards.get(WEEKLY), read, record: record?.posts.get(WEEKLY)?.record }
  }

  it("reads the week's own file and its Monday's, and records the post in the week's", async () => {
    expect(await guard({})).toEqual({
      policy: { kind: 'held', why: 'not-recorded' },
      read: [WEEK_RECORD, MONDAY_RECORD, MONTH_RECORD],
      record: WEEK_RECORD,
    })
  })

  /** A week's post no record names: one already there is someone else's, left as it is. */
  const NOT_RECORDED = { kind: 'held', why: 'not-recorded' } as const
  it.each([
    ['no record at all', {}, NOT_RECORDED],
    // A blog moving to this version: Monday's file is Monday's daily post's, and says nothing of the week's.
    ["only Monday's daily post recorded", { [MONDAY_RECORD]: recordOf([[MONDAY, 'day\n']]) }, NOT_RECORDED],
    [
      "recorded the old way, in Monday's file, marked",
      { [MONDAY_RECORD]: recordOf([[WEEKLY, 'old\n']], 'week') },
      { kind: 'overwrite', lastWritten: gitBlobOid('old\n') },
    ],
    [
      "recorded the old way, in Monday's file, before entries were marked",
      { [MONDAY_RECORD]: recordOf([[WEEKLY, 'old\n']]) },
      { kind: 'overwrite', lastWritten: gitBlobOid('old\n') },
    ],
    [
      "recorded in the week's file, an older entry in Monday's",
      {
        [WEEK_RECORD]: recordOf([[WEEKLY, 'new\n']], 'week'),
        [MONDAY_RECORD]: recordOf([[WEEKLY, 'old\n']]),
      },
      { kind: 'overwrite', lastWritten: gitBlobOid('new\n') },
    ],
    // Every entry removed: the post, if a person deleted or renamed it too, stays gone.
    [
      "the week's file without any entry (the opt-out)",
      { [WEEK_RECORD]: recordOf([]), [MONDAY_RECORD]: recordOf([[MONDAY, 'day\n']]) },
      { kind: 'held', why: 'opted-out', evenWhenGone: true },
    ],
    // Another post's entry there (another workflow's) says nothing of whether this one was ever written.
    [
      "the week's file with another post's entry only",
      { [WEEK_RECORD]: recordOf([['_posts/2025-12-22-other-week.md', 'other\n']], 'week') },
      { kind: 'held', why: 'opted-out' },
    ],
    // Its own file may hold a deleted post's entry: held even where the post is gone.
    [
      "the week's file unreadable",
      { [WEEK_RECORD]: unreadable },
      { kind: 'held', why: 'record-unreadable', evenWhenGone: true },
    ],
    [
      "no week's file, and Monday's, which may hold its entry, unreadable",
      { [MONDAY_RECORD]: unreadable },
      { kind: 'held', why: 'record-unreadable' },
    ],
    [
      "its entry broken by hand in 1.x's file of the month",
      { [MONTH_RECORD]: `{"posts": {"${WEEKLY}": {"blob": 42}}}\n` },
      { kind: 'held', why: 'record-unreadable' },
    ],
    [
      "the week's file holding another post's entry, its own in 1.x's file of the month",
      {
        [WEEK_RECORD]: recordOf([[`ko/${WEEKLY}`, 'ko\n']], 'week'),
        [MONTH_RECORD]: recordOf([[WEEKLY, 'old\n']]),
      },
      { kind: 'overwrite', lastWritten: gitBlobOid('old\n') },
    ],
  ] as const)('with %s', async (_, files: Record<string, string>, policy) => {
    expect((await guard(files)).policy).toEqual(policy)
  })
})
