import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Paper } from '../src/core/paper.js'
import { POST_RECORD, recordPath, type RecordEntry } from '../src/core/post-record.js'
import { renderStateFile } from '../src/core/state-file.js'
import { runDigest } from '../src/pipeline/run.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { parseSettings } from '../src/settings/settings.js'
import { parseDailyPapers } from '../src/source/paper.js'
import { daySource } from './support/day-source.js'
import { consecutiveDays } from './support/days.js'
import { clockAt } from './support/test-clock.js'
import { createMemoryLog } from './support/memory-log.js'
import { recordingPublisher } from './support/recording-publisher.js'
import { dailyPostLink } from './support/post-links.js'

/**
 * A weekly post in the digest style: its statistics and merged keywords under the TL;DR, and each paper's
 * day linked to that day's post where the record says the action wrote one and the post is still there.
 */
const WEEK = consecutiveDays('2025-11-24', 7)
const items = (day: string): unknown[] => {
  try {
    return JSON.parse(
      readFileSync(resolve(process.cwd(), `__tests__/fixtures/hf/daily/${day}.json`), 'utf8'),
    ) as unknown[]
  } catch {
    return []
  }
}
const papersOf = (day: string): Paper[] => parseDailyPapers(items(day), day).papers
const ranking = (papers: Paper[]) => papers.map((paper) => [paper.id, paper.upvotes] as const)
const blob = 'a'.repeat(40)

/**
 * The record of late November, a file per day: the daily posts of the 24th (there), 25th (deleted
 * since) and 26th (unsafe name), and a weekly post dated on the 27th.
 */
function novemberRecords(): Array<[string, string]> {
  const entries: Array<[string, RecordEntry]> = [
    ['_posts/2025-11-24-daily-papers-2025-11-24.md', { blob, papers: ranking(papersOf('2025-11-24')) }],
    ['_posts/2025-11-25-daily-papers-2025-11-25.md', { blob, papers: ranking(papersOf('2025-11-25')) }],
    ['_posts/2025-11-26-{{ site }}.md', { blob, papers: ranking(papersOf('2025-11-26')) }],
    // Another weekly post dated on the 27th shows papers of several days: not the 27th's daily post.
    [
      '_posts/2025-11-27-weekly-papers.md',
      { blob, papers: ranking([...papersOf('2025-11-27'), ...papersOf('2025-11-24')]) },
    ],
  ]
  return entries.map(([path, entry]) => [
    recordPath(path.slice('_posts/'.length, '_posts/'.length + 10)),
    renderStateFile(POST_RECORD, new Map([[path, entry]])),
  ])
}

async function weekly(raw: RawInputs, more: Array<[string, string]> = []) {
  const present = new Map([
    ...novemberRecords(),
    ['_posts/2025-11-24-daily-papers-2025-11-24.md', 'the post\n'],
    ['_posts/2025-11-26-{{ site }}.md', 'the post\n'],
    ['_posts/2025-11-27-weekly-papers.md', 'the post\n'],
    ...more,
  ])
  const { publisher, published, read } = recordingPublisher(present)
  const clock = clockAt('2025-12-26T00:00:00Z')
  const settings = parseSettings(
    { mode: 'files', digest: 'weekly', date: '2025-11-26', ...raw },
    { clock, workspace: '/unused' },
  )
  const source = daySource(Object.fromEntries(WEEK.map((day) => [day, items(day)])))
  await runDigest(settings, { source, publisher, log: createMemoryLog(), clock })
  return { post: published[0]?.files[0]?.content ?? '', read }
}

