import { setTimeout as delay } from 'node:timers/promises'

/** Injected wherever time matters, so that tests move time themselves and never wait for real. */
export interface Clock {
  now(): number
  /** An aborted `signal` rejects the wait. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
}
