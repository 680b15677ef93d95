import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { describeMissing } from '../../src/enrich/reasons.js'
import { MODEL_HOST } from '../../src/core/http/limits.js'
import { startLlmServer, TOKENS_LIMIT_ANSWER, type LlmServer } from '../support/llm-server.js'
import { between, testClock } from '../support/test-clock.js'
import { createMemoryLog } from '../support/memory-log.js'
import { cacheJson, enrichOn, fixtureDay, LLM_TOKEN, type Run } from './harness.js'

let llm: LlmServer
beforeEach(async () => {
  llm = await startLlmServer()
})
afterEach(() => llm.close())

const day = fixtureDay()
const ids = day.map((paper) => paper.id)
/** Ten papers, the last five without Hugging Face's ai_summary: one request. */
const ten = day.slice(0, 10).map((paper, index) => (index < 5 ? paper : { ...paper, aiSummary: undefined }))

/** Every paper's origin and reason, in order. */
const outcomes = (run: Run) => [...run.byId.values()].map((paper) => [paper.origin, paper.reason])

/** The whole batch fell back: ai_summary where there is one, nothing otherwise; nothing cached. */
function expectFallback(run: Run, reason: string) {
  expect(outcomes(run)).toEqual([
    ...Array<string[]>(5).fill(['hf-ai-summary', reason]),
    ...Array<string[]>(5).fill(['none', reason]),
  ])
  expect(run.byId.get(ids[0]!)!.summary).toBe(day[0]!.aiSummary)
  expect(run.cacheFiles).toEqual([])
  expect(run.log.warnings.at(-1)).toBe(`Model summaries: ${describeMissing(run.stats)}`)
  // The report's sentence is the warning's.
  expect(run.stats.whyMissing).toBe(describeMissing(run.stats))
}

