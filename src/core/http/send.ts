import { createRequire } from 'node:module'
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici'
import { backoffMs } from '../backoff.js'
import { parseJson } from '../bounded-json.js'
import type { Clock } from '../clock.js'
import { errorMessage } from '../errors.js'
import { quoteAnswer } from '../quote-untrusted.js'
import { plural, seconds, shownUrl } from '../wording.js'
import { announcedWaitMs, type ResponseHeaders } from './announced-wait.js'
import { formatBytes, readStart, readText, TooLargeError } from './body.js'
import type { OutboundLimits } from './limits.js'

// Required, not imported: node:http as an ES module builds its every export, and its WebSocket loads
// Node's own fetch, 20–30 ms before the first request.
const { STATUS_CODES } = createRequire(import.meta.url)('node:http') as typeof import('node:http')

/**
 * The one way the action asks an outside system (Hugging Face, GitHub, the model host), within the
 * system's limits.ts table: every attempt bounded in time, body included, and in bytes; what another
 * attempt may get past tried again after a jittered backoff or the wait the system announced; and every
 * failure one message: method, URL without credentials, status, a quoted excerpt of the body without
 * the secrets, and why no further attempt was made.
 */

export interface OutboundRequest {
  method: 'GET' | 'POST'
  url: URL
  headers: Record<string, string>
  body?: string
}

/** The system's last answer, its body read (of a failure, only the start, for the message). */
export interface Answer {
  status: number
  headers: ResponseHeaders
  text: string
  /** Set when the status is not 2xx: what failed, quoting the answer, and why no attempt followed. */
  problem?: string
}

/** Why no answer came: no connection, a connection cut in the answer, no answer in time, too many bytes. */
export type FailureKind = 'unreachable' | 'broken' | 'timeout' | 'deadline' | 'too-large'

/** A request that got no usable answer; its message says which, what happened and how often it was tried. */
export class OutboundError extends Error {
  override name = 'OutboundError'

  /** `retryable`: whether another attempt may get past it; read only by the retries here. */
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly retryable = false,
  ) {
    super(message)
  }
}

/** Holds requests back for a rate limit the system announces (Hugging Face's: source/pacer.ts). */
export interface Pacer {
  /** Waits until a request may go and counts it as sent; resolves with the ms it waited. */
  acquire(): Promise<number>
  observe(status: number, headers: ResponseHeaders): void
  /** The request acquired is over, answered or not. */
  release(): void
  /** How long the next request will be held (0: not, or not known yet). */
  heldForMs(): number
}

export interface Outbound {
  limits: OutboundLimits
  clock: Clock
  dispatcher?: Dispatcher
  /** Never shown in a message, nor any piece of them: the tokens an answer may echo. */
  secrets: ReadonlyArray<string | undefined>
  /** Told of every retry: what failed, and when the next attempt goes. */
  onRetry?: (line: string) => void
}

export interface SendOptions {
  /** When every attempt and wait must be over, shared by requests of one budget; default now + deadlineMs. */
  deadline?: { at: number }
  /** What is left of maxBodyBytes when earlier answers of the same budget (a day's pages) spent some. */
  bodyBytesLeft?: number
  /** Fewer attempts than the limits allow (a caller's own ceiling on requests). */
  maxAttempts?: number
  pacer?: Pacer
  /** Whether an answer outside RETRY_STATUSES is worth another attempt (a system's own passing faults). */
  retryable?: (answer: Answer) => boolean
  /**
   * False for a request that changes something (a commit): one that got no answer, or a server fault,
   * may have been carried out, so it is never sent again here; only a 429 (and `retryable`) is. The
   * caller reads back what happened instead.
   */
  idempotent?: boolean
  onAttempt?: () => void
}

/** Answers another attempt may turn into a success: a time-out, a rate limit, a passing server fault. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504])

/** Failures before or while talking to the server that another attempt may get past. */
const RETRY_CODES = new Set([
  ...['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENETUNREACH'],
  ...['EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'],
  // A caller's dispatcher may time out sooner than the attempt.
  ...['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'],
])

