/**
 * What the tests of the Hugging Face source share: a real day, items cut from it for made-up days, and a
 * stand-in started afresh for each test with sources connected to it.
 */
import { afterEach, beforeEach } from '@jest/globals'
import { createHuggingFaceSource, type HuggingFaceSourceOptions } from '../../src/source/huggingface.js'
import { loadFixtureDays, startHfServer, type HfServer, type HfServerOptions } from '../support/hf-server.js'
import { testClock } from '../support/test-clock.js'

export const USER_AGENT = 'hf-daily-papers/test (+https://example.test)'
export const TOKEN = 'hf_SeCrEtToKeN123'
export const fixtures = await loadFixtureDays()
export const realDay = fixtures.get('2025-11-03')!

/** `count` distinct items for `day` cut from a real one, ids `2511.90000`, `2511.90001`, … from `first`. */
export function items(day: string, count: number, first = 0): Array<{ paper: Record<string, unknown> }> {
  return Array.from({ length: count }, (_, index) => {
    const item = structuredClone(realDay[0]) as { paper: Record<string, unknown> }
    item.paper.id = `2511.${90000 + first + index}`
    item.paper.submittedOnDailyAt = `${day}T08:15:00.000Z`
    return item
  })
}

/**
 * Starts a stand-in with `options` before each test and closes it after. Gives the running one, and
 * `connect`: a source on it on simulated time (support/test-clock.ts) from `start`, whose waits are only
 * recorded and whose deadlines the stand-in's hangs bring about.
 */
export function serveEachTest(options: HfServerOptions) {
  let running: HfServer
  beforeEach(async () => {
    running = await startHfServer(options)
  })
  afterEach(() => running.close())

  function connect(sourceOptions: Partial<HuggingFaceSourceOptions> = {}, start?: number) {
    const clock = testClock(start)
    running.onStall = clock.stall
    const source = createHuggingFaceSource({
      baseUrl: running.url,
      userAgent: USER_AGENT,
      clock,
      ...sourceOptions,
    })
    return { source, sleeps: clock.sleeps, clock }
  }
  return { server: () => running, connect }
}
