import { backoffMs } from '../core/backoff.js'
import { seconds } from '../core/wording.js'
import type { Pacer } from './pacer.js'

/**
 * When and how long to wait before asking Hugging Face again. Kept apart from the HTTP client so the
 * policy (attempts, backoff, the server's own wait, the time limit) can be read and tuned in one place.
 */
export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  maxAttempts: number
  /** The first backoff; it doubles with each failed attempt. */
  baseDelayMs: number
  /** The longest single wait after a failure, including one the server asks for (a 429's is the pacer's). */
  maxDelayMs: number
  sleep: (ms: number) => Promise<void>
  /** In [0, 1): spreads the backoff so that parallel runs do not retry in step. */
  random: () => number
  now: () => number
  /** The rate limit's budget, shared by every request of the run. */
  pacer: Pacer
}

/** When a day's time runs out (epoch ms); waits for the rate limit move it later, since a known wait is not an outage. */
export interface Deadline {
  at: number
}

/** A failed attempt, with whether another one may succeed and how long the server asked us to wait. */
export class AttemptError extends Error {
  override name = 'AttemptError'

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly serverWaitMs?: number,
  ) {
    super(message)
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts, or the next wait would end
 * after the deadline. `attempt` is told how much time is left, to bound the request itself.
 */
export async function withRetries<T>(
  attempt: (remainingMs: number) => Promise<T>,
  policy: RetryPolicy,
  deadline: Deadline,
): Promise<T> {
  for (let count = 1; ; count++) {
    deadline.at += await policy.pacer.acquire()
    const outcome = await attempt(deadline.at - policy.now()).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    )
    policy.pacer.release()
    if ('value' in outcome) return outcome.value
    const { error } = outcome
    if (!(error instanceof AttemptError) || !error.retryable) throw error
    const attempts = count === 1 ? '1 attempt' : `${count} attempts`
    if (count >= policy.maxAttempts) {
      throw new Error(`${error.message} (gave up after ${attempts})`, { cause: error })
    }
    const delay = retryDelay(count, error.serverWaitMs, policy)
    // A 429's announced wait, or the window's reset, is the pacer's to wait out before the next attempt.
    if (policy.pacer.heldForMs() >= delay) continue
    if (policy.now() + delay > deadline.at) {
      throw new Error(
        `${error.message} (gave up after ${attempts}: waiting ${seconds(delay)} more would pass the time limit)`,
        { cause: error },
      )
    }
    await policy.sleep(delay)
  }
}

/** The server's wait when it gave one (it knows when it will be back), else jittered exponential backoff. */
function retryDelay(failedAttempts: number, serverWaitMs: number | undefined, policy: RetryPolicy): number {
  if (serverWaitMs !== undefined) return Math.min(serverWaitMs, policy.maxDelayMs)
  return backoffMs(failedAttempts, {
    baseMs: policy.baseDelayMs,
    maxMs: policy.maxDelayMs,
    random: policy.random,
  })
}
