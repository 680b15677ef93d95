import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { runDigest } from '../src/pipeline/run.js'
import { parseSettings } from '../src/settings/settings.js'
import { parseDailyPapers } from '../src/source/paper.js'
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

  it("tells once about a broken record file that both the week's guard and its day links read", async () => {
    const { publisher } = recordingPublisher()
    const broken = (path: string) =>
      Promise.resolve(path === '.hf-daily-papers/posts/2025-11-24.json' ? '{"posts": ' : undefined)
    const helpers = collaborators(novemberSource(), { ...publisher, readText: broken })
    await runDigest(settingsFor({ date: '2025-11-26', digest: 'weekly' }), helpers)
    expect(helpers.log.warnings.filter((line) => line.includes('2025-11-24.json'))).toEqual([
      expect.stringMatching(/^\.hf-daily-papers\/posts\/2025-11-24\.json is not valid JSON/),
    ])
  })

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
    // The week's own name, not a range that a week still running would cut short.
    expect(received[0]?.message).toBe('Add Hugging Face Weekly Papers for 2025-W48')
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
    expect(received[0]?.message).toBe('Add Hugging Face Monthly Papers for 2025-11')
    expect(content).toContain('title: Hugging Face Monthly Papers - 2025-11')
    // While the month runs, the start of the run's day: after the daily posts so far, the same all day.
    expect(content).toContain('date: 2025-11-20 00:00:00 +0000')
    expect(content).toContain('- Period: 2025-11-01 to 2025-11-20 (14 days with papers)')
    expect(content).toContain('## 🔥 Top 5 papers by upvotes')
    expect(content).toMatch(/## 🏷️ Top 10 keywords\n\n1\. .+ \(\d+\)\n2\. /)
  })
})
