import { setTimeout as delay } from 'node:timers/promises'

/**
 * The one idea of time every stage shares: milliseconds since the epoch, and a way to wait. Injected
 * everywhere time matters, so that tests move time themselves and never wait for real.
 */
export interface Clock {
  now(): number
  /** Waits `ms` milliseconds; an aborted `signal` rejects the wait. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
}
