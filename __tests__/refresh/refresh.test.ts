import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { runDigest } from '../../src/pipeline/run.js'
import { createFilesPublisher } from '../../src/publish/files.js'
import type { ChangeSet, Publisher } from '../../src/core/changes.js'
import { describeChanges } from '../../src/refresh/refresh.js'
import { refreshWindow } from '../../src/refresh/stage.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import type { PaperSource } from '../../src/source/source.js'
import { createMemoryLog } from '../support/memory-log.js'
import { daySource } from '../support/day-source.js'
import { consecutiveDays } from '../support/days.js'
import { clockAt } from '../support/test-clock.js'

const NOW = clockAt('2025-12-26T00:00:00Z')
const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
const fixture = (day: string) => JSON.parse(readFileSync(join(FIXTURES, `${day}.json`), 'utf8')) as unknown[]
const settingsFor = (raw: RawInputs, workspace = '/unused') =>
  parseSettings({ mode: 'files', ...raw }, { clock: NOW, workspace })

/** Hugging Face as the pipeline sees it: each day's own list, from the list URL. */
const listSource = (days: Record<string, unknown[]>) => daySource(days, 'https://hf.test/api/daily_papers')

/** The files publisher on a fresh workspace, remembering what was read and published. */
async function workspacePublisher() {
  const root = await mkdtemp(join(tmpdir(), 'hf-daily-papers-refresh-'))
  const files = createFilesPublisher({ root, log: createMemoryLog() })
  const read: string[] = []
  const published: ChangeSet[] = []
  const publisher: Publisher = {
    readText: (path) => (read.push(path), files.readText(path)),
    publish: (changes) => (published.push(changes), files.publish(changes)),
  }
  const text = (path: string) => readFile(join(root, path), 'utf8').catch(() => undefined)
  return { root, publisher, read, published, text }
}

async function digest(raw: RawInputs, source: PaperSource, publisher: Publisher) {
  const log = createMemoryLog()
  const result = await runDigest(settingsFor(raw), { source, publisher, log, clock: NOW })
  return { result, log }
}

describe('describeChanges', () => {
  it('names papers added and dropped, a new order and new upvotes', () => {
    expect(
      describeChanges(
        [
          ['a', 5],
          ['b', 3],
          ['c', 1],
        ],
        [
          ['b', 9],
          ['a', 5],
          ['d', 2],
          ['e', 1],
        ],
      ),
    ).toEqual(['2 papers added', '1 paper dropped', 'order changed', 'upvotes updated'])
    expect(describeChanges([['a', 5]], [['a', 6]])).toEqual(['upvotes updated'])
    // A paper that enters above the others moves nobody else: the order of the kept ones is the same.
    expect(
      describeChanges(
        [['a', 5]],
        [
          ['n', 9],
          ['a', 5],
        ],
      ),
    ).toEqual(['1 paper added'])
    expect(describeChanges([['a', 5]], [['a', 5]])).toEqual(['details other than the ranking changed'])
  })
})

describe('refreshWindow', () => {
  const window = (raw: RawInputs) => refreshWindow(settingsFor(raw))

  it('is the refresh-days days before the first day of a daily digest, 7 by default', () => {
    expect(window({ date: '2025-12-02' }).days).toEqual(consecutiveDays('2025-11-25', 7))
    expect(window({ date: '2025-12-02..2025-12-05', 'refresh-days': '2' })).toEqual({
      days: ['2025-11-30', '2025-12-01'],
    })
    expect(window({ date: '2025-12-02', 'refresh-days': '0' })).toEqual({ days: [] })
  })

  it('is empty for periods, and says why under overwrite: never and in a dry run', () => {
    expect(window({ date: '2025-12-02', digest: 'weekly' })).toEqual({ days: [] })
    expect(window({ date: '2025-12-02', digest: 'monthly' })).toEqual({ days: [] })
    expect(window({ date: '2025-12-02', overwrite: 'never' })).toEqual({
      days: [],
      off: 'overwrite is "never": earlier posts are left as they are (refresh-days)',
    })
    expect(window({ date: '2025-12-02', mode: 'dry-run' })).toEqual({
      days: [],
      off: 'a dry run reads no record of earlier posts, so none is refreshed (refresh-days)',
    })
  })

  it('refuses a refresh-days outside 0 to 30, naming the input', () => {
    for (const value of ['31', '-1', '2.5', 'week']) {
      expect(() => settingsFor({ 'refresh-days': value })).toThrow(
        `Input "refresh-days": "${value}" is not a whole number from 0 to 30`,
      )
    }
  })
})

