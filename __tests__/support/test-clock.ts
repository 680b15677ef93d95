import type { Clock } from '../../src/core/clock.ts'

/**
 * A Clock on simulated time, so that no test waits for real. A wait (a `sleep` nobody can cancel: a
 * backoff, a rate-limit pause) moves the time to its end at once and is recorded in `sleeps`. A deadline
 * (a `sleep` given a signal, which the code aborts when the work ends first) stays pending until the
 * time reaches it: by a wait, by `advance`, or by `stall`, which a stand-in calls when it leaves a
 * request unanswered (wired with `server.onStall = clock.stall`). Deadlines fire in the order they fall.
 */
export interface TestClock extends Clock {
  /** As Clock's, and safe to hand on alone (a stand-in's clock). */
  now: () => number
  /** The waits, in ms, in the order they were asked for. */
  sleeps: number[]
  /** Moves the time `ms` on, firing every deadline it passes. */
  advance: (ms: number) => void
  /** Moves the time to the earliest pending deadline, which fires: what a server that never answers leads to. */
  stall: () => void
}

export function testClock(start = Date.now()): TestClock {
  let time = start
  const pending = new Set<{ at: number; fire: () => void }>()
  const moveTo = (until: number) => {
    for (const timer of [...pending].sort((a, b) => a.at - b.at)) {
      if (timer.at > until) break
      time = Math.max(time, timer.at)
      pending.delete(timer)
      timer.fire()
    }
    time = Math.max(time, until)
  }
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => time,
    sleep: (ms, signal) => {
      if (signal === undefined) {
        sleeps.push(ms)
        moveTo(time + ms)
        return Promise.resolve()
      }
      return new Promise<void>((resolve, reject) => {
        const timer = { at: time + ms, fire: resolve }
        const cancel = () => {
          pending.delete(timer)
          reject(signal.reason as Error)
        }
        if (signal.aborted) return cancel()
        signal.addEventListener('abort', cancel, { once: true })
        pending.add(timer)
      })
    },
    advance: (ms) => moveTo(time + ms),
    stall: () => {
      const next = Math.min(...[...pending].map((timer) => timer.at))
      if (Number.isFinite(next)) moveTo(next)
    },
  }
}

/** Matches a number from `low` to `high`: a jittered wait, whose exact length is random. */
export function between(low: number, high: number) {
  return {
    asymmetricMatch: (actual: unknown) => typeof actual === 'number' && actual >= low && actual <= high,
    toString: () => `between ${low} and ${high}`,
    toAsymmetricMatcher: () => `between(${low}, ${high})`,
  }
}

/** A test clock at `instant` (an ISO time): what a run sees as now, with every wait recorded instead of waited. */
export function clockAt(instant: string): TestClock {
  const time = Date.parse(instant)
  if (Number.isNaN(time)) throw new Error(`clockAt: ${JSON.stringify(instant)} is not an ISO time`)
  return testClock(time)
}
