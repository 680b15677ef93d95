/**
 * When and how long to wait before asking Hugging Face again. Kept apart from the HTTP client so the
 * policy (attempts, backoff, the server's own wait, the time limit) can be read and tuned in one place.
 */
export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  maxAttempts: number
  /** The first backoff; it doubles with each failed attempt. */
  baseDelayMs: number
  /** The longest single wait, including one the server asks for. */
  maxDelayMs: number
  sleep: (ms: number) => Promise<void>
  /** In [0, 1): spreads the backoff so that parallel runs do not retry in step. */
  random: () => number
  now: () => number
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
 * after `deadline` (epoch ms). `attempt` is told how much time is left, to bound the request itself.
 */
export async function withRetries<T>(
  attempt: (remainingMs: number) => Promise<T>,
  policy: RetryPolicy,
  deadline: number,
): Promise<T> {
  for (let count = 1; ; count++) {
    try {
      return await attempt(deadline - policy.now())
    } catch (error) {
      if (!(error instanceof AttemptError) || !error.retryable) throw error
      const attempts = count === 1 ? '1 attempt' : `${count} attempts`
      if (count >= policy.maxAttempts) {
        throw new Error(`${error.message} (gave up after ${attempts})`, { cause: error })
      }
      const delay = retryDelay(count, error.serverWaitMs, policy)
      if (policy.now() + delay > deadline) {
        throw new Error(
          `${error.message} (gave up after ${attempts}: waiting ${seconds(delay)} more would pass the time limit)`,
          { cause: error },
        )
      }
      await policy.sleep(delay)
    }
  }
}

/** The server's wait when it gave one (it knows when its rate window resets), else jittered exponential backoff. */
function retryDelay(failedAttempts: number, serverWaitMs: number | undefined, policy: RetryPolicy): number {
  if (serverWaitMs !== undefined) return Math.min(serverWaitMs, policy.maxDelayMs)
  const exponential = Math.min(policy.baseDelayMs * 2 ** (failedAttempts - 1), policy.maxDelayMs)
  return Math.round(exponential / 2 + (policy.random() * exponential) / 2)
}

type Headers = Record<string, string | string[] | undefined>

/**
 * How long the server asked us to wait: the `t` of `RateLimit: "api";r=0;t=42` (seconds until the
 * window resets) or `Retry-After` (seconds or an HTTP date); the longer one when both are sent.
 */
export function serverWaitMs(headers: Headers, now: number): number | undefined {
  const waits = [
    rateLimitResetMs(header(headers, 'ratelimit')),
    retryAfterMs(header(headers, 'retry-after'), now),
  ]
  const given = waits.filter((wait) => wait !== undefined)
  return given.length === 0 ? undefined : Math.max(...given)
}

function rateLimitResetMs(value: string | undefined): number | undefined {
  const resets = [...(value ?? '').matchAll(/(?:^|;)\s*t=(\d+)/g)].map((match) => Number(match[1]) * 1000)
  return resets.length === 0 ? undefined : Math.max(...resets)
}

function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}
