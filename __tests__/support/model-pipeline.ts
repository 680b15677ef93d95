/**
 * The pipeline with the model layer, in-process, against the OpenAI-compatible stand-in: saved days of
 * papers, a repository in memory whose published files the next run reads, and one stand-in per test file.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runDigest } from '../../src/pipeline/run.js'
import type { ChangeSet, Publisher } from '../../src/core/changes.js'
import { recordChanges } from '../../src/core/post-record.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import type { PaperSource } from '../../src/source/source.js'
import { startLlmServer, type LlmServer } from './llm-server.js'
import { createMemoryLog } from './memory-log.js'
import { clockAt } from './test-clock.js'

const LLM_TOKEN = 'sk-llm-0123456789'
const fixtures = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
export const DAYS: Record<string, unknown[]> = Object.fromEntries(
  ['2024-01-01', '2024-01-03', '2025-11-03', '2025-11-04'].map((day) => [
    day,
    JSON.parse(readFileSync(resolve(fixtures, `${day}.json`), 'utf8')) as unknown[],
  ]),
)

export const source: PaperSource = {
  fetchDay: (day) => Promise.resolve({ day, ...parseDailyPapers(DAYS[day] ?? [], day) }),
}
/** The source as it answers a day later: 2025-11-03 gained a paper (2025-11-04's first, listed again). */
export const dayLater: PaperSource = {
  fetchDay: (day) => {
    const items = day === '2025-11-03' ? [...DAYS[day]!, DAYS['2025-11-04']![0]] : (DAYS[day] ?? [])
    return Promise.resolve({ day, ...parseDailyPapers(items, day) })
  },
}

/** A repository: what was published is what readText finds next time. */
export function repository() {
  const files = new Map<string, string>()
  const received: ChangeSet[] = []
  const reads: string[] = []
  const publisher: Publisher = {
    readText: (path) => {
      reads.push(path)
      return Promise.resolve(files.get(path))
    },
    publish: (changes) => {
      received.push(changes)
      const written = changes.files.filter((file) => files.get(file.path) !== file.content)
      const kept = changes.files.filter((file) => !written.includes(file))
      for (const file of [...written, ...recordChanges(changes.record, written)])
        files.set(file.path, file.content)
      return Promise.resolve({
        written: written.map((file) => file.path),
        kept: kept.map((file) => ({ path: file.path, reason: 'unchanged' as const })),
      })
    },
  }
  return { files, received, reads, publisher }
}

/** The stand-in, started once for the test file, its requests cleared before each test. */
export function useLlmServer(): () => LlmServer {
  let llm: LlmServer | undefined
  beforeAll(async () => {
    llm = await startLlmServer()
  })
  afterAll(async () => {
    await llm?.close()
  })
  beforeEach(() => {
    if (llm) llm.requests.length = 0
  })
  return () => {
    if (llm === undefined) throw new Error('the model stand-in is not started yet')
    return llm
  }
}

/** A run in files mode, Korean, classic style, with model summaries from `llm`. */
export async function runWithModel(
  llm: LlmServer,
  raw: RawInputs,
  publisher: Publisher,
  from: PaperSource = source,
) {
  const settings = parseSettings(
    {
      mode: 'files',
      // The lines of version 1's layout, one per field, which the tests read.
      style: 'classic',
      language: 'ko',
      fields: 'llm-summary, hf-link',
      'llm-api-url': llm.url,
      'llm-token': LLM_TOKEN,
      ...raw,
    },
    { clock: clockAt('2025-12-26T00:00:00Z'), workspace: '/unused' },
  )
  const log = createMemoryLog()
  const result = await runDigest(settings, {
    source: from,
    publisher,
    log,
    clock: clockAt('2025-12-26T00:00:00Z'),
  })
  return { result, log }
}