describe('rate limits', () => {
  it('waits the retry-after a 429 names, then succeeds', async () => {
    llm.inject({ status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit' } } })
    const run = await enrichOn(llm, ten)
    expect(llm.requests).toHaveLength(2)
    expect(run.stats).toMatchObject({ fromModel: 10, requests: 2 })
  })

  it('waits a retry-after given as a date, read with the injected clock', async () => {
    const now = Date.parse('2025-11-05T00:00:00Z')
    const retryAt = new Date(now + 120_000).toUTCString()
    llm.inject({ status: 429, headers: { 'retry-after': retryAt } })
    // 120 s by the injected clock is over the 60 s allowed: no retry. 100 s later, 20 s are waited out.
    const refused = await enrichOn(llm, ten, {}, { clock: testClock(now) })
    expect(refused.stats.missing).toEqual({ 'rate-limited': 10 })
    expect(refused.stats.problems[0]).toContain('it asked to wait 120 s, longer than the 60 s allowed')
    llm.inject({ status: 429, headers: { 'retry-after': retryAt } })
    const waited = await enrichOn(llm, ten, {}, { clock: testClock(now + 100_000) })
    expect(waited.stats.fromModel).toBe(10)
    expect(waited.clock.sleeps).toEqual([20_000])
  })

  it('gives up at once, and asks no more, when told to wait longer than allowed (a daily limit)', async () => {
    llm.inject({
      status: 429,
      headers: { 'retry-after': '3600' },
      body: {
        error: {
          code: 'RateLimitReached',
          message: 'Rate limit of 150 per 86400s exceeded for UserByModelByDay.',
        },
      },
    })
    const run = await enrichOn(llm, day)
    expect(llm.requests).toHaveLength(1)
    expect(run.stats.missing).toEqual({ 'rate-limited': 30 })
    expect(run.stats.problems).toEqual([
      `POST ${llm.url}/chat/completions: the model host answered 429 Too Many Requests: "Rate limit of 150 per 86400s exceeded for UserByModelByDay." (gave up after 1 attempt: it asked to wait 3600 s, longer than the 60 s allowed)`,
    ])
    expect(run.log.warnings.at(-1)).toBe(
      "Model summaries: 30 of 30 papers have no model summary: 30 rate limited by the model host; 30 show Hugging Face's AI summary instead.",
    )
  })
})

describe('host failures', () => {
  it('retries a 5xx with a doubling backoff, then falls back', async () => {
    llm.inject({ status: 503, body: 'upstream down' }, 3)
    const run = await enrichOn(llm, ten)
    expect(llm.requests).toHaveLength(3)
    expectFallback(run, 'server-error')
    expect(run.stats.problems[0]).toBe(
      `POST ${llm.url}/chat/completions: the model host answered 503 Service Unavailable: "upstream down" (gave up after 3 attempts)`,
    )
    expect(run.clock.sleeps).toEqual([between(500, 1_000), between(1_000, 2_000)])
  })

  it('recovers from one 5xx', async () => {
    llm.inject({ status: 502 })
    expect((await enrichOn(llm, ten)).stats.fromModel).toBe(10)
  })

  it('gives up on a host that does not answer in time, within the limit for one request', async () => {
    llm.inject('hang', 3)
    const start = Date.UTC(2025, 0, 1)
    const run = await enrichOn(llm, ten, {}, { clock: testClock(start) })
    expectFallback(run, 'timeout')
    expect(llm.requests).toHaveLength(2)
    expect(run.clock.now() - start).toBeLessThanOrEqual(MODEL_HOST.requestMs)
    expect(run.stats.problems[0]).toBe(
      `POST ${llm.url}/chat/completions: no complete answer within 90 s, the limit for one request and its retries; a host this slow is not asked again in this run`,
    )
  })

  it('is held no longer than the limit for one request by a host that trickles its answer', async () => {
    llm.inject('trickle', 3)
    const start = Date.UTC(2025, 0, 1)
    const run = await enrichOn(llm, [...day, ...fixtureDay('2025-11-03')], {}, { clock: testClock(start) })
    // The first batch's two attempts, then no further batch: the host is not asked again.
    expect(llm.requests).toHaveLength(2)
    expect(run.clock.now() - start).toBeLessThanOrEqual(MODEL_HOST.requestMs)
    expect(run.stats.fromModel).toBe(0)
    expect(run.stats.missing.timeout).toBe(run.stats.papers)
  })

  it('retries after a time-out', async () => {
    llm.inject('hang')
    const run = await enrichOn(llm, ten)
    expect(llm.requests).toHaveLength(2)
    expect(run.stats.fromModel).toBe(10)
  })

  it('falls back when the connection breaks', async () => {
    llm.inject('reset', 3)
    const run = await enrichOn(llm, ten)
    expectFallback(run, 'connection')
    expect(run.stats.problems[0]).toMatch(
      /^POST \S+\/chat\/completions: could not reach the model host: .+ \(gave up after 3 attempts\)$/,
    )
  })

  it('stops on a refused token, with what to fix', async () => {
    llm.inject({ status: 401, body: { error: { message: `Bad credentials: ${LLM_TOKEN}` } } })
    const run = await enrichOn(llm, day)
    expect(llm.requests).toHaveLength(1)
    expect(run.stats.missing).toEqual({ unauthorized: 30 })
    expect(run.stats.problems[0]).toContain('answered 401 Unauthorized: "Bad credentials: ***"')
    expect(run.stats.problems[0]).toContain('permissions: models: read')
    expect(run.log.warnings.join('\n')).not.toContain(LLM_TOKEN)
  })

  it('starts no request once the time limit for model requests has run out', async () => {
    const clock = testClock()
    const log = createMemoryLog()
    // Five minutes pass once the first answer is in: the 4 minutes for model requests are over.
    const late = {
      ...log,
      info: (line: string) => {
        log.info(line)
        if (line.startsWith('Model request for')) clock.advance(300_000)
      },
    }
    const run = await enrichOn(llm, day, {}, { clock, log: late })
    expect(llm.requests).toHaveLength(1)
    expect(run.stats.fromModel + (run.stats.missing['time-limit'] ?? 0)).toBe(30)
    expect(run.stats.missing['time-limit']).toBeGreaterThan(0)
    // Not started and cut off, but never started at all.
    expect(run.stats.problems).toEqual([])
  })
})

describe('answers that are not what was asked for', () => {
  it.each([
    ['invalid-json', 'invalid-answer'],
    ['refusal', 'refusal'],
    ['empty', 'empty'],
    ['huge', 'invalid-answer'],
  ] as const)('%s: the batch falls back', async (behaviour, reason) => {
    llm.inject(behaviour)
    expectFallback(await enrichOn(llm, ten), reason)
  })

  it('keeps asking the next batch after a bad answer', async () => {
    llm.inject('invalid-json')
    const run = await enrichOn(llm, day)
    expect(llm.requests).toHaveLength(2)
    const firstBatch = llm.requests[0]!.paperIds.length
    expect(run.stats.missing).toEqual({ 'invalid-answer': firstBatch })
    expect(run.stats.fromModel).toBe(30 - firstBatch)
  })

  it('marks the papers an answer left out as missing', async () => {
    llm.inject('missing')
    const run = await enrichOn(llm, ten)
    expect(outcomes(run).map(([origin]) => origin)).toEqual([
      'model',
      'hf-ai-summary',
      'model',
      'hf-ai-summary',
      'model',
      'none',
      'model',
      'none',
      'model',
      'none',
    ])
    expect(run.stats.missing).toEqual({ missing: 5 })
    expect(run.cacheFiles.map((file) => Object.keys(cacheJson(file.content).summaries)).flat()).toHaveLength(
      5,
    )
  })

  it('reads an answer wrapped in a code fence', async () => {
    llm.inject('fenced')
    expect((await enrichOn(llm, ten)).stats.fromModel).toBe(10)
  })

  it('asks again in halves when the answer was cut off', async () => {
    llm.inject('cut-off')
    const run = await enrichOn(llm, ten)
    expect(llm.requests.map((request) => request.paperIds.length)).toEqual([10, 5, 5])
    expect(run.stats.fromModel).toBe(10)
  })
})

describe('requests over the token limit', () => {
  it('are split until they fit', async () => {
    await llm.close()
    llm = await startLlmServer({ maxInputTokens: 2_500 })
    // Each refused request counts against llm-max-calls too.
    const run = await enrichOn(llm, day, { maxCalls: 30 })
    expect(run.stats.fromModel).toBe(30)
    const size = (request: (typeof llm.requests)[number]) =>
      (request.body as { messages: Array<{ content: string }> }).messages.reduce(
        (sum, message) => sum + message.content.length,
        0,
      ) / 4
    const answered = llm.requests.filter((request) => size(request) <= 2_500)
    expect(answered.length).toBeLessThan(llm.requests.length)
    expect(answered.flatMap((request) => request.paperIds).sort()).toEqual([...ids].sort())
  })

  it('split on a 400 that names the context length', async () => {
    llm.inject({
      status: 400,
      body: {
        error: {
          code: 'context_length_exceeded',
          message: "This model's maximum context length is 8192 tokens.",
        },
      },
    })
    const run = await enrichOn(llm, ten)
    expect(llm.requests.map((request) => request.paperIds.length)).toEqual([10, 5, 5])
    expect(run.stats.fromModel).toBe(10)
  })

  it('leave a single paper that is still too long without a summary', async () => {
    llm.inject(TOKENS_LIMIT_ANSWER, 3)
    const run = await enrichOn(llm, day.slice(0, 2))
    expect(llm.requests.map((request) => request.paperIds.length)).toEqual([2, 1, 1])
    expect(run.stats.missing).toEqual({ 'too-large': 2 })
  })

  it.each([
    'response_format json_schema is not supported',
    "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
  ])('do not split on any other 400: %s', async (message) => {
    llm.inject({ status: 400, body: { error: { message } } })
    const run = await enrichOn(llm, day)
    expect(llm.requests).toHaveLength(1)
    expect(run.stats.missing).toEqual({ 'request-refused': 30 })
  })
})

describe('llm-max-calls', () => {
  it('stops asking at the ceiling, counted across the whole run', async () => {
    const run = await enrichOn(llm, [...day, ...fixtureDay('2025-11-03')], { maxCalls: 2 })
    expect(llm.requests).toHaveLength(2)
    expect(run.stats.missing['max-calls']).toBe(run.stats.papers - run.stats.fromModel)
    expect(run.stats.missing['max-calls']).toBeGreaterThan(0)
  })

  it('counts retries', async () => {
    llm.inject({ status: 503 }, 5)
    const run = await enrichOn(llm, day, { maxCalls: 2 })
    expect(llm.requests).toHaveLength(2)
    expect(run.stats.requests).toBe(2)
  })

  it('of 0 asks nothing', async () => {
    const run = await enrichOn(llm, ten, { maxCalls: 0 })
    expect(llm.requests).toHaveLength(0)
    expectFallback(run, 'max-calls')
  })
})
