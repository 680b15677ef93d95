import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { digestFiles } from '../support/digest-files.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
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

describe('the bundled action, for a period', () => {
  // The saved days lack a few weekdays of January 2024: the last, empty in the month's answer, is asked
  // by itself (empty there too).
  it.each([
    ['weekly', '2025-11-26', 'week=2025-W48', 2, []],
    ['monthly', '2024-01-15', 'month=2024-01', 10, ['date=2024-01-16&limit=100&p=0']],
  ] as const)(
    'asks for a %s digest in few requests and writes the post of a day at a time',
    async (digest, date, query, most, alone) => {
      const workspace = await mkdtemp(join(tmpdir(), 'period-'))
      try {
        hf.requests.length = 0
        const inputs = { digest, date, mode: 'files', 'hf-api-url': hf.url }
        const run = await runAction({ inputs, workspace })
        expect(run.stderr).toBe('')
        expect(run.exitCode).toBe(0)
        const queries = hf.requests.map((request) => new URL(request.url, hf.url).search.slice(1))
        expect(queries.length).toBeLessThanOrEqual(most)
        expect(queries.filter((asked) => !asked.startsWith(`${query}&limit=100&p=`))).toEqual(alone)
        const clock = clockAt(new Date().toISOString())
        const { files: expected } = await digestFiles(inputs, { hfUrl: hf.url, clock, byDay: true })
        expect(expected).toHaveLength(1)
        for (const file of expected)
          expect(await readFile(join(workspace, file.path), 'utf8')).toBe(file.content)
      } finally {
        await rm(workspace, { recursive: true, force: true })
      }
    },
  )
})
