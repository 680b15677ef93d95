export interface BackoffOptions {
  /** The wait after the first failed attempt (before jitter); it doubles with each failed attempt after it. */
  baseMs: number
  /** The longest wait, before jitter (default: no cap). */
  maxMs?: number
  /** In [0, 1): spreads the waits so that runs which failed together do not retry in step. */
  random: () => number
  /**
   * `equal` (the default) waits between half and all of the doubled wait, so a retry never comes
   * sooner than half of it; `full` waits anywhere from 0, which spreads writers racing for the same
   * thing (a branch's head) furthest apart.
   */
  jitter?: 'equal' | 'full'
}

/** Jittered exponential backoff: how long to wait after `failedAttempts` (1 or more) failed attempts. */
export function backoffMs(
  failedAttempts: number,
  { baseMs, maxMs = Number.POSITIVE_INFINITY, random, jitter = 'equal' }: BackoffOptions,
): number {
  const exponential = Math.min(baseMs * 2 ** (failedAttempts - 1), maxMs)
  const spread = random() * exponential
  return Math.round(jitter === 'equal' ? exponential / 2 + spread / 2 : spread)
}
