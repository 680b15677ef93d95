import { backoffMs } from '../core/backoff.js'
import type { Log } from '../core/log.js'
import { seconds } from '../core/wording.js'
import { shownUrl } from '../core/wording.js'

/**
 * The `fetch` Octokit sends every GitHub request through (REST and GraphQL): each attempt has a
 * deadline that covers the whole answer, body included, so a server that never answers or trickles a
 * byte a second fails in bounded time; the body is read up to a byte ceiling; connection failures,
 * time-outs and GitHub's passing 5xx answers are tried again a few times, each retry logged.
 */
export interface GitHubFetchOptions {
  /** The transport underneath: the runner's proxy-aware fetch from @actions/github, or global fetch. */
  transport: typeof fetch
  log: Log
  sleep: (ms: number) => Promise<void>
  random: () => number
  now?: () => number
  limits?: Partial<GitHubRequestLimits>
}

export interface GitHubRequestLimits {
  /** One attempt, from sending the request to the last byte of the answer. */
  attemptTimeoutMs: number
  /** One request: all its attempts and the waits between them. */
  requestDeadlineMs: number
  /** Attempts per request, the first one included. */
  maxAttempts: number
  /** The first wait before a retry; it doubles with each failed attempt (jittered down to half). */
  baseDelayMs: number
  /**
   * The largest answer read. GitHub's largest here is a state file read back (ReadFile, at most 4 MiB of
   * text, see write-policy.ts), then a folder listing (~120 bytes per post).
   */
  maxBodyBytes: number
}

/**
 * GitHub itself gives up on a request after 10 s, so a healthy GitHub answers well within 20 s; a
 * request that gets no complete answer in time is tried once more, and a request never takes more
 * than 40 s in all. An unreachable host fails after three quick attempts (about 3 s).
 */
export const GITHUB_REQUEST_LIMITS: GitHubRequestLimits = {
  attemptTimeoutMs: 20_000,
  requestDeadlineMs: 40_000,
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxBodyBytes: 16 * 1024 * 1024,
}

/** GitHub's answers that another attempt may turn into a success. */
const RETRY_STATUSES = new Set([500, 502, 503, 504])
/** Failures before or while talking to the server that another attempt may get past. */
const RETRY_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
])
/** GitHub's GraphQL answers 200 with this when its own execution timed out; a retry usually succeeds. */
const GRAPHQL_HICCUP = 'Something went wrong while executing your query'

/** A GitHub request that failed for good without an HTTP answer: its message is the whole story. */
export class GitHubRequestError extends Error {
  override name = 'GitHubRequestError'

  constructor(
    message: string,
    /** No connection could be made: the URL, DNS or the runner's network is wrong, not GitHub's answer. */
    readonly unreachable: boolean,
  ) {
    super(message)
  }
}

