import { describe, expect, it } from '@jest/globals'
import { HUGGING_FACE } from '../../src/core/http/limits.js'
import type { Pacer } from '../../src/core/http/send.js'
import { createPacer, OPENING_REQUESTS } from '../../src/source/pacer.js'

const POLICY = '"fixed window";"api";q=500;w=300'

/** A pacer on a simulated clock that moves only when the pacer sleeps. */
function simulated(options: { ceilingMs?: number; clockMoves?: boolean } = {}) {
  let time = Date.parse('2025-11-04T00:00:00Z')
  const sleeps: number[] = []
  const lines: string[] = []
  const pacer = createPacer({
    clock: {
      now: () => time,
      sleep: async (ms) => {
        sleeps.push(ms)
        // The clock moves when the sleep ends, as a real one would.
        await Promise.resolve()
        if (options.clockMoves !== false) time += ms
      },
    },
    ceilingMs: options.ceilingMs ?? HUGGING_FACE.rateLimitWaitMs,
    log: (line) => void lines.push(line),
  })
  return { pacer, sleeps, lines }
}

/** Whether `promise` has settled once everything already due has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  promise.then(
    () => (done = true),
    () => (done = true),
  )
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

/** One request from acquire to release, answered with `headers`. */
async function send(pacer: Pacer, headers: Record<string, string> = {}, status = 200): Promise<void> {
  await pacer.acquire()
  pacer.observe(status, headers)
  pacer.release()
}

const limit = (r: number, t: number, q = 500, w = 300) => ({
  ratelimit: `"api";r=${r};t=${t}`,
  'ratelimit-policy': `"fixed window";"api";q=${q};w=${w}`,
})

describe('a server that announces no limit', () => {
  it('sends the opening requests at once, the next after the first answer, then all of them at once', async () => {
    const { pacer, sleeps } = simulated()
    const opening = Array.from({ length: OPENING_REQUESTS }, () => pacer.acquire())
    const next = pacer.acquire()
    expect(await Promise.all(opening.map(settled))).toEqual(opening.map(() => true))
    expect(await settled(next)).toBe(false)
    pacer.observe(200, {})
    expect(await settled(next)).toBe(true)
    const more = [pacer.acquire(), pacer.acquire(), pacer.acquire()]
    expect(await Promise.all(more.map(settled))).toEqual([true, true, true])
    expect(sleeps).toEqual([])
  })

  it('lets the next request go when one of the opening requests got no answer', async () => {
    const { pacer } = simulated()
    await Promise.all(Array.from({ length: OPENING_REQUESTS }, () => pacer.acquire()))
    const next = pacer.acquire()
    expect(await settled(next)).toBe(false)
    pacer.release()
    expect(await settled(next)).toBe(true)
  })
})

describe('a fixed window', () => {
  it('spends the window, then waits once for its reset, saying how long and why', async () => {
    const { pacer, sleeps, lines } = simulated()
    await send(pacer, limit(2, 10, 3, 10))
    await send(pacer, limit(1, 10, 3, 10))
    await send(pacer, limit(0, 10, 3, 10))
    expect(pacer.heldForMs()).toBe(11_000)
    const waiting = [pacer.acquire(), pacer.acquire()]
    // After the reset one request goes first, to learn what the new window has left.
    expect(await Promise.all(waiting.map(settled))).toEqual([true, false])
    expect(await waiting[0]).toBe(11_000)
    expect(sleeps).toEqual([11_000])
    expect(lines).toEqual([
      "Hugging Face's rate limit: waiting 11 s for the window to reset (r=0, q=3, w=10)",
    ])
  })

  it('sends at once as many as the window has room for, then waits for the answers and the reset', async () => {
    const { pacer, sleeps } = simulated()
    await send(pacer, limit(4, 100))
    const sent = [1, 2, 3, 4].map(() => pacer.acquire())
    expect(await Promise.all(sent.map(settled))).toEqual([true, true, true, true])
    const fifth = pacer.acquire()
    expect(await settled(fifth)).toBe(false)
    for (const left of [3, 2, 1]) {
      pacer.observe(200, limit(left, 100))
      pacer.release()
    }
    expect(await settled(fifth)).toBe(false)
    expect(sleeps).toEqual([])
    pacer.observe(200, limit(0, 100))
    pacer.release()
    expect(await settled(fifth)).toBe(true)
    expect(sleeps).toEqual([101_000])
  })

  it('waits for the answers in flight rather than for the reset, since they may come from the next window', async () => {
    const { pacer, sleeps } = simulated()
    await send(pacer, limit(1, 1))
    await pacer.acquire()
    const next = pacer.acquire()
    expect(await settled(next)).toBe(false)
    expect(pacer.heldForMs()).toBe(0)
    pacer.observe(200, limit(499, 300))
    pacer.release()
    expect(await settled(next)).toBe(true)
    expect(sleeps).toEqual([])
  })

  it('forgets the limit when answers stop announcing it', async () => {
    const { pacer, sleeps } = simulated()
    await send(pacer, limit(1, 100))
    await send(pacer)
    expect(await settled(Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]))).toBe(true)
    expect(sleeps).toEqual([])
  })

  it('keeps every limit announced: the one with nothing left holds', async () => {
    const { pacer, lines } = simulated()
    await send(pacer, {
      ratelimit: '"api";r=40;t=10, "pages";r=0;t=20',
      'ratelimit-policy': `${POLICY}, "fixed window";"pages";q=100;w=300`,
    })
    await pacer.acquire()
    expect(lines).toEqual([
      'Hugging Face\'s rate limit: waiting 21 s for the window to reset ("pages": r=0, q=100, w=300)',
    ])
  })

  it("shows a limit's name, the server's text, short, quoted and printable only", async () => {
    const { pacer, lines } = simulated()
    await send(pacer, { ratelimit: `"api";r=9;t=10, "::error::x\u0085${'y'.repeat(50)}";r=0;t=10` })
    await pacer.acquire()
    expect(lines).toEqual([
      `Hugging Face's rate limit: waiting 11 s for the window to reset ("::error::x?${'y'.repeat(29)}": r=0)`,
    ])
  })
})

