import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createMemoryLog } from './support/memory-log.js'
import { DigestError, runDigest } from '../src/pipeline/run.js'
import type { ChangeSet, Publisher } from '../src/core/changes.js'
import { parseSettings, type Settings } from '../src/settings/settings.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { batchedReader } from '../src/publish/read-batch.js'
import { parseDailyPapers } from '../src/source/paper.js'
import type { PaperSource } from '../src/source/source.js'
import { daySource } from './support/day-source.js'
import { consecutiveDays } from './support/days.js'
import { clockAt } from './support/test-clock.js'

const fixtures = resolve(process.cwd(), '__tests__/fixtures')
const readDay = (file: string) => JSON.parse(readFileSync(resolve(fixtures, file), 'utf8')) as unknown[]

const savedSource = (days: Record<string, unknown[]>) => daySource(days)

/** Accepts every change set and reports every file as written (the others: as unchanged), remembering what it was given. */
function recordingPublisher(written: (changes: ChangeSet) => string[] = (c) => c.files.map((f) => f.path)) {
  const received: ChangeSet[] = []
  const publisher: Publisher = {
    readText: () => Promise.resolve(undefined),
    publish: (changes) => {
      received.push(changes)
      const paths = written(changes)
      return Promise.resolve({
        written: paths,
        kept: changes.files
          .filter((file) => !paths.includes(file.path))
          .map((file) => ({ path: file.path, reason: 'unchanged' as const })),
        commitSha: 'abc1234def',
        commitUrl: 'https://github.test/commit/abc1234def',
      })
    },
  }
  return { publisher, received }
}

const settingsFor = (raw: RawInputs): Settings =>
  parseSettings({ mode: 'files', ...raw }, { clock: clockAt('2025-12-26T00:00:00Z'), workspace: '/unused' })

const collaborators = (source: PaperSource, publisher: Publisher) => ({
  source,
  publisher,
  log: createMemoryLog(),
  clock: clockAt('2025-12-26T00:00:00Z'),
})

