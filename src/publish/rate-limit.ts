import type { Log } from '../core/log.js'
import { shownUrl } from '../core/wording.js'

/**
 * The longest wait, in seconds, that GitHub may announce and the action sits out. GitHub announces
 * a minute or so for a secondary rate limit, and up to an hour for a used-up primary limit: sleeping
 * that long only holds a runner, so the run fails at once and says when to try again.
 */
export const MAX_ANNOUNCED_WAIT_S = 60
/** Announced waits sat out per request. */
export const RATE_LIMIT_RETRIES = 2

export type RateLimitKind = 'rate limit' | 'secondary rate limit'

type LimitHandler = (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: unknown,
  retryCount: number,
) => boolean

/** `onRateLimit` / `onSecondaryRateLimit` for @octokit/plugin-throttling: wait within the ceiling, and say so. */
export function rateLimitHandler(kind: RateLimitKind, log: Log): LimitHandler {
  return (retryAfter, options, _octokit, retryCount) => {
    if (retryAfter > MAX_ANNOUNCED_WAIT_S || retryCount >= RATE_LIMIT_RETRIES) return false
    log.warning(
      `GitHub's ${kind} on ${options.method} ${shownUrl(options.url)}: waiting the ${retryAfter} s GitHub asked for, then trying again (wait ${retryCount + 1} of at most ${RATE_LIMIT_RETRIES})`,
    )
    return true
  }
}

export interface RateLimitAnswer {
  kind: RateLimitKind
  /** What GitHub announced, in seconds; undefined when it did not say. */
  waitS?: number
}

interface ErrorShape {
  status?: number
  message?: string
  headers?: Record<string, string | undefined>
  response?: { headers?: Record<string, string | undefined>; data?: { errors?: unknown } }
  errors?: unknown
}

/**
 * Whether `error` is GitHub's rate limit, and the wait it announced (read as the throttling plugin
 * reads it: `retry-after`, else the `x-ratelimit-reset` time).
 */
export function rateLimitAnswer(error: unknown, now: number): RateLimitAnswer | undefined {
  const shape = (error ?? {}) as ErrorShape
  const headers = shape.response?.headers ?? shape.headers ?? {}
  const errors = [shape.errors, shape.response?.data?.errors].flatMap((list) =>
    Array.isArray(list) ? (list as Array<{ type?: unknown; message?: unknown }>) : [],
  )
  const texts = [shape.message, ...errors.map((e) => e.message)].filter((text) => typeof text === 'string')
  const retryAfter = Number(headers['retry-after'])
  const announced =
    Number.isFinite(retryAfter) && headers['retry-after'] !== undefined ? retryAfter : undefined
  if (texts.some((text) => /\bsecondary rate\b/i.test(text))) {
    return { kind: 'secondary rate limit', waitS: announced }
  }
  const used =
    shape.status === 429 ||
    (shape.status === 403 && headers['x-ratelimit-remaining'] === '0') ||
    errors.some((e) => e.type === 'RATE_LIMITED')
  if (!used) return undefined
  const reset = Number(headers['x-ratelimit-reset'])
  const untilReset =
    Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - now / 1000)) : undefined
  return { kind: 'rate limit', waitS: announced ?? untilReset }
}

/** The end of a failure message: what GitHub announced and what to do. */
export function rateLimitAdvice({ kind, waitS }: RateLimitAnswer, now: number): string {
  const ceiling = `the action waits at most ${MAX_ANNOUNCED_WAIT_S} s, ${RATE_LIMIT_RETRIES} times per request`
  if (waitS === undefined)
    return `GitHub's ${kind} is reached and GitHub did not say for how long (${ceiling}): run it again later`
  const until = new Date(now + waitS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const shared =
    kind === 'rate limit' ? '; other workflows and actions that use the same token share its limit' : ''
  return `GitHub's ${kind} is reached: GitHub asks to wait ${waitS} s, until ${until}, and ${ceiling}: run it again after ${until}${shared}`
}
