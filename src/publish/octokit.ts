import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import type { Log } from '../core/log.js'
import { createGitHubFetch, type GitHubRequestLimits } from './github-fetch.js'
import { rateLimitHandler } from './rate-limit.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  apiUrl: string
  userAgent: string
  log: Log
  sleep: (ms: number) => Promise<void>
  random: () => number
  /** Multiplies the throttling plugin's waits (seconds → ms); tests set 0 so that nothing really sleeps. */
  retryAfterBaseValue?: number
  limits?: Partial<GitHubRequestLimits>
  /** The runner's proxy-aware fetch (@actions/github's default) unless given. */
  transport?: typeof fetch
}

/**
 * Octokit whose every request is bounded in time and size and retried on passing faults (see
 * github-fetch.ts), and which sits out an announced rate-limit wait only up to a ceiling (see
 * rate-limit.ts). The throttling plugin spaces writes a second apart by default; a run makes at most
 * a handful, so that wait is only lost time.
 */
export function createGitHubClient({
  token,
  apiUrl,
  userAgent,
  log,
  sleep,
  random,
  retryAfterBaseValue = 1000,
  limits,
  transport = (defaults.request?.fetch as typeof fetch | undefined) ?? fetch,
}: GitHubClientOptions): GitHubClient {
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      userAgent,
      request: { fetch: createGitHubFetch({ transport, log, sleep, random, limits }) },
      throttle: {
        onRateLimit: rateLimitHandler('rate limit', log),
        onSecondaryRateLimit: rateLimitHandler('secondary rate limit', log),
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        retryAfterBaseValue,
      },
    },
    throttling,
  )
}