describe('runDigest', () => {
  it('turns the reference day into the reference post, committed under posts-dir', async () => {
    const settings = settingsFor({
      date: '2025-12-24',
      style: 'classic',
      language: 'ko',
      timezone: 'Asia/Seoul',
      'post-time': '09:15',
      categories: 'Daily Papers, 일간',
      author: 'lim4349',
      // The seed post's own file name; the default now adds the day again, for a URL of its own.
      filename: '{date}-daily-papers.md',
    })
    const { publisher, received } = recordingPublisher()
    const result = await runDigest(
      settings,
      collaborators(savedSource({ '2025-12-24': readDay('seed/2025-12-24.json') }), publisher),
    )
    expect(received).toEqual([
      {
        files: [
          {
            path: '_posts/2025-12-24-daily-papers.md',
            content: readFileSync(resolve(fixtures, 'seed/2025-12-24-daily-papers.md'), 'utf8'),
          },
        ],
        message: 'Add Hugging Face Daily Papers for 2025-12-24',
        overwrite: 'changed',
        // The publisher records what it writes of this post in its day's record file; the files of
        // the 7 days before were read for the refresh, and 1.x's record of their month.
        record: {
          files: new Map(
            [...consecutiveDays('2025-12-17', 8), '2025-12'].map((shard) => [
              `.hf-daily-papers/posts/${shard}.json`,
              { entries: new Map(), writable: true },
            ]),
          ),
          posts: new Map([
            [
              '_posts/2025-12-24-daily-papers.md',
              {
                record: '.hf-daily-papers/posts/2025-12-24.json',
                papers: [
                  ['2512.20617', 11],
                  ['2512.19673', 5],
                  ['2512.20491', 4],
                  ['2512.18099', 4],
                  ['2512.19526', 1],
                ],
              },
            ],
          ]),
        },
      },
    ])
    expect(result).toMatchObject({
      posts: ['_posts/2025-12-24-daily-papers.md'],
      papers: 5,
      skipped: undefined,
    })
    expect(result.days[0]?.papers.map((paper) => paper.upvotes)).toEqual([11, 5, 4, 4, 1])
  })

  it('skips an empty day without publishing', async () => {
    const { publisher, received } = recordingPublisher()
    const result = await runDigest(
      settingsFor({ date: '2025-12-21' }),
      collaborators(savedSource({}), publisher),
    )
    expect(received).toEqual([])
    expect(result).toMatchObject({ posts: [], papers: 0, skipped: 'no papers on 2025-12-21' })
  })

  it('posts a short post for an empty day under empty-day: post', async () => {
    const { publisher, received } = recordingPublisher()
    const result = await runDigest(
      settingsFor({ date: '2025-12-21', 'empty-day': 'post' }),
      collaborators(savedSource({}), publisher),
    )
    expect(received[0]?.files.map((file) => file.path)).toEqual([
      '_posts/2025-12-21-daily-papers-2025-12-21.md',
    ])
    expect(result).toMatchObject({ posts: ['_posts/2025-12-21-daily-papers-2025-12-21.md'], papers: 0 })
  })

  it('fails an empty day under empty-day: fail, naming the day', async () => {
    const run = runDigest(
      settingsFor({ date: '2025-12-21', 'empty-day': 'fail' }),
      collaborators(savedSource({}), recordingPublisher().publisher),
    )
    await expect(run).rejects.toThrow(new DigestError('2025-12-21: no papers to post; empty-day is "fail"'))
  })

  it('backfills a range in one change set, one post per day with papers, plus data files', async () => {
    const source = savedSource({
      '2025-11-28': readDay('hf/daily/2025-11-28.json'),
      '2025-12-01': readDay('seed/2025-12-24.json'),
    })
    const { publisher, received } = recordingPublisher()
    const result = await runDigest(
      settingsFor({ date: '2025-11-28..2025-12-01', 'data-dir': '_data/papers', 'max-papers': '3' }),
      collaborators(source, publisher),
    )
    // The range's days, then the 7 days before it (refresh-days), which have no posts to refresh here.
    expect(source.asked).toEqual([...consecutiveDays('2025-11-28', 4), ...consecutiveDays('2025-11-21', 7)])
    expect(received).toHaveLength(1)
    expect(received[0]?.message).toBe('Add Hugging Face Daily Papers for 2025-11-28..2025-12-01')
    expect(received[0]?.files.map((file) => file.path)).toEqual([
      '_posts/2025-11-28-daily-papers-2025-11-28.md',
      '_posts/2025-12-01-daily-papers-2025-12-01.md',
      '_data/papers/daily-2025-11-28.json',
      '_data/papers/daily-2025-12-01.json',
    ])
    const data = JSON.parse(received[0]?.files[2]?.content ?? '') as Array<{ id: string }>
    expect(data).toHaveLength(7)
    expect(result).toMatchObject({
      posts: ['_posts/2025-11-28-daily-papers-2025-11-28.md', '_posts/2025-12-01-daily-papers-2025-12-01.md'],
      papers: 6,
    })
  })

  it('reports unchanged posts as skipped', async () => {
    const { publisher } = recordingPublisher(() => [])
    const result = await runDigest(
      settingsFor({ date: '2025-12-24' }),
      collaborators(savedSource({ '2025-12-24': readDay('seed/2025-12-24.json') }), publisher),
    )
    expect(result).toMatchObject({ posts: [], papers: 5, skipped: 'the post is unchanged' })
  })

  it('warns about each paper it leaves out and fails when none is valid', async () => {
    const broken = (readDay('seed/2025-12-24.json') as Array<{ paper: Record<string, unknown> }>).map(
      (item) => ({
        ...item,
        paper: { ...item.paper, upvotes: null },
      }),
    )
    const partly = [...broken.slice(0, 1), ...readDay('seed/2025-12-24.json').slice(1)]
    const log = createMemoryLog()
    await runDigest(settingsFor({ date: '2025-12-24' }), {
      ...collaborators(savedSource({ '2025-12-24': partly }), recordingPublisher().publisher),
      log,
    })
    expect(log.warnings).toEqual([
      expect.stringMatching(/^2025-12-24: left out paper 2512\.19526: paper\.upvotes: /),
    ])

    const run = runDigest(
      settingsFor({ date: '2025-12-24' }),
      collaborators(savedSource({ '2025-12-24': broken }), recordingPublisher().publisher),
    )
    await expect(run).rejects.toThrow(/all 5 papers Hugging Face listed failed validation/)
  })
})

