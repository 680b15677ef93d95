/**
 * Hugging Face's fixed window, scaled down: every answer carries `RateLimit: "api";r=…;t=…` and
 * `RateLimit-Policy: "fixed window";"api";q=…;w=…`, and a request over the quota gets a 429 with them.
 * Requests without a token share one count (Hugging Face counts by IP), those with one another.
 */
export interface RateLimitOptions {
  /** Requests per window without a token (Hugging Face: 500). */
  quota: number
  /** Requests per window with an `Authorization` header (Hugging Face: 1,000); default `quota`. */
  tokenQuota?: number
  /** The window's length in whole seconds (Hugging Face: 300). */
  windowSeconds: number
  /** Requests without a token a neighbour on the same IP already spent in the first window. */
  spent?: number
  /** The limit's clock (epoch ms), default Date.now; a test shares a simulated one with the client. */
  now?: () => number
}

/** Counts requests per window, and says whether one is over the quota and with which headers. */
export function fixedWindow({
  quota,
  tokenQuota = quota,
  windowSeconds,
  spent = 0,
  now = Date.now,
}: RateLimitOptions) {
  const windowMs = windowSeconds * 1000
  const origin = now()
  let window = 0
  let used = { anonymous: spent, token: 0 }
  let served429 = 0
  return {
    get served429() {
      return served429
    },
    count(withToken: boolean): { over: boolean; headers: Record<string, string> } {
      const time = now()
      const current = Math.floor((time - origin) / windowMs)
      if (current !== window) [window, used] = [current, { anonymous: 0, token: 0 }]
      const key = withToken ? 'token' : 'anonymous'
      const allowed = withToken ? tokenQuota : quota
      const count = ++used[key]
      const over = count > allowed
      if (over) served429++
      const reset = Math.ceil((origin + (window + 1) * windowMs - time) / 1000)
      return {
        over,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ratelimit: `"api";r=${Math.max(0, allowed - count)};t=${reset}`,
          'ratelimit-policy': `"fixed window";"api";q=${allowed};w=${windowSeconds}`,
        },
      }
    },
  }
}
