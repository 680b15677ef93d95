import type { Clock } from '../../src/core/clock.js'

/**
 * A clock at `instant` (an ISO time) that moves only when something sleeps on it, at once: what a run
 * sees as now, with every wait recorded in `sleeps` instead of waited.
 */
export function clockAt(instant: string): Clock & { sleeps: number[] } {
  let time = Date.parse(instant)
  if (Number.isNaN(time)) throw new Error(`clockAt: ${JSON.stringify(instant)} is not an ISO time`)
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => time,
    sleep(ms) {
      sleeps.push(ms)
      time += ms
      return Promise.resolve()
    },
  }
}
