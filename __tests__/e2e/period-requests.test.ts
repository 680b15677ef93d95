import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChangeSet, Publisher } from '../../src/core/changes.js'
import { runDigest } from '../../src/pipeline/run.js'
import { parseSettings } from '../../src/settings/settings.js'
import { createHuggingFaceSource } from '../../src/source/huggingface.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { createMemoryLog } from '../support/memory-log.js'
import { runAction } from '../support/run-action.js'
import { clockAt } from '../support/test-clock.js'

/**
 * The bundled action asks Hugging Face for a weekly or monthly digest's period in one paged request, and
 * writes the post that src/'s pipeline writes when it asks a day at a time.
 */
let hf: HfServer
beforeAll(async () => {
  hf = await startHfServer()
})
afterAll(() => hf.close())

/** The post src/ writes for `inputs` asking Hugging Face a day at a time (`date=`). */
async function dayByDayPost(inputs: Record<string, string>): Promise<ChangeSet['files']> {
  const clock = clockAt(new Date().toISOString())
  const published: ChangeSet[] = []
  const publisher: Publisher = {
    readText: () => Promise.resolve(undefined),
    publish: (changes) => {
      published.push(changes)
      return Promise.resolve({ written: changes.files.map((file) => file.path), kept: [] })
    },
  }
  const client = createHuggingFaceSource({ baseUrl: hf.url, userAgent: 'test', clock })
  const settings = parseSettings({ mode: 'files', ...inputs }, { clock, workspace: '/unused' })
  const source = { fetchDay: (day: string) => client.fetchDay(day) }
  await runDigest(settings, { source, publisher, log: createMemoryLog(), clock })
  return published.flatMap((changes) => changes.files)
}

describe('the bundled action, for a period', () => {
  it.each([
    ['weekly', '2025-11-26', 'week=2025-W48', 2],
    ['monthly', '2024-01-15', 'month=2024-01', 10],
  ] as const)(
    'asks for a %s digest in few requests and writes the post of a day at a time',
    async (digest, date, query, most) => {
      const workspace = await mkdtemp(join(tmpdir(), 'period-'))
      try {
        hf.requests.length = 0
        const inputs = { digest, date, mode: 'files', 'hf-api-url': hf.url }
        const run = await runAction({ inputs, workspace })
        expect(run.stderr).toBe('')
        expect(run.exitCode).toBe(0)
        const queries = hf.requests.map((request) => new URL(request.url, hf.url).search.slice(1))
        expect(queries.length).toBeLessThanOrEqual(most)
        expect(queries.every((asked) => asked.startsWith(`${query}&limit=100&p=`))).toBe(true)
        const expected = await dayByDayPost(inputs)
        expect(expected).toHaveLength(1)
        for (const file of expected)
          expect(await readFile(join(workspace, file.path), 'utf8')).toBe(file.content)
      } finally {
        await rm(workspace, { recursive: true, force: true })
      }
    },
  )
})