describe('runDigest on today', () => {
  it('warns that today is still growing and says so in the result', async () => {
    const log = createMemoryLog()
    const settings = parseSettings(
      { mode: 'files', date: 'today' },
      { clock: clockAt('2025-12-24T06:00:00Z'), workspace: '/w' },
    )
    const result = await runDigest(settings, {
      source: savedSource({ '2025-12-24': readDay('seed/2025-12-24.json') }),
      publisher: recordingPublisher().publisher,
      log,
      clock: clockAt('2025-12-24T06:00:00Z'),
    })
    expect(result.days[0]?.incomplete).toBe(true)
    expect(log.warnings).toEqual([
      expect.stringMatching(/^2025-12-24 is today on Hugging Face's calendar \(UTC\)/),
    ])
  })
})

describe('weekly and monthly digests', () => {
  const novemberSource = () =>
    savedSource(
      Object.fromEntries(
        readdirSync(resolve(fixtures, 'hf/daily'))
          .filter((name) => name.startsWith('2025-11-'))
          .map((name) => [name.slice(0, 10), readDay(`hf/daily/${name}`)]),
      ),
    )
  const allPapers = (days: string[]) =>
    days.flatMap((day) => parseDailyPapers(readDay(`hf/daily/${day}.json`), day).papers)

  it('ranks the ISO week containing the date, each paper once, top 20 by default', async () => {
    const source = novemberSource()
    const { publisher, received } = recordingPublisher()
    const result = await runDigest(
      settingsFor({ date: '2025-11-26', digest: 'weekly', style: 'classic', language: 'ko' }),
      collaborators(source, publisher),
    )
    expect(source.asked).toEqual(consecutiveDays('2025-11-24', 7))
    const week = allPapers(consecutiveDays('2025-11-24', 5))
    const expectedTop = [...week].sort((a, b) => b.upvotes - a.upvotes).slice(0, 20)
    expect(received[0]?.message).toBe('Add Hugging Face Daily Papers for 2025-11-24..2025-11-30')
    const [post] = received[0]?.files ?? []
    expect(post?.path).toBe('_posts/2025-11-24-weekly-papers-2025-W48.md')
    expect(post?.content).toContain('title: Hugging Face Weekly Papers - 2025-W48')
    // Named on the week's first day, dated at its end: after the daily posts it sums up, the same on
    // every run once the week is over (Jekyll's URL may come from this date).
    expect(post?.content).toContain('date: 2025-11-30 23:59:00 +0000')
    expect(post?.content).toContain('## 📊 통계')
    expect(post?.content).toContain(`- 논문 수: ${new Set(week.map((p) => p.id)).size}개`)
    expect(post?.content).toContain('- 기간: 2025-11-24 ~ 2025-11-30 (논문이 있는 날 5일)')
    expect(post?.content).toContain('## 🔥 가장 인기 있는 논문 Top 20')
    expect(post?.content).toContain('## 🏷️ 인기 키워드 Top 10')
    const ranked = [...(post?.content.matchAll(/^\d+\. \*\*.*\*\* - 👍 (\d+)$/gm) ?? [])].map((m) =>
      Number(m[1]),
    )
    expect(ranked).toEqual(expectedTop.map((p) => p.upvotes))
    const ids = [...(post?.content.matchAll(/huggingface\.co\/papers\/([\d.]+)\)/g) ?? [])].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
    expect(result).toMatchObject({ posts: ['_posts/2025-11-24-weekly-papers-2025-W48.md'], papers: 20 })
  })

  it('covers the month up to today, with English statistics', async () => {
    const source = novemberSource()
    const { publisher, received } = recordingPublisher()
    await runDigest(
      parseSettings(
        { mode: 'files', date: '2025-11-10', digest: 'monthly', style: 'classic', 'max-papers': '5' },
        { clock: clockAt('2025-11-20T12:00:00Z'), workspace: '/unused' },
      ),
      { ...collaborators(source, publisher), clock: clockAt('2025-11-20T12:00:00Z') },
    )
    expect(source.asked).toHaveLength(20)
    const content = received[0]?.files[0]?.content ?? ''
    expect(received[0]?.files[0]?.path).toBe('_posts/2025-11-01-monthly-papers-2025-11.md')
    expect(content).toContain('title: Hugging Face Monthly Papers - 2025-11')
    // While the month runs, the start of the run's day: after the daily posts so far, the same all day.
    expect(content).toContain('date: 2025-11-20 00:00:00 +0000')
    expect(content).toContain('- Period: 2025-11-01 to 2025-11-20 (14 days with papers)')
    expect(content).toContain('## 🔥 Top 5 papers by upvotes')
    expect(content).toMatch(/## 🏷️ Top 10 keywords\n\n1\. .+ \(\d+\)\n2\. /)
  })
})

describe('the order of the requests', () => {
  it("sends the branch's read (its record files, batched as the publisher does) before asking for the days", async () => {
    const settings = settingsFor({ date: '2025-12-24' })
    const events: string[] = []
    const source = daySource({})
    const fetchDay = source.fetchDay.bind(source)
    source.fetchDay = (day) => {
      events.push(`fetch ${day}`)
      return fetchDay(day)
    }
    const { publisher } = recordingPublisher()
    publisher.readText = batchedReader((paths) => {
      events.push(`read ${paths.length} paths`)
      return Promise.resolve(new Map(paths.map((path) => [path, undefined])))
    })
    await runDigest(settings, collaborators(source, publisher))
    // The 8 days' record files and 1.x's record of their month.
    expect(events[0]).toBe('read 9 paths')
    expect(events.slice(1, 9)).toEqual(expect.arrayContaining(['fetch 2025-12-24', 'fetch 2025-12-17']))
  })
})
