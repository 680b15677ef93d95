import type { Dispatcher } from 'undici'
import type { Clock } from '../core/clock.js'
import { MODEL_HOST } from '../core/http/limits.js'
import { answerJson, createOutbound, OutboundError, type FailureKind } from '../core/http/send.js'
import { holdsSecret } from '../core/redact.js'
import { seconds, shownUrl } from '../core/wording.js'
import { z } from '../core/zod.js'
import type { ModelReply } from './answer.js'
import { HIDDEN } from './plain-text.js'
import type { Reason } from './reasons.js'

interface ModelClientConfig {
  /** llm-api-url, e.g. `https://models.github.ai/inference`; requests go to `{apiUrl}/chat/completions`. */
  apiUrl: string
  token: string
  model: string
  userAgent: string
  clock: Clock
  /** Requests the run may send, retries included (llm-max-calls). */
  maxCalls: number
  dispatcher?: Dispatcher
}

export interface ChatRequest {
  system: string
  user: string
  jsonSchema: { name: string; strict: boolean; schema: Record<string, unknown> }
  maxTokens: number
}

export type ModelClient = ReturnType<typeof createModelClient>

/** A call that gave no answer; its message names the host and never the token or model output. */
export class ModelCallError extends Error {
  override name = 'ModelCallError'

  constructor(
    message: string,
    readonly reason: Reason,
  ) {
    super(message)
  }
}

const completionSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      message: z.looseObject({ content: z.nullish(z.string()), refusal: z.nullish(z.string()) }),
      finish_reason: z.nullish(z.string()),
    }),
  ),
})

/** Failures of one request's papers; any other (auth, an outage, a rate limit) would repeat: stop asking. */
const BATCH_FAILURES = new Set<Reason>(['too-large', 'invalid-answer', 'cut-off', 'refusal'])

const FAILURE_REASONS: Record<FailureKind, Reason> = {
  unreachable: 'connection',
  broken: 'connection',
  timeout: 'timeout',
  deadline: 'time-limit',
  'too-large': 'invalid-answer',
}

/** The token goes to llm-api-url only: a redirect is answered, never followed. */
export function createModelClient(config: ModelClientConfig) {
  const url = new URL(`${config.apiUrl.replace(/\/+$/, '')}/chat/completions`)
  const where = `POST ${shownUrl(url)}`
  const http = createOutbound({
    limits: MODEL_HOST,
    clock: config.clock,
    dispatcher: config.dispatcher,
    secrets: [config.token],
  })
  const headers = {
    authorization: `Bearer ${config.token}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': config.userAgent,
  }
  // The run's time for model requests starts when the client is made, as the model layer begins.
  const runEnd = config.clock.now() + MODEL_HOST.deadlineMs
  let requests = 0
  let stoppedBy: Reason | undefined

  // Throws ModelCallError; its retries stay within what is left of the run's requests.
  async function completion(chat: ChatRequest): Promise<ModelReply> {
    const body = JSON.stringify({
      model: config.model,
      messages: [
        { role: 'system', content: chat.system },
        { role: 'user', content: chat.user },
      ],
      response_format: { type: 'json_schema', json_schema: chat.jsonSchema },
      max_tokens: chat.maxTokens,
    })
    const requestEnd = config.clock.now() + MODEL_HOST.requestMs
    const deadline = { at: Math.min(runEnd, requestEnd) }
    const maxAttempts = Math.min(MODEL_HOST.maxAttempts, config.maxCalls - requests)
    const options = { deadline, maxAttempts, onAttempt: () => void requests++ }
    const answer = await http
      .send({ method: 'POST', url, headers, body }, options)
      .catch((error: unknown) => {
        if (!(error instanceof OutboundError)) throw error
        if (error.kind === 'deadline' && requestEnd < runEnd) {
          throw new ModelCallError(
            `${where}: no complete answer within ${seconds(MODEL_HOST.requestMs)}, the limit for one request and its retries; a host this slow is not asked again in this run`,
            'timeout',
          )
        }
        throw new ModelCallError(error.message, FAILURE_REASONS[error.kind])
      })
    if (answer.problem !== undefined) {
      const { reason, hint } = statusFailure(answer.status, answer.text)
      throw new ModelCallError(`${answer.problem}${hint ? `. ${hint}` : ''}`, reason)
    }
    const parsed = completionSchema.safeParse(answerJson(answer.text))
    const choice = parsed.success ? parsed.data.choices[0] : undefined
    if (choice === undefined) {
      throw new ModelCallError(
        `${where}: the answer is not a chat completion with a choice`,
        'invalid-answer',
      )
    }
    const { content = null, refusal = null } = choice.message
    // Checked as cleanModelText will leave it: without the invisible characters that could split a token.
    if (holdsSecret(`${content ?? ''} ${refusal ?? ''}`.replace(HIDDEN, ''), [config.token])) {
      throw new ModelCallError(
        `${where}: the answer holds a piece of the token sent with the request (llm-token); nothing of it is used, and the host is not asked again in this run`,
        'echoed-token',
      )
    }
    return { content, refusal, finishReason: choice.finish_reason ?? null }
  }

  return {
    get requests() {
      return requests
    },
    complete: (chat: ChatRequest) =>
      completion(chat).catch((error: unknown) => {
        if (error instanceof ModelCallError && !BATCH_FAILURES.has(error.reason)) stoppedBy ??= error.reason
        throw error
      }),
    /** Why no further request is sent: a failure that would repeat, or the run's requests or time spent. */
    whyNotAsk(): Reason | undefined {
      if (stoppedBy !== undefined) return stoppedBy
      if (requests >= config.maxCalls) return 'max-calls'
      return config.clock.now() >= runEnd ? 'time-limit' : undefined
    },
  }
}

/**
 * A 400 over the model's context or token limit, as OpenAI, vLLM and GitHub Models word it; not any 400
 * that names tokens: "max_tokens is not supported" would only fail again in halves.
 */
const OVER_LIMIT =
  /context.length|context_length_exceeded|tokens_limit_reached|too many tokens|(?:request|input|prompt|body|message)s? (?:is |are )?too (?:large|long)/i

function statusFailure(status: number, text: string): { reason: Reason; hint?: string } {
  if (status === 401 || status === 403) {
    return {
      reason: 'unauthorized',
      hint: 'With GitHub Models the job needs "permissions: models: read"; for another host, check llm-token',
    }
  }
  if (status === 413 || (status === 400 && OVER_LIMIT.test(text))) return { reason: 'too-large' }
  if (status === 429) return { reason: 'rate-limited' }
  if (status === 408) return { reason: 'timeout' }
  if (status >= 500) return { reason: 'server-error' }
  if (status >= 300 && status < 400) {
    return {
      reason: 'request-refused',
      hint: 'A redirect is not followed, so the token stays with llm-api-url',
    }
  }
  return { reason: 'request-refused' }
}
