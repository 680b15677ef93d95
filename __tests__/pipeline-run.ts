/** What the tests of runDigest share: saved days, a publisher that records, and settings on one day. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createMemoryLog } from './support/memory-log.js'
import type { ChangeSet, Publisher } from '../src/core/changes.js'
import { parseSettings, type Settings } from '../src/settings/settings.js'
import type { RawInputs } from '../src/settings/inputs.js'
import type { PaperSource } from '../src/source/source.js'
import { daySource } from './support/day-source.js'
import { clockAt } from './support/test-clock.js'

export const fixtures = resolve(process.cwd(), '__tests__/fixtures')
export const readDay = (file: string) =>
  JSON.parse(readFileSync(resolve(fixtures, file), 'utf8')) as unknown[]

export const savedSource = (days: Record<string, unknown[]>) => daySource(days)

/** Accepts every change set and reports every file as written (the others: as unchanged), remembering what it was given. */
export function recordingPublisher(
  written: (changes: ChangeSet) => string[] = (c) => c.files.map((f) => f.path),
) {
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

export const settingsFor = (raw: RawInputs): Settings =>
  parseSettings({ mode: 'files', ...raw }, { clock: clockAt('2025-12-26T00:00:00Z'), workspace: '/unused' })

export const collaborators = (source: PaperSource, publisher: Publisher) => ({
  source,
  publisher,
  log: createMemoryLog(),
  clock: clockAt('2025-12-26T00:00:00Z'),
})
