import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createMemoryLog } from './support/memory-log.js'
import { DigestError } from '../src/pipeline/errors.js'
import { runDigest } from '../src/pipeline/run.js'
import { parseSettings } from '../src/settings/settings.js'
import { consecutiveDays } from './support/days.js'
import { clockAt } from './support/test-clock.js'
import {
  collaborators,
  fixtures,
  readDay,
  recordingPublisher,
  savedSource,
  settingsFor,
} from './pipeline-run.js'

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
            // No record names it: a post already there would be someone else's, left as it is.
            policy: { kind: 'held', why: 'not-recorded' },
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
                language: 'ko',
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
      expect.stringMatching(
        /^2025-12-24 is today on Hugging Face's calendar \(UTC\).* Schedule the run for "yesterday"/,
      ),
    ])
  })

  it('tells a week still running that a later run completes its post, not to ask for yesterday', async () => {
    const log = createMemoryLog()
    const clock = clockAt('2025-12-24T06:00:00Z')
    const settings = parseSettings(
      { mode: 'files', date: 'yesterday', digest: 'weekly' },
      { clock, workspace: '/w' },
    )
    await runDigest(settings, {
      source: savedSource({ '2025-12-24': readDay('seed/2025-12-24.json') }),
      publisher: recordingPublisher().publisher,
      log,
      clock,
    })
    expect(log.warnings).toContain(
      "2025-12-24 is today on Hugging Face's calendar (UTC): its list keeps growing during the day, so the post may miss papers. Each run of the week rewrites its post, and the first after the week ends completes it.",
    )
  })
})
