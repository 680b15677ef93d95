import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import type { Log } from '../log.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  apiUrl: string
  userAgent: string
  log: Log
  /** Multiplies the waits of both plugins (seconds → ms); tests set 0 so that nothing really sleeps. */
  retryAfterBaseValue?: number
}

/** Statuses where a retry cannot help: the request itself, the token or its permissions are wrong. */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 451]
const RATE_LIMIT_RETRIES = 2

/**
 * Octokit with retries for passing faults and waits for rate limits. The throttling plugin spaces
 * writes a second apart by default; a run makes at most a handful, so that wait is only lost time.
 */
export function createGitHubClient({
  token,
  apiUrl,
  userAgent,
  log,
  retryAfterBaseValue = 1000,
}: GitHubClientOptions): GitHubClient {
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _: unknown, retryCount: number) => {
      log.warning(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter} s`)
      return retryCount < RATE_LIMIT_RETRIES
    }
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      userAgent,
      retry: { doNotRetry: DO_NOT_RETRY, retryAfterBaseValue },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        retryAfterBaseValue,
      },
    },
    retry,
    throttling,
  )
}