describe('a weekly post in the digest style', () => {
  it("links each paper's day to that day's post where the action wrote it and it is still there", async () => {
    const { post } = await weekly({})
    const days = [...post.matchAll(/\[📅\u00a0([^\]]+)\]\(([^)]+)\)|📅\u00a0([A-Z][a-z]{2} \d+)/g)].map(
      (match) => match[3] ?? `${match[1]} → ${match[2]}`,
    )
    expect(days).toHaveLength(20)
    expect(days).toContain(`Nov 24 → ${dailyPostLink('2025-11-24')}`)
    // The 25th's post was deleted, the 26th's has a name unsafe in a Liquid tag, the 27th's is no daily post.
    expect(new Set(days.filter((day) => day.includes('→')))).toEqual(
      new Set([`Nov 24 → ${dailyPostLink('2025-11-24')}`]),
    )
    expect(days).not.toContain('Nov 24')
  })

  it("links no daily post recorded in another language: another blog's, beside its own", async () => {
    const daily = '_posts/2025-11-24-daily-papers-2025-11-24.md'
    const inEnglish = (language: 'en' | 'ko'): [string, string] => [
      recordPath('2025-11-24'),
      renderStateFile(
        POST_RECORD,
        new Map([[daily, { blob, papers: ranking(papersOf('2025-11-24')), language }]]),
      ),
    ]
    const linked = (post: string) => post.includes(dailyPostLink('2025-11-24'))
    expect(linked((await weekly({ language: 'ko' }, [inEnglish('en')])).post)).toBe(false)
    expect(linked((await weekly({ language: 'ko' }, [inEnglish('ko')])).post)).toBe(true)
  })

  it('links a daily post a paper of which Hugging Face has since dropped', async () => {
    const daily = '_posts/2025-11-24-daily-papers-2025-11-24.md'
    const dropped: [string, number] = ['2511.99999', 1]
    const record: [string, string] = [
      recordPath('2025-11-24'),
      renderStateFile(
        POST_RECORD,
        new Map([[daily, { blob, papers: [...ranking(papersOf('2025-11-24')), dropped] }]]),
      ),
    ]
    expect((await weekly({}, [record])).post).toContain(dailyPostLink('2025-11-24'))
  })

  it("takes no weekly or monthly post recorded under a day for that day's own", async () => {
    const monday = '2025-11-24'
    const daily = `_posts/${monday}-daily-papers-${monday}.md`
    const few = (count: number) => ranking(papersOf(monday).slice(0, count))
    const record = (entries: Array<[string, RecordEntry]>): [string, string] => [
      recordPath(monday),
      renderStateFile(POST_RECORD, new Map(entries)),
    ]
    const linkOf = (post: string) => /\[📅\u00a0Nov 24\]\(([^)]+)\)/.exec(post)?.[1]
    // A monthly post marked as one, and a weekly one recorded before posts were marked (it shows fewer
    // of the day's papers than the day's own post), both named for the day and sorted before it.
    const marked: [string, RecordEntry] = [
      `_posts/${monday}-a-monthly.md`,
      { blob, papers: few(2), period: 'month' },
    ]
    const unmarked: [string, RecordEntry] = [`_posts/${monday}-b-weekly.md`, { blob, papers: few(3) }]
    const posts: Array<[string, string]> = [marked, unmarked].map(([path]) => [path, 'the post\n'])
    const withDaily = await weekly({}, [
      record([marked, unmarked, [daily, { blob, papers: ranking(papersOf(monday)) }]]),
      ...posts,
    ])
    expect(linkOf(withDaily.post)).toBe(dailyPostLink(monday))
    const withoutDaily = await weekly({}, [record([marked]), ...posts])
    expect(linkOf(withoutDaily.post)).toBe(undefined)
  })

  it("links the day's post in its own language, wherever the other language's posts are", async () => {
    const monday = '2025-11-24'
    const name = `${monday}-daily-papers-${monday}.md`
    const all = ranking(papersOf(monday))
    // English with fewer papers a folder below, Korean in another: as far from the week's _posts.
    const entries: Array<[string, RecordEntry]> = [
      [`_posts/daily/${name}`, { blob, papers: all.slice(0, 3), language: 'en' }],
      [`_posts/ko/${name}`, { blob, papers: all, language: 'ko' }],
    ]
    const linkOf = (post: string) => /\[📅\u00a0Nov 24\]\(([^)]+)\)/.exec(post)?.[1]
    const more: Array<[string, string]> = [
      [recordPath(monday), renderStateFile(POST_RECORD, new Map(entries))],
      ...entries.map(([path]): [string, string] => [path, 'the post\n']),
    ]
    const { post } = await weekly({}, more)
    expect(linkOf(post)).toContain(`"_posts/daily/${name}"`)
  })

  it('puts its statistics and merged keywords under the TL;DR, before the top papers, and dates it at its end', async () => {
    const { post } = await weekly({})
    const tldr = post.indexOf('> **TL;DR** — ')
    const statistics = post.indexOf('## 📊 Statistics')
    const top = post.indexOf('## 🔥 Top 5')
    expect(tldr).toBeGreaterThan(0)
    expect(statistics).toBeGreaterThan(tldr)
    expect(top).toBeGreaterThan(statistics)
    expect(post).toMatch(/^- 🏷️ Keywords: .+\u00a0\(\d+\)/m)
    const keywords = /^- 🏷️ Keywords: (.+)$/m.exec(post)?.[1]?.split(' · ') ?? []
    expect(
      keywords.filter((keyword) => /^(?:LLMs?|large language models?)\u00a0/i.test(keyword)),
    ).toHaveLength(1)
    expect(post).toContain('date: 2025-11-30 23:59:00 +0000')
  })

  it("says how many of the week's papers the filters kept, before the most upvoted of those", async () => {
    const { post } = await weekly({ 'min-upvotes': '40' })
    const listed = WEEK.reduce((sum, day) => sum + papersOf(day).length, 0)
    const kept = WEEK.flatMap(papersOf).filter((paper) => paper.upvotes >= 40).length
    expect(kept).toBeLessThan(listed)
    expect(post).toMatch(
      new RegExp(`^description: "${kept} of the ${listed} papers over \\d days\\. Most upvoted: `, 'm'),
    )
    expect(post).toContain(`> **TL;DR** — ${kept} of the ${listed} papers over `)
  })

  it('reads nothing and links nothing in a dry run', async () => {
    const { post, read } = await weekly({ mode: 'dry-run' })
    expect(read).toEqual([])
    expect(post).not.toContain('site.posts')
  })
})
