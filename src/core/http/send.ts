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
import { loopbackDirect } from './loopback.js'
import type { OutboundLimits } from './limits.js'

// Required, not imported: node:http as an ES module builds its every export, and its WebSocket loads
// Node's own fetch, 20–30 ms before the first request.
const { STATUS_CODES } = createRequire(import.meta.url)('node:http') as typeof import('node:http')

/**
 * The one way the action asks an outside system, within its limits.ts table; every failure is one
 * message: method, URL without credentials, status, a quoted excerpt without the secrets, why no retry.
 */

export interface OutboundRequest {
  method: 'GET' | 'POST'
  url: URL
  headers: Record<string, string>
  body?: string
}

/** The system's last answer (of a failure, only the body's start); `problem` is set when it is not 2xx. */
export interface Answer {
  status: number
  headers: ResponseHeaders
  text: string
  problem?: string
}

export type FailureKind = 'unreachable' | 'broken' | 'timeout' | 'deadline' | 'too-large'

export class OutboundError extends Error {
  override name = 'OutboundError'

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
  /** Resolves with the ms it waited. */
  acquire(): Promise<number>
  observe(status: number, headers: ResponseHeaders): void
  release(): void
  /** How long the next request will be held (0: not, or not known yet). */
  heldForMs(): number
}

export interface Outbound {
  limits: OutboundLimits
  clock: Clock
  dispatcher?: Dispatcher
  /** Tokens an answer may echo: never shown in a message, nor any piece of them. */
  secrets: ReadonlyArray<string | undefined>
  onRetry?: (line: string) => void
}

export interface SendOptions {
  /** Shared by the requests of one budget (a day's pages); default now + deadlineMs. */
  deadline?: { at: number }
  bodyBytesLeft?: number
  maxAttempts?: number
  pacer?: Pacer
  /** A system's own passing faults outside RETRY_STATUSES. */
  retryable?: (answer: Answer) => boolean
  /**
   * False for a request that changes something (a commit): one without an answer, or a server fault, may
   * have been carried out, so only a 429 (and `retryable`) is sent again; the caller reads back instead.
   */
  idempotent?: boolean
  onAttempt?: () => void
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504])

const RETRY_CODES = new Set([
  ...['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENETUNREACH'],
  ...['EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'],
  // A caller's dispatcher may time out sooner than the attempt.
  ...['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'],
])

/** A failure's body is read only this far: a message quotes its start. */
const ERROR_BODY_BYTES = 64 * 1024

export const QUOTE_LENGTH = 200

let shared: Dispatcher | undefined
/**
 * One undici pool behind the environment's proxy, which this machine's own addresses bypass. Not undici's
 * global dispatcher: Node installs its own there as the bundle loads, which never takes up HTTP/2.
 */
export function sharedDispatcher(): Dispatcher {
  return (shared ??= loopbackDirect(new EnvHttpProxyAgent()))
}

export function createOutbound({
  limits,
  clock,
  dispatcher = sharedDispatcher(),
  secrets,
  onRetry,
}: Outbound) {
  const deadlineLimit = `the limit of ${seconds(limits.deadlineMs)} ${limits.deadlineScope}`

  async function attempt(req: OutboundRequest, where: string, deadlineAt: number, maxBytes: number) {
    const left = deadlineAt - clock.now()
    const late = `${where}: no complete answer before ${deadlineLimit} ran out`
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
    /** Resolves with the last answer (Answer.problem when no success); OutboundError when none came. */
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
        // Described only when it failed: quoting a success's body (a day of papers) is work for nothing.
        const said = () => (failed ? outcome.message : describe(where, outcome))
        const finish = (note?: string): Answer => {
          if (!failed && isSuccess(outcome.status)) return outcome
          const message = note === undefined ? said() : `${said()} (${note})`
          if (failed) throw new OutboundError(message, outcome.kind)
          return { ...outcome, problem: message }
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
          stop = `: waiting ${seconds(wait)} more would pass ${deadlineLimit}`
        }
        if (stop !== undefined) return finish(`gave up after ${plural(count, 'attempt')}${stop}`)
        if (paced) continue
        if (rateLimit) deadline.at += wait
        onRetry?.(`${said()}; trying again in ${seconds(wait)} (attempt ${count + 1} of ${maxAttempts})`)
        await clock.sleep(wait)
      }
    },
  }

  /** `GET …: Hugging Face answered 503 Service Unavailable: "…"`. */
  function describe(where: string, { status, text }: Answer): string {
    const reason = STATUS_CODES[status]
    return `${where}: ${limits.name} answered ${status}${reason ? ` ${reason}` : ''}: ${quoteBody(errorText(text), secrets)}`
  }
}

export function quoteBody(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return quoteAnswer(text, { limit: QUOTE_LENGTH, secrets, empty: '(empty body)' })
}

/** Undefined when the text is no JSON or nests too deep. */
export function answerJson(text: string): unknown {
  try {
    return parseJson(text)
  } catch {
    return undefined
  }
}

const isSuccess = (status: number) => status >= 200 && status <= 299

/** The system's own message (Hugging Face's `error`, OpenAI's `error.message`, GitHub's `message`). */
function errorText(text: string): string {
  const body = answerJson(text) as { error?: { message?: unknown } | string; message?: unknown } | undefined
  const said = typeof body?.error === 'string' ? body.error : (body?.error?.message ?? body?.message)
  return typeof said === 'string' ? said : text
}