describe('a 429', () => {
  it('holds every request for its announced wait, one wait for all of them, then one goes first', async () => {
    const { pacer, sleeps, lines } = simulated()
    await pacer.acquire()
    pacer.observe(429, limit(0, 140))
    pacer.release()
    expect(pacer.heldForMs()).toBe(141_000)
    const waiting = [pacer.acquire(), pacer.acquire(), pacer.acquire()]
    expect(await Promise.all(waiting.map(settled))).toEqual([true, false, false])
    expect(sleeps).toEqual([141_000])
    expect(lines).toEqual([
      "Hugging Face's rate limit: waiting 141 s for the window to reset after a 429 (r=0, q=500, w=300)",
    ])
  })

  it('holds for its Retry-After when it announces no limit', async () => {
    const { pacer, sleeps, lines } = simulated()
    await send(pacer, { 'retry-after': '30' }, 429)
    await pacer.acquire()
    expect(sleeps).toEqual([31_000])
    expect(lines).toEqual(["Hugging Face's rate limit: waiting 31 s after a 429, as its Retry-After asks"])
  })

  it('holds nothing when it announces no wait', async () => {
    const { pacer, sleeps } = simulated()
    await send(pacer, {}, 429)
    expect(pacer.heldForMs()).toBe(0)
    await pacer.acquire()
    expect(sleeps).toEqual([])
  })

  it('ends its hold even when the sleep did not move the clock', async () => {
    const { pacer, sleeps } = simulated({ clockMoves: false })
    await send(pacer, limit(0, 5), 429)
    await pacer.acquire()
    expect(sleeps).toEqual([6_000])
  })
})

describe('the ceiling on waiting', () => {
  it('refuses a wait longer than the ceiling at once, naming it, for every request held', async () => {
    const { pacer, sleeps } = simulated({ ceilingMs: 600_000 })
    await send(pacer, limit(0, 900), 429)
    const message =
      "Hugging Face's rate limit asks for a wait of 901 s for the window to reset after a 429 (r=0, q=500, w=300), " +
      'more than this run may still wait (600 s in all, 0 s waited): set the hf-token input (a token raises the limit) ' +
      'or ask for fewer days at a time.'
    await expect(Promise.all([pacer.acquire(), pacer.acquire()])).rejects.toThrow(new Error(message))
    await expect(pacer.acquire()).rejects.toThrow(message)
    expect(sleeps).toEqual([])
  })

  it('counts all the waits of a run together', async () => {
    const { pacer, sleeps } = simulated({ ceilingMs: 500_000 })
    await send(pacer, limit(0, 299))
    await send(pacer, limit(0, 299))
    await expect(pacer.acquire()).rejects.toThrow(
      'asks for a wait of 300 s for the window to reset (r=0, q=500, w=300), more than this run may still wait (500 s in all, 300 s waited)',
    )
    expect(sleeps).toEqual([300_000])
  })
})

describe('answers that come back out of order', () => {
  it('keeps the least room that two answers of one window tell, whichever comes last', async () => {
    const { pacer, sleeps } = simulated()
    await send(pacer, limit(2, 300, 3))
    await Promise.all([pacer.acquire(), pacer.acquire()])
    // The request counted last is answered first: none left; then the other, counted before it: one left.
    pacer.observe(200, limit(0, 300, 3))
    pacer.release()
    pacer.observe(200, limit(1, 300, 3))
    pacer.release()
    expect(await settled(pacer.acquire())).toBe(true)
    expect(sleeps).toEqual([301_000])
  })
})