export function createGitHubFetch(options: GitHubFetchOptions): typeof fetch {
  const { transport, log, sleep, random, now = Date.now } = options
  const limits = { ...GITHUB_REQUEST_LIMITS, ...options.limits }

  /** One attempt: GitHub's answer with its body in memory, or why there is none. */
  async function attempt(url: string, init: RequestInit, where: string, timeoutMs: number): Promise<Outcome> {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    try {
      const response = await transport(url, { ...init, signal })
      const body = await readBounded(response, limits.maxBodyBytes, where)
      const retryable = isPassingFault(response.status, body)
      return {
        response: answer(response, body, url),
        retryable,
        message: `${where}: GitHub answered ${response.status}`,
      }
    } catch (error) {
      if (init.signal?.aborted) throw error
      if (error instanceof AttemptFailure) return error
      if (!timeout.aborted) return networkFailure(error, where)
      const limit =
        timeoutMs < limits.attemptTimeoutMs
          ? `before the limit of ${seconds(limits.requestDeadlineMs)} per request ran out`
          : `within ${seconds(timeoutMs)}`
      return new AttemptFailure(`${where}: no complete answer ${limit}`, true)
    }
  }

  return async function githubFetch(input, init = {}) {
    const url = input instanceof Request ? input.url : String(input)
    const where = `${init.method ?? 'GET'} ${shownUrl(url)}`
    const deadline = now() + limits.requestDeadlineMs
    for (let count = 1; ; count++) {
      const outcome = await attempt(
        url,
        init,
        where,
        Math.max(1, Math.min(limits.attemptTimeoutMs, deadline - now())),
      )
      const delay = backoffMs(count, { baseMs: limits.baseDelayMs, random })
      const tried = `${count} ${count === 1 ? 'attempt' : 'attempts'}`
      const spent = !outcome.retryable
        ? ''
        : count >= limits.maxAttempts || now() >= deadline
          ? ` (gave up after ${tried})`
          : now() + delay >= deadline
            ? ` (gave up after ${tried}; another would pass the limit of ${seconds(limits.requestDeadlineMs)} per request)`
            : undefined
      if (spent !== undefined) {
        // An HTTP answer goes to Octokit, which reports its status and body.
        if ('response' in outcome) return outcome.response
        throw new GitHubRequestError(`${outcome.message}${spent}`, outcome.unreachable)
      }
      log.info(
        `${outcome.message}; trying again in ${seconds(delay)} (attempt ${count + 1} of ${limits.maxAttempts})`,
      )
      await sleep(delay)
    }
  }
}

/** An attempt's result: an HTTP answer, or a failure without one. */
type Outcome = { response: Response; retryable: boolean; message: string } | AttemptFailure

/** One failed attempt without an HTTP answer: what to say, and whether another attempt may help. */
class AttemptFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly unreachable = false,
  ) {
    super(message)
  }
}

/** fetch's `TypeError: fetch failed` carries the system error (ENOTFOUND, ECONNREFUSED …) as its cause. */
function networkFailure(error: unknown, where: string): AttemptFailure {
  // Duck-typed: the errors come from Node's own copy of undici, whose Error may be another realm's.
  const cause = hasMessage((error as { cause?: unknown } | null)?.cause)
    ? (error as { cause: unknown }).cause
    : error
  const code = (cause as { code?: unknown } | null)?.code
  const detail = hasMessage(cause) ? cause.message : String(cause)
  const withCode = typeof code === 'string' && !detail.includes(code) ? `${detail} (${code})` : detail
  return new AttemptFailure(
    `${where}: could not reach GitHub: ${withCode}`,
    typeof code === 'string' && RETRY_CODES.has(code),
    true,
  )
}

function hasMessage(value: unknown): value is { message: string } {
  return typeof (value as { message?: unknown } | null)?.message === 'string'
}

/** The body, read whole within the attempt's deadline, or a failure once it passes `maxBytes`. */
async function readBounded(response: Response, maxBytes: number, where: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new AttemptFailure(`${where}: GitHub's answer is larger than ${maxBytes} bytes`, false)
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  if (response.body) {
    for await (const chunk of response.body as ReadableStream<Uint8Array>) {
      size += chunk.byteLength
      // Leaving the loop cancels the stream.
      if (size > maxBytes) throw tooLarge()
      chunks.push(chunk)
    }
  }
  return Buffer.concat(chunks, size)
}

/** The answer as Octokit reads it, its body already in memory. */
function answer(response: Response, body: Uint8Array, url: string): Response {
  const empty = [101, 204, 205, 304].includes(response.status)
  const copy = new Response(empty ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
  Object.defineProperty(copy, 'url', { value: response.url || url })
  return copy
}

function isPassingFault(status: number, body: Uint8Array): boolean {
  if (RETRY_STATUSES.has(status)) return true
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  if (status !== 200 || !bytes.includes(GRAPHQL_HICCUP)) return false
  try {
    const { errors } = JSON.parse(bytes.toString()) as { errors?: Array<{ message?: unknown }> }
    const first = errors?.[0]?.message
    return typeof first === 'string' && first.startsWith(GRAPHQL_HICCUP)
  } catch {
    return false
  }
}