/** Bytes of a failure's body read to quote it: a message shows only its start. */
const ERROR_BODY_BYTES = 64 * 1024

/** Characters of an answer a message shows. */
export const QUOTE_LENGTH = 200

let shared: Dispatcher | undefined
/**
 * The connections every outside system is asked over unless a caller brings its own: one undici pool
 * (HTTP/2 where the server offers it) behind the proxy the environment names. Not undici's global
 * dispatcher: Node installs its own there as the bundle loads, which never takes up HTTP/2.
 */
export function sharedDispatcher(): Dispatcher {
  return (shared ??= new EnvHttpProxyAgent())
}

export function createOutbound({
  limits,
  clock,
  dispatcher = sharedDispatcher(),
  secrets,
  onRetry,
}: Outbound) {
  const over = (limit: number, scope: string) => `the limit of ${seconds(limit)} ${scope}`

  /** One attempt: the answer with its body read, or why there is none (an OutboundError). */
  async function attempt(req: OutboundRequest, where: string, deadlineAt: number, maxBytes: number) {
    const left = deadlineAt - clock.now()
    const late = `${where}: no complete answer before ${over(limits.deadlineMs, limits.deadlineScope)} ran out`
    if (left <= 0) throw new OutboundError(late, 'deadline', true)
    const abort = new AbortController()
    const timer = new AbortController()
    clock.sleep(Math.min(left, limits.attemptTimeoutMs), timer.signal).then(
      () => abort.abort(),
      () => undefined,
    )
    let answered = false
    try {
      const { method, url, headers, body } = req
      const response = await request(url, { method, headers, body, signal: abort.signal, dispatcher })
      answered = true
      const { statusCode: status, headers: answerHeaders } = response
      if (isSuccess(status) && Number(answerHeaders['content-length']) > maxBytes) {
        response.body.destroy()
        throw new TooLargeError(maxBytes)
      }
      const text = isSuccess(status)
        ? await readText(response.body, maxBytes)
        : await readStart(response.body, ERROR_BODY_BYTES)
      return { status, headers: answerHeaders, text }
    } catch (error) {
      if (abort.signal.aborted) {
        if (left < limits.attemptTimeoutMs) throw new OutboundError(late, 'deadline', true)
        const slow = `${where}: no complete answer within ${seconds(limits.attemptTimeoutMs)}`
        throw new OutboundError(slow, 'timeout', true)
      }
      if (error instanceof TooLargeError) {
        const large = `${where}: ${limits.name} sent more than ${formatBytes(limits.maxBodyBytes)}, the limit ${limits.bodyScope}; stopped reading`
        throw new OutboundError(large, 'too-large')
      }
      const { code } = (error ?? {}) as { code?: unknown }
      const detail = errorMessage(error)
      const said = typeof code === 'string' && !detail.includes(code) ? `${detail} (${code})` : detail
      const what = answered ? 'the answer broke off' : `could not reach ${limits.name}`
      const kind = answered ? 'broken' : 'unreachable'
      throw new OutboundError(`${where}: ${what}: ${said}`, kind, RETRY_CODES.has(code as string))
    } finally {
      timer.abort()
    }
  }

  return {
    /**
     * Sends `req` until an answer needs no further attempt, and resolves with it (Answer.problem says
     * what failed when it is no success); rejects with OutboundError when no usable answer came.
     */
    async send(req: OutboundRequest, options: SendOptions = {}): Promise<Answer> {
      const { pacer } = options
      const where = `${req.method} ${shownUrl(req.url)}`
      const deadline = options.deadline ?? { at: clock.now() + limits.deadlineMs }
      const maxAttempts = options.maxAttempts ?? limits.maxAttempts
      for (let count = 1; ; count++) {
        if (pacer) deadline.at += await pacer.acquire()
        options.onAttempt?.()
        const outcome = await attempt(req, where, deadline.at, options.bodyBytesLeft ?? limits.maxBodyBytes)
          .then((answer) => (pacer?.observe(answer.status, answer.headers), answer))
          .catch((error: unknown) => {
            if (error instanceof OutboundError) return error
            throw error
          })
          .finally(() => pacer?.release())
        const failed = outcome instanceof OutboundError
        const said = failed ? outcome.message : describe(where, outcome)
        const finish = (note?: string): Answer => {
          const message = note === undefined ? said : `${said} (${note})`
          if (failed) throw new OutboundError(message, outcome.kind)
          return isSuccess(outcome.status) ? outcome : { ...outcome, problem: message }
        }
        const again = options.idempotent !== false
        const retryable = failed
          ? again && outcome.retryable
          : (RETRY_STATUSES.has(outcome.status) && (again || outcome.status === 429)) ||
            (options.retryable?.(outcome) ?? false)
        if (!retryable) return finish()

        const announced = failed ? undefined : announcedWaitMs(outcome.headers, clock.now())
        // A rate limit's wait is no outage: like the pacer's, it moves the deadline rather than use it up.
        const rateLimit = !failed && announced !== undefined && outcome.status < 500
        let wait =
          announced ??
          backoffMs(count, { baseMs: limits.baseDelayMs, maxMs: limits.maxWaitMs, random: Math.random })
        let stop: string | undefined
        if (count >= maxAttempts || clock.now() >= deadline.at) stop = ''
        else if (wait > limits.maxWaitMs && limits.longerWait === 'give up') {
          stop = `: it asked to wait ${seconds(wait)}, longer than the ${seconds(limits.maxWaitMs)} allowed`
        }
        wait = Math.min(wait, limits.maxWaitMs)
        // A 429's announced wait, or the window's reset, is the pacer's to sit out before the next attempt.
        const paced = pacer !== undefined && pacer.heldForMs() >= wait
        if (stop === undefined && !paced && !rateLimit && clock.now() + wait > deadline.at) {
          stop = `: waiting ${seconds(wait)} more would pass ${over(limits.deadlineMs, limits.deadlineScope)}`
        }
        if (stop !== undefined) return finish(`gave up after ${plural(count, 'attempt')}${stop}`)
        if (paced) continue
        if (rateLimit) deadline.at += wait
        onRetry?.(`${said}; trying again in ${seconds(wait)} (attempt ${count + 1} of ${maxAttempts})`)
        await clock.sleep(wait)
      }
    },
  }

  /** The message for a failure status, e.g. `GET …: Hugging Face answered 503 Service Unavailable: "…"`. */
  function describe(where: string, { status, text }: Answer): string {
    const reason = STATUS_CODES[status]
    return `${where}: ${limits.name} answered ${status}${reason ? ` ${reason}` : ''}: ${quoteBody(errorText(text), secrets)}`
  }
}

/** The start of an answer as a JSON string, e.g. `"Not Found"`, without the secrets, or `(empty body)`. */
export function quoteBody(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return quoteAnswer(text, { limit: QUOTE_LENGTH, secrets, empty: '(empty body)' })
}

/** The JSON of an answer's text, or undefined when it is none (or nests too deep to read). */
export function answerJson(text: string): unknown {
  try {
    return parseJson(text)
  } catch {
    return undefined
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299
}

/**
 * The system's own message in a failure's body when it has one (Hugging Face's `{"error": "…"}`, OpenAI's
 * `{"error": {"message": "…"}}`, GitHub's `{"message": "…"}`), else the body as it came.
 */
function errorText(text: string): string {
  const body = answerJson(text) as { error?: { message?: unknown } | string; message?: unknown } | undefined
  const said = typeof body?.error === 'string' ? body.error : (body?.error?.message ?? body?.message)
  return typeof said === 'string' ? said : text
}