describe('refresh in the pipeline', () => {
  it('reads the record of every day the run touches, while fetching', async () => {
    const { publisher, read } = await workspacePublisher()
    await digest({ date: '2025-12-02', 'refresh-days': '3' }, listSource({}), publisher)
    expect(read.sort()).toEqual([
      '.hf-daily-papers/posts/2025-11-29.json',
      '.hf-daily-papers/posts/2025-11-30.json',
      // 1.x's record of each month.
      '.hf-daily-papers/posts/2025-11.json',
      '.hf-daily-papers/posts/2025-12-01.json',
      '.hf-daily-papers/posts/2025-12-02.json',
      '.hf-daily-papers/posts/2025-12.json',
    ])
  })

  it("keeps a person's note in a record file it brings up to date", async () => {
    const { root, publisher, text } = await workspacePublisher()
    await digest(
      { date: '2025-11-21' },
      listSource({ '2025-11-21': fixture('2025-11-21').slice(0, 2) }),
      publisher,
    )
    const recordFile = '.hf-daily-papers/posts/2025-11-21.json'
    const noted = ((await text(recordFile)) ?? '').replace('{\n', '{\n  "note": "mine",\n')
    await writeFile(join(root, recordFile), noted)
    const again = await digest(
      { date: '2025-11-21' },
      listSource({ '2025-11-21': fixture('2025-11-21') }),
      publisher,
    )
    expect(again.result.posts).toEqual(['_posts/2025-11-21-daily-papers-2025-11-21.md'])
    const record = JSON.parse((await text(recordFile)) ?? '') as {
      note: string
      posts: Record<string, { blob: string }>
    }
    expect(record.note).toBe('mine')
    const post = (await text('_posts/2025-11-21-daily-papers-2025-11-21.md')) ?? ''
    expect(record.posts['_posts/2025-11-21-daily-papers-2025-11-21.md']?.blob).toBe(gitBlobOid(post))
  })

  it("says why the run's own post was kept while it refreshed an earlier one", async () => {
    const { root, publisher } = await workspacePublisher()
    const early = listSource({
      '2025-11-20': fixture('2025-11-20').slice(0, 2),
      '2025-11-21': fixture('2025-11-21'),
    })
    await digest({ date: '2025-11-20..2025-11-21', 'refresh-days': '0' }, early, publisher)
    await writeFile(join(root, '_posts/2025-11-21-daily-papers-2025-11-21.md'), 'my own\n')
    const settled = listSource({ '2025-11-20': fixture('2025-11-20'), '2025-11-21': fixture('2025-11-21') })
    const again = await digest({ date: '2025-11-21', 'refresh-days': '1' }, settled, publisher)
    expect(again.result).toMatchObject({
      posts: [],
      ownKept: 'the post was edited since the action wrote it',
      refreshed: [{ day: '2025-11-20', status: 'rewritten' }],
    })
  })

  it('refreshes earlier posts on a day without papers of its own, and says why it wrote nothing', async () => {
    const { root, publisher, text } = await workspacePublisher()
    const early = listSource({ '2025-11-21': fixture('2025-11-21').slice(0, 2) })
    await digest({ date: '2025-11-21' }, early, publisher)
    const settled = listSource({ '2025-11-21': fixture('2025-11-21') })
    const weekend = await digest({ date: '2025-11-22', 'refresh-days': '1' }, settled, publisher)
    expect(weekend.result).toMatchObject({
      posts: [],
      skipped: undefined,
      refreshed: [{ day: '2025-11-21', status: 'rewritten' }],
    })
    expect(await text('_posts/2025-11-21-daily-papers-2025-11-21.md')).toContain(
      `**TL;DR** — ${fixture('2025-11-21').length} papers.`,
    )

    // Hugging Face lists 2 of the papers the post shows: an answer to distrust, not a reason to shrink it.
    const shrunk = await digest({ date: '2025-11-22', 'refresh-days': '1' }, early, publisher)
    expect(shrunk.result.refreshed).toEqual([
      {
        day: '2025-11-21',
        path: '_posts/2025-11-21-daily-papers-2025-11-21.md',
        status: 'shrunk',
        reasons: [`2 of the ${fixture('2025-11-21').length} papers it shows`],
      },
    ])
    expect(shrunk.log.warnings).toEqual([
      `2025-11-21: Hugging Face now lists 2 of the ${fixture('2025-11-21').length} papers it shows, so _posts/2025-11-21-daily-papers-2025-11-21.md is left as it is; a later run refreshes it once the day's list is whole again`,
    ])
    expect(await text('_posts/2025-11-21-daily-papers-2025-11-21.md')).toContain(
      `**TL;DR** — ${fixture('2025-11-21').length} papers.`,
    )

    // Hugging Face lists none of them: the same, said the same way.
    const emptied = await digest(
      { date: '2025-11-22', 'refresh-days': '1' },
      listSource({ '2025-11-21': [] }),
      publisher,
    )
    expect(emptied.log.warnings).toEqual([
      `2025-11-21: Hugging Face now lists 0 of the ${fixture('2025-11-21').length} papers it shows, so _posts/2025-11-21-daily-papers-2025-11-21.md is left as it is; a later run refreshes it once the day's list is whole again`,
    ])
    expect(emptied.result.refreshed).toMatchObject([{ day: '2025-11-21', status: 'shrunk' }])

    await writeFile(join(root, '_posts/2025-11-21-daily-papers-2025-11-21.md'), 'my own\n')
    const moved = listSource({ '2025-11-21': fixture('2025-11-21').slice(0, -1) })
    const edited = await digest({ date: '2025-11-22', 'refresh-days': '1' }, moved, publisher)
    expect(edited.result).toMatchObject({
      skipped: 'no papers on 2025-11-22, and the earlier posts stay as they are',
      refreshed: [{ day: '2025-11-21', status: 'edited' }],
    })
  })

  it('keeps a record file it cannot read as it is, and refreshes none of its posts', async () => {
    const { root, publisher, text } = await workspacePublisher()
    const source = listSource({ '2025-11-19': fixture('2025-11-19'), '2025-11-20': fixture('2025-11-20') })
    await mkdir(join(root, '.hf-daily-papers/posts'), { recursive: true })
    await writeFile(join(root, '.hf-daily-papers/posts/2025-11-19.json'), '{"posts": {} ,,}\n')
    const { result, log } = await digest({ date: '2025-11-20', 'refresh-days': '1' }, source, publisher)
    expect(await text('.hf-daily-papers/posts/2025-11-19.json')).toBe('{"posts": {} ,,}\n')
    expect(await text('_posts/2025-11-20-daily-papers-2025-11-20.md')).toBeDefined()
    expect(result.refreshed).toEqual([
      {
        day: '2025-11-19',
        path: '_posts/2025-11-19-daily-papers-2025-11-19.md',
        status: 'unrecorded',
        reasons: [],
      },
    ])
    expect(log.warnings).toEqual([
      expect.stringMatching(
        /^\.hf-daily-papers\/posts\/2025-11-19\.json is not valid JSON \(.*\): it is not used, and the file is left as it is; fix it so that the action can record the posts it writes \(deleted, it no longer keeps/,
      ),
    ])
    expect(log.lines).toContain(
      'Left as they are, with no record that the action wrote them (before refresh-days, by hand, or no post): 2025-11-19',
    )
  })

  it('names a day with papers and no record after a recorded one: a scheduled run missed', async () => {
    const { publisher, text } = await workspacePublisher()
    const days = ['2025-11-18', '2025-11-19', '2025-11-20', '2025-11-21']
    const source = listSource(Object.fromEntries(days.map((day) => [day, fixture(day)])))
    await digest({ date: '2025-11-19', 'refresh-days': '0' }, source, publisher)
    // No run on 11-20; 11-18 was before the action's first run.
    const { log } = await digest({ date: '2025-11-21', 'refresh-days': '3' }, source, publisher)
    expect(await text('_posts/2025-11-20-daily-papers-2025-11-20.md')).toBeUndefined()
    expect(log.lines).toContain(
      'No record of a post for 2025-11-20, though the action recorded the days before: if a scheduled run was missed, a run with date: 2025-11-20 posts them (a post already there is left as it is)',
    )
    expect(log.lines).toContain(
      'Left as they are, with no record that the action wrote them (before refresh-days, by hand, or no post): 2025-11-18',
    )
  })

  it('reads and records nothing in a dry run, and fetches only its own day', async () => {
    const { publisher, read, published } = await workspacePublisher()
    const source = listSource({ '2025-11-20': fixture('2025-11-20') })
    const dryRun: Publisher = {
      ...publisher,
      publish: (changes) => (published.push(changes), Promise.resolve({ written: [], kept: [] })),
    }
    await digest({ date: '2025-11-20', mode: 'dry-run' }, source, dryRun)
    expect(source.asked).toEqual(['2025-11-20'])
    expect(read).toEqual([])
    expect(published[0]?.record).toBeUndefined()
  })

  it("records a weekly post in its week's own file, marked as a week, and leaves its Monday's file alone", async () => {
    const { publisher, read, text } = await workspacePublisher()
    const source = listSource({ '2025-11-24': fixture('2025-11-24'), '2025-11-25': fixture('2025-11-25') })
    await digest({ date: '2025-11-24', 'refresh-days': '0' }, source, publisher)
    const monday = await text('.hf-daily-papers/posts/2025-11-24.json')
    expect(monday).toContain('_posts/2025-11-24-daily-papers-2025-11-24.md')
    read.length = 0
    source.asked.length = 0

    await digest({ date: '2025-11-25', digest: 'weekly' }, source, publisher)
    expect(source.asked).toHaveLength(7)
    // Read first: the week's own file, and its Monday's, where earlier builds recorded the weekly post.
    expect(read.slice(0, 2)).toEqual([
      '.hf-daily-papers/posts/2025-W48.json',
      '.hf-daily-papers/posts/2025-11-24.json',
    ])
    expect(await text('.hf-daily-papers/posts/2025-11-24.json')).toBe(monday)
    const record = JSON.parse((await text('.hf-daily-papers/posts/2025-W48.json')) ?? '') as {
      posts: Record<string, { period?: string }>
    }
    expect(Object.keys(record.posts)).toEqual(['_posts/2025-11-24-weekly-papers-2025-W48.md'])
    expect(record.posts['_posts/2025-11-24-weekly-papers-2025-W48.md']?.period).toBe('week')
  })

  it("records a monthly post in its month's own file", async () => {
    const { publisher, text } = await workspacePublisher()
    const source = listSource({ '2025-11-24': fixture('2025-11-24') })
    await digest({ date: '2025-11-24', digest: 'monthly' }, source, publisher)
    const record = JSON.parse((await text('.hf-daily-papers/posts/2025-11-month.json')) ?? '') as {
      posts: Record<string, { period?: string }>
    }
    expect(Object.values(record.posts)).toEqual([expect.objectContaining({ period: 'month' })])
    expect(await text('.hf-daily-papers/posts/2025-11-01.json')).toBeUndefined()
    expect(await text('.hf-daily-papers/posts/2025-11.json')).toBeUndefined()
  })
})
