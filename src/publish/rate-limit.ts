import type { ResponseHeaders } from '../core/http/announced-wait.js'
import { GITHUB } from '../core/http/limits.js'
import { seconds } from '../core/wording.js'

export interface RateLimitAnswer {
  kind: 'rate limit' | 'secondary rate limit'
  /** What GitHub announced, in seconds; undefined when it did not say. */
  waitS?: number
}

interface ErrorShape {
  status?: number
  message?: string
  headers?: ResponseHeaders
  response?: { headers?: ResponseHeaders; data?: { errors?: unknown } }
  errors?: unknown
}

/** `error` may be an answer's status, headers and body; the wait: `retry-after`, else `x-ratelimit-reset`. */
export function rateLimitAnswer(error: unknown, now: number): RateLimitAnswer | undefined {
  const shape = (error ?? {}) as ErrorShape
  const all = shape.response?.headers ?? shape.headers ?? {}
  const headers = (name: string) => [all[name]].flat()[0]
  const errors = [shape.errors, shape.response?.data?.errors].flatMap((list) =>
    Array.isArray(list) ? (list as Array<{ type?: unknown; message?: unknown }>) : [],
  )
  const texts = [shape.message, ...errors.map((e) => e.message)].filter((text) => typeof text === 'string')
  const retryAfter = Number(headers('retry-after'))
  const announced = Number.isFinite(retryAfter) ? retryAfter : undefined
  if (texts.some((text) => /\bsecondary rate\b/i.test(text)))
    return { kind: 'secondary rate limit', waitS: announced }
  const used =
    shape.status === 429 ||
    (shape.status === 403 && headers('x-ratelimit-remaining') === '0') ||
    errors.some((e) => e.type === 'RATE_LIMITED')
  if (!used) return undefined
  const reset = Number(headers('x-ratelimit-reset'))
  const untilReset =
    Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - now / 1000)) : undefined
  return { kind: 'rate limit', waitS: announced ?? untilReset }
}

/** The end of a failure message: what GitHub announced and what to do. */
export function rateLimitAdvice({ kind, waitS }: RateLimitAnswer, now: number): string {
  const ceiling = `the action waits at most ${seconds(GITHUB.maxWaitMs)}, ${GITHUB.maxAttempts - 1} times per request`
  if (waitS === undefined)
    return `GitHub's ${kind} is reached and GitHub did not say for how long (${ceiling}): run it again later`
  const until = new Date(now + waitS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const shared =
    kind === 'rate limit' ? '; other workflows and actions that use the same token share its limit' : ''
  return `GitHub's ${kind} is reached: GitHub asks to wait ${waitS} s, until ${until}, and ${ceiling}: run it again after ${until}${shared}`
}
