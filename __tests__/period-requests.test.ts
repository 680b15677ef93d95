import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { planRequests } from '../src/pipeline/fetch.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { digestFiles } from './support/digest-files.js'
import { startHfServer, type HfServer } from './support/hf-server.js'
import { consecutiveDays } from './support/days.js'
import { clockAt } from './support/test-clock.js'

/**
 * Weekly and monthly digests and backfills ask Hugging Face a week or a month at a time (`week=`,
 * `month=`): the posts and data files they write are byte for byte those of the same run asking a day at
 * a time (`date=`), against the same stand-in serving the real saved days.
 */
let server: HfServer
beforeAll(async () => {
  server = await startHfServer()
})
afterAll(() => server.close())

/** The run's files and warnings, and the queries it sent. */
async function run(raw: RawInputs, byDay: boolean) {
  server.requests.length = 0
  const clock = clockAt('2025-12-26T00:00:00Z')
  const written = await digestFiles(
    { 'data-dir': '_data/papers', ...raw },
    { hfUrl: server.url, clock, byDay },
  )
  const queries = server.requests.map((request) => new URL(request.url, server.url).search.slice(1))
  return { ...written, queries }
}

describe('a period in one request writes what a day at a time writes', () => {
  it.each([
    ['a weekly digest', { digest: 'weekly', date: '2025-11-26' }, ['week=2025-W48'], 2],
    // The saved days lack a few weekdays: the last of a period's, empty in its answer, is asked by itself.
    ['a monthly digest', { digest: 'monthly', date: '2024-01-15' }, ['month=2024-01', 'date=2024-01-16'], 10],
    [
      'a backfill of November 2025 with its 7 refresh days (Oct 25 to 31)',
      { date: '2025-11-01..2025-11-30' },
      ['month=2025-11', 'week=2025-W44', 'date=2025-10-31', 'date=2025-10-25', 'date=2025-10-26'],
      Infinity,
    ],
  ] as const)('%s', async (_, raw, asked, most) => {
    const byPeriod = await run(raw, false)
    const byDay = await run(raw, true)
    expect(byPeriod.files.length).toBeGreaterThan(0)
    expect(byPeriod.files).toEqual(byDay.files)
    expect(byPeriod.warnings).toEqual(byDay.warnings)
    expect(new Set(byPeriod.queries.map((query) => query.replace(/&limit=100&p=\d+$/, '')))).toEqual(
      new Set(asked),
    )
    expect(byPeriod.queries.length).toBeLessThanOrEqual(most)
    expect(byPeriod.queries.length).toBeLessThan(byDay.queries.length)
  })
})

describe('the requests for a run of days', () => {
  const plan = (days: string[]) =>
    planRequests(days).map((request) =>
      'day' in request
        ? request.day
        : `${request.period.name}: ${request.asked.length} of ${request.period.days.length}`,
    )

  it('asks a month from 8 of its days, a week from 3 of the days left, and the rest a day at a time', () => {
    expect(plan(consecutiveDays('2025-10-25', 37))).toEqual([
      '2025-11: 30 of 30',
      '2025-W44: 5 of 7',
      '2025-10-25',
      '2025-10-26',
    ])
    expect(plan(consecutiveDays('2025-11-24', 7))).toEqual(['2025-W48: 7 of 7'])
    expect(plan(consecutiveDays('2025-11-24', 3))).toEqual(['2025-W48: 3 of 7'])
    expect(plan(consecutiveDays('2025-11-24', 2))).toEqual(['2025-11-24', '2025-11-25'])
    // A week across two months: its days are asked with the week, not with either month.
    expect(plan(consecutiveDays('2025-12-29', 7))).toEqual(['2026-W01: 7 of 7'])
  })
})
