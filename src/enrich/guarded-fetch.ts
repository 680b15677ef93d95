import { serverWaitMs } from '../source/rate-limit.js'

/**
 * The rules every request to the model host follows, applied where the openai client calls `fetch`.
 * The client keeps its own retry loop; this decides how long each wait is, or that there is none.
 */
export interface FetchPolicy {
  /** llm-api-url's origin: the only one a request (and so the token) may go to. */
  origin: string
  userAgent: string
  /** Bytes an answer may have; a longer body fails the request. */
  maxAnswerBytes: number
  /** Longest wait before a retry, the server's own included; a longer one means giving up at once. */
  maxWaitMs: number
  /** Wait before the first retry when the server names none; doubled for each retry after it. */
  baseDelayMs: number
  /** Epoch ms: no retry is waited for past it. */
  deadline: number
  now: () => number
}

/** What the guard saw, for stats and messages, and the current call's retry allowance. */
export interface FetchRecord {
  /** Retries the current call may still make: set by the caller before each call. */
  retriesAllowed: number
  /** Requests sent, retries included. */
  requests: number
  /** Waits granted before retries, in ms. */
  waits: number[]
  /** The last wait that was asked for and refused as too long, in ms. */
  refusedWaitMs?: number
}

/** An answer over FetchPolicy.maxAnswerBytes. */
export class AnswerTooLargeError extends Error {
  override name = 'AnswerTooLargeError'
}

/** The statuses the openai client retries by default; the guard decides for every other too. */
const RETRY_STATUSES = new Set([408, 409, 429])

/**
 * Headers the client may send. Anything else (OpenAI-Organization or headers from OPENAI_CUSTOM_HEADERS
 * in the runner's environment) is meant for OpenAI, not for llm-api-url.
 */
const ALLOWED_HEADER = /^(?:accept|authorization|content-type|content-length|user-agent|x-stainless-[a-z-]+)$/

export function guardedFetch(fetch: typeof globalThis.fetch, policy: FetchPolicy, record: FetchRecord) {
  return async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input)
    if (url.origin !== policy.origin) {
      throw new Error(`refused to send a model request to ${url.origin}: only ${policy.origin} is allowed`)
    }
    const headers = new Headers()
    for (const [name, value] of new Headers(init.headers)) {
      if (ALLOWED_HEADER.test(name)) headers.set(name, value)
    }
    headers.set('user-agent', policy.userAgent)
    record.requests++
    // A redirect is answered, not followed: the token goes nowhere but to llm-api-url.
    const response = await fetch(url, { ...init, headers, redirect: 'manual' }).catch((error: unknown) => {
      throw asClientError(error, init.signal)
    })
    const answerHeaders = new Headers(response.headers)
    if (!response.ok) {
      const retries = Number(headers.get('x-stainless-retry-count')) || 0
      decideRetry(response.status, retries, answerHeaders, policy, record)
    }
    return new Response(capped(response, policy.maxAnswerBytes), {
      status: response.status,
      statusText: response.statusText,
      headers: answerHeaders,
    })
  }
}

/**
 * Sets `x-should-retry` and `retry-after-ms`, which the openai client obeys: the server's wait when it
 * names one, else a doubling backoff; no retry when the wait is longer than allowed or would end past
 * the deadline (a daily rate limit asks for hours). Unlike core/backoff.ts this backoff is not
 * jittered: a run asks the model one request at a time, and each wait is recorded and reported, so a
 * plain doubling keeps the waits (and the reported ones) predictable.
 */
function decideRetry(
  status: number,
  retries: number,
  headers: Headers,
  policy: FetchPolicy,
  record: FetchRecord,
): void {
  const retryable = RETRY_STATUSES.has(status) || status >= 500
  const wait = retryable ? (namedWaitMs(headers, policy.now()) ?? policy.baseDelayMs * 2 ** retries) : 0
  const inTime = wait <= policy.maxWaitMs && policy.now() + wait <= policy.deadline
  const allowed = retryable && retries < record.retriesAllowed && inTime
  if (allowed) record.waits.push(wait)
  else if (retryable && !inTime) record.refusedWaitMs = wait
  headers.set('x-should-retry', String(allowed))
  headers.delete('retry-after')
  headers.set('retry-after-ms', String(allowed ? Math.round(wait) : 0))
}

/** `retry-after-ms` (OpenAI, Azure) or `retry-after` / `RateLimit` (the rest). */
function namedWaitMs(headers: Headers, now: number): number | undefined {
  const milliseconds = Number(headers.get('retry-after-ms') ?? Number.NaN)
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds
  return serverWaitMs(Object.fromEntries(headers), now)
}

/**
 * A failed fetch as an Error the openai client recognises: an abort keeps the name `AbortError` (how it
 * tells a time-out), anything else keeps its message and its cause's. Node's fetch rejects with errors
 * of its own realm, which the client's `instanceof Error` does not see when it runs in another (jest's).
 */
function asClientError(error: unknown, signal: AbortSignal | null | undefined): Error {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: unknown }
  const causeMessage = (cause as { message?: unknown } | undefined)?.message
  const text = [message, causeMessage].filter((part) => typeof part === 'string' && part !== '').join(': ')
  const copy = new Error(text || String(error))
  if (signal?.aborted || name === 'AbortError') copy.name = 'AbortError'
  return copy
}

/** The body, failing with AnswerTooLargeError once it passes `maxBytes`. */
function capped(response: Response, maxBytes: number): ReadableStream<Uint8Array> | null {
  if (response.body === null) return null
  const tooLarge = () => new AnswerTooLargeError(`the answer is larger than ${maxBytes / 1024} KB`)
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    void response.body.cancel()
    return new ReadableStream({ start: (controller) => controller.error(tooLarge()) })
  }
  let seen = 0
  return response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > maxBytes) controller.error(tooLarge())
        else controller.enqueue(chunk)
      },
    }),
  )
}
