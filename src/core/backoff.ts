interface BackoffOptions {
  baseMs: number
  maxMs?: number
  /** In [0, 1): runs that failed together do not retry in step. */
  random: () => number
  /** `equal`: half to all of the doubled wait; `full`: 0 to all, spreading racing writers furthest apart. */
  jitter?: 'equal' | 'full'
}

/** Jittered exponential backoff after `failedAttempts` (1 or more). */
export function backoffMs(
  failedAttempts: number,
  { baseMs, maxMs = Number.POSITIVE_INFINITY, random, jitter = 'equal' }: BackoffOptions,
): number {
  const exponential = Math.min(baseMs * 2 ** (failedAttempts - 1), maxMs)
  const spread = random() * exponential
  return Math.round(jitter === 'equal' ? exponential / 2 + spread / 2 : spread)
}
