import { quoteAnswer } from '../core/quote-untrusted.js'
import { errorMessage } from '../core/errors.js'
import { z } from '../core/zod.js'
import type { ModelReply } from './answer.js'
import { ModelCallError, statusFailure } from './call-error.js'
import { guardedFetch, type FetchPolicy, type FetchRecord } from './guarded-fetch.js'
import { shownUrl } from '../core/wording.js'

export interface ModelClientConfig {
  /** llm-api-url, e.g. `https://models.github.ai/inference`; requests go to `{apiUrl}/chat/completions`. */
  apiUrl: string
  token: string
  model: string
  userAgent: string
  /** Longest time for one attempt, from asking to the whole answer. */
  timeoutMs: number
  /** Longest wait before a retry, the server's `retry-after` included. */
  maxWaitMs: number
  /** First backoff when the server names no wait. */
  baseDelayMs: number
  maxAnswerBytes: number
  /** Epoch ms: no retry is waited for past it. */
  deadline: number
  now: () => number
  /** The fetch underneath the guard; tests pass one that reaches a stand-in. */
  fetch?: typeof globalThis.fetch
}

export interface ChatRequest {
  system: string
  user: string
  /** `response_format.json_schema`: name, strict, schema. */
  jsonSchema: { name: string; strict: boolean; schema: Record<string, unknown> }
  maxTokens: number
}

export interface ModelClient {
  /** One chat-completions call, retried up to `maxRetries` times; throws ModelCallError. */
  complete(request: ChatRequest, maxRetries: number, signal: AbortSignal): Promise<ModelReply>
  /** Requests sent so far, retries included, and the waits before them. */
  readonly record: Readonly<FetchRecord>
}

const QUOTE_LENGTH = 200

const completionSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      message: z.looseObject({ content: z.nullish(z.string()), refusal: z.nullish(z.string()) }),
      finish_reason: z.nullish(z.string()),
    }),
  ),
})

/**
 * The official openai client, loaded only here, so a run without a model field loads none of it. It
 * keeps its retries and timeouts; guardedFetch decides the waits and keeps the token on llm-api-url.
 */
export async function createOpenAiClient(config: ModelClientConfig): Promise<ModelClient> {
  const { OpenAI, APIError, APIConnectionTimeoutError, APIUserAbortError } = await import('openai')
  const record: FetchRecord = { requests: 0, waits: [], retriesAllowed: 0 }
  const base = config.apiUrl.replace(/\/+$/, '')
  const client = new OpenAI({
    baseURL: base,
    apiKey: config.token,
    // Explicit nulls, so OPENAI_* variables in the runner's environment add nothing to the requests.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: config.timeoutMs,
    fetch: guardedFetch(config.fetch ?? globalThis.fetch, fetchPolicy(config, base), record),
    // Its log would print URLs; what matters reaches ours through ModelCallError and the record.
    logLevel: 'off',
  })
  const where = `POST ${shownUrl(`${base}/chat/completions`, { withoutQuery: true, unparsable: '(llm-api-url)' })}`
  const describe = (text: string) => quoteAnswer(text, { limit: QUOTE_LENGTH, secrets: [config.token] })

  function classify(error: unknown): ModelCallError {
    if (error instanceof ModelCallError) return error
    const retried = record.waits.length > 0 ? ` (after ${retries(record.waits.length)})` : ''
    if (error instanceof APIUserAbortError) {
      return new ModelCallError(`${where}: stopped, the time limit for model requests ran out`, 'time-limit')
    }
    if (error instanceof APIConnectionTimeoutError) {
      return new ModelCallError(
        `${where}: no answer within ${config.timeoutMs / 1000} s${retried}`,
        'timeout',
      )
    }
    if (error instanceof APIError && typeof error.status === 'number') {
      const { reason, splittable, hint } = statusFailure(error.status, error.message)
      const refusedWait =
        record.refusedWaitMs !== undefined
          ? `; it asked to wait ${record.refusedWaitMs / 1000} s, longer than the ${config.maxWaitMs / 1000} s allowed or the time left`
          : ''
      const message = `${where}: answered ${describe(error.message)}${retried}${refusedWait}${hint ? `. ${hint}` : ''}`
      return new ModelCallError(message, reason, splittable)
    }
    const text = errorMessage(error)
    if (error instanceof APIError) {
      // A connection error: the client's own message says only "Connection error.", its cause says why.
      const cause = error.cause instanceof Error ? error.cause.message : text
      return new ModelCallError(`${where}: could not connect: ${describe(cause)}${retried}`, 'connection')
    }
    // The answer could not be read: cut at the size bound (AnswerTooLargeError) or not JSON at all.
    return new ModelCallError(`${where}: ${describe(text)}`, 'invalid-answer')
  }

  return {
    record,
    async complete(request, maxRetries, signal) {
      record.retriesAllowed = maxRetries
      record.waits = []
      delete record.refusedWaitMs
      try {
        const completion: unknown = await client.chat.completions.create(
          {
            model: config.model,
            messages: [
              { role: 'system', content: request.system },
              { role: 'user', content: request.user },
            ],
            response_format: { type: 'json_schema', json_schema: request.jsonSchema },
            max_tokens: request.maxTokens,
          },
          { maxRetries, signal },
        )
        return readCompletion(completion, where)
      } catch (error) {
        throw classify(error)
      }
    },
  }
}

function fetchPolicy(config: ModelClientConfig, base: string): FetchPolicy {
  const { userAgent, maxAnswerBytes, maxWaitMs, baseDelayMs, deadline, now } = config
  return { origin: new URL(base).origin, userAgent, maxAnswerBytes, maxWaitMs, baseDelayMs, deadline, now }
}

function readCompletion(completion: unknown, where: string): ModelReply {
  const parsed = completionSchema.safeParse(completion)
  const choice = parsed.success ? parsed.data.choices[0] : undefined
  if (choice === undefined) {
    throw new ModelCallError(`${where}: the answer is not a chat completion with a choice`, 'invalid-answer')
  }
  return {
    content: choice.message.content ?? null,
    refusal: choice.message.refusal ?? null,
    finishReason: choice.finish_reason ?? null,
  }
}

function retries(count: number): string {
  return count === 1 ? '1 retry' : `${count} retries`
}
