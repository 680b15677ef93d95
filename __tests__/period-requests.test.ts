import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ChangeSet, Publisher } from '../src/core/changes.js'
import { runDigest } from '../src/pipeline/run.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { parseSettings } from '../src/settings/settings.js'
import { createHuggingFaceSource } from '../src/source/huggingface.js'
import type { PaperSource } from '../src/source/source.js'
import { startHfServer, type HfServer } from './support/hf-server.js'
import { createMemoryLog } from './support/memory-log.js'
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

/** The run's files and the queries it sent; `byDay` hides the source's periods, as for a daily run. */
async function run(raw: RawInputs, byDay: boolean) {
  const clock = clockAt('2025-12-26T00:00:00Z')
  const published: ChangeSet[] = []
  const publisher: Publisher = {
    readText: () => Promise.resolve(undefined),
    publish: (changes) => {
      published.push(changes)
      return Promise.resolve({ written: changes.files.map((file) => file.path), kept: [] })
    },
  }
  const client = createHuggingFaceSource({ baseUrl: server.url, userAgent: 'test', clock })
  const source: PaperSource = byDay ? { fetchDay: (day) => client.fetchDay(day) } : client
  const settings = parseSettings(
    { mode: 'files', 'data-dir': '_data/papers', ...raw },
    { clock, workspace: '/unused' },
  )
  server.requests.length = 0
  const log = createMemoryLog()
  await runDigest(settings, { source, publisher, log, clock })
  const queries = server.requests.map((request) => new URL(request.url, server.url).search.slice(1))
  const files = published.flatMap((changes) => changes.files.map((file) => [file.path, file.content]))
  return { files, queries, warnings: log.warnings }
}

describe('a period in one request writes what a day at a time writes', () => {
  it.each([
    ['a weekly digest', { digest: 'weekly', date: '2025-11-26' }, ['week=2025-W48'], 2],
    ['a monthly digest', { digest: 'monthly', date: '2024-01-15' }, ['month=2024-01'], 10],
    [
      'a backfill of November 2025 with its 7 refresh days (Oct 25 to 31)',
      { date: '2025-11-01..2025-11-30' },
      ['month=2025-11', 'week=2025-W44', 'date=2025-10-25', 'date=2025-10-26'],
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
