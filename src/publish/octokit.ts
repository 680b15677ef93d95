import { Octokit } from '@octokit/core'
// undici's own Response: the global one would load Node's copy of undici, ~20 ms, for one class.
import { interceptors, Response, type Dispatcher } from 'undici'
import type { Clock } from '../core/clock.js'
import { GITHUB } from '../core/http/limits.js'
import { answerJson, createOutbound, sharedDispatcher, type Answer } from '../core/http/send.js'
import type { Log } from '../core/log.js'
import { rateLimitAnswer } from './rate-limit.js'

export interface GitHubConnection {
  token: string
  apiUrl: string
  /** GitHub Enterprise serves GraphQL at `/api/graphql`, not under the REST base: taken as given. */
  graphqlUrl: string
  repository: { owner: string; repo: string }
  /** Set when `repository` is not the workflow's own: GITHUB_TOKEN cannot write there. */
  otherRepository?: boolean
  /** Undefined: the repository's default branch. */
  branch?: string
  /** Read with the run's first files (see gitHubPublisher); none: read at commit. */
  folders?: readonly string[]
  userAgent: string
  log: Log
  clock: Clock
  random?: () => number
  /** Under Octokit: core/http's shared dispatcher unless given. */
  dispatcher?: Dispatcher
}

/** As fetch follows them (a renamed repository's REST URL); the token stays on its origin. */
const MAX_REDIRECTIONS = 5

/** GitHub's GraphQL answers 200 with this when its own execution timed out; a retry usually succeeds. */
const GRAPHQL_HICCUP = 'Something went wrong while executing your query'

/** Every request through the outbound policy (core/http); a failed answer goes back to Octokit to throw. */
export function createGitHubClient({ token, apiUrl, userAgent, log, clock, dispatcher }: GitHubConnection) {
  const http = createOutbound({
    limits: GITHUB,
    clock,
    dispatcher: (dispatcher ?? sharedDispatcher()).compose(
      interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }),
    ),
    secrets: [token],
    onRetry: log.info,
  })
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const body = init.body as string | undefined
    // A mutation that got no answer may have landed: only a rate limit's refusal is sent again, and
    // the publisher reads back what happened (see github-repository.ts).
    const idempotent = !isMutation(body)
    const answer = await http.send(
      {
        method: init.method === 'POST' ? 'POST' : 'GET',
        url: new URL(url),
        headers: init.headers as Record<string, string>,
        body,
      },
      { idempotent, retryable: (answer) => retryable(answer, clock.now(), idempotent) },
    )
    return asResponse(answer, url)
  }
  return new Octokit({ auth: token, baseUrl: apiUrl, userAgent, request: { fetch } })
}

/**
 * A rate limit's refusal (nothing was done, so another attempt is safe) and, for a request that changes
 * nothing, a GraphQL time-out. Only a 200 and a 403 may be either: most answers need no parsing to tell.
 */
function retryable({ status, text, headers }: Answer, now: number, idempotent: boolean): boolean {
  const limited = text.includes('RATE_LIMITED')
  const hiccup = idempotent && text.includes(GRAPHQL_HICCUP)
  if (status !== 403 && !(status === 200 && (limited || hiccup))) return false
  const body = (answerJson(text) ?? {}) as { message?: unknown; errors?: unknown }
  const errors = Array.isArray(body.errors) ? (body.errors as Array<{ message?: unknown }>) : undefined
  const first = errors?.[0]?.message
  if (hiccup && status === 200 && typeof first === 'string' && first.startsWith(GRAPHQL_HICCUP)) return true
  if (status === 200 && !limited) return false
  return rateLimitAnswer({ message: body.message, errors, status, headers }, now) !== undefined
}

function isMutation(body: string | undefined): boolean {
  if (body === undefined) return false
  const { query } = (answerJson(body) ?? {}) as { query?: unknown }
  return typeof query === 'string' && /^\s*mutation\b/.test(query)
}

function asResponse({ status, headers, text }: Answer, url: string): Response {
  const copy = new Response([204, 205, 304].includes(status) ? null : text, {
    status,
    headers: Object.entries(headers).flatMap(([name, value]) =>
      [value ?? []].flat().map((one): [string, string] => [name, one]),
    ),
  })
  Object.defineProperty(copy, 'url', { value: url })
  return copy
}
