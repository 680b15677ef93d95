import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createMemoryLog } from './support/memory-log.js'
import { runDigest } from '../src/pipeline/run.js'
import { createCommitPublisher } from '../src/publish/github.js'
import { parseSettings } from '../src/settings/settings.js'
import { createHuggingFaceSource } from '../src/source/huggingface.js'
import { startGitHubServer, type GitHubServer } from './support/github-server.js'
import { startHfServer, type HfServer } from './support/hf-server.js'
import { clockAt, testClock } from './support/test-clock.js'

/**
 * The whole pipeline over real HTTP against both stand-ins, with Hugging Face faults injected, on
 * simulated time: passing faults still end in one commit, lasting ones in none.
 */
let hf: HfServer
let github: GitHubServer

beforeAll(async () => {
  const seed = JSON.parse(
    await readFile(resolve(process.cwd(), '__tests__/fixtures/seed/2025-12-24.json'), 'utf8'),
  ) as unknown[]
  hf = await startHfServer({ days: new Map([['2025-12-24', seed]]) })
  github = await startGitHubServer()
})
afterAll(async () => {
  await Promise.all([hf.close(), github.close()])
})

async function digestWithFaults(...faults: Parameters<HfServer['inject']>[0][]) {
  for (const fault of faults) hf.inject(fault)
  github.requests.length = 0
  const settings = parseSettings(
    // One day only: injected faults meet the day's own request, not those of refresh-days.
    { date: '2025-12-24', token: 'write-token', 'hf-api-url': hf.url, 'refresh-days': '0' },
    { clock: clockAt('2025-12-26T00:00:00Z'), repository: 'octo/blog', workspace: '/unused' },
  )
  const log = createMemoryLog()
  // One clock for each system: a hang at Hugging Face moves only its own to the deadline.
  const hfClock = testClock()
  hf.onStall = hfClock.stall
  return runDigest(settings, {
    source: createHuggingFaceSource({ baseUrl: settings.hfApiUrl, userAgent: 'test', clock: hfClock }),
    publisher: createCommitPublisher({
      token: 'write-token',
      apiUrl: github.apiUrl,
      graphqlUrl: github.graphqlUrl,
      repository: { owner: 'octo', repo: 'blog' },
      userAgent: 'test',
      log,
      clock: testClock(),
    }),
    log,
    clock: clockAt('2025-12-26T00:00:00Z'),
  })
}

describe('Hugging Face faults, end to end', () => {
  it('commits once after a rate limit, a reset, a truncated body and a hang (four failed attempts of five)', async () => {
    const result = await digestWithFaults(
      { status: 429, headers: { RateLimit: '"api";r=0;t=3' } },
      'reset',
      'truncate',
      'hang',
    )
    expect(result.commitSha).toBe(await github.git.head('main'))
    // The record of what the action wrote is read while Hugging Face answers.
    expect(github.requests.map((request) => request.operation)).toEqual([
      'ReadFiles',
      'ReadBranch',
      'CreateCommitOnBranch',
    ])
  })

  // Retried faults come five times (every attempt), the others once.
  it.each<[string, Parameters<HfServer['inject']>[0], number, RegExp]>([
    ['a lasting 502', { status: 502 }, 5, /answered 502 Bad Gateway.*gave up after 5 attempts/],
    [
      'an HTML page',
      'html',
      1,
      /an HTML page titled "Just a moment\.\.\." where a JSON array of papers was expected/,
    ],
    [
      'an error object',
      { status: 200, body: { error: 'Invalid date' } },
      1,
      /returned \{"error":"Invalid date"\}/,
    ],
    ['a 400', { status: 400, body: { error: 'bad limit' } }, 1, /answered 400 Bad Request: "bad limit"/],
  ])('fails cleanly on %s and commits nothing', async (_, fault, times, message) => {
    const commits = (await github.git.log('main')).length
    await expect(digestWithFaults(...Array<typeof fault>(times).fill(fault))).rejects.toThrow(message)
    // At most the record of what the action wrote was read, while Hugging Face was failing.
    expect(github.requests.filter((request) => request.operation !== 'ReadFiles')).toEqual([])
    expect(await github.git.log('main')).toHaveLength(commits)
  })
})
