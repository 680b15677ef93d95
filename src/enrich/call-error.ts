import type { Reason } from './reasons.js'

/** A call that gave no answer; its message names the host and never the token or model output. */
export class ModelCallError extends Error {
  override name = 'ModelCallError'

  constructor(
    message: string,
    readonly reason: Reason,
    /** The host found the request too long: the same papers in two requests may pass. */
    readonly splittable = false,
  ) {
    super(message)
  }
}

/**
 * A 400 that says the request is over the model's context or token limit (OpenAI, vLLM and GitHub
 * Models word it so). Not any 400 that names tokens: "max_tokens is not supported" would only fail
 * again in halves.
 */
const OVER_LIMIT =
  /context.length|context_length_exceeded|tokens_limit_reached|too many tokens|(?:request|input|prompt|body|message)s? (?:is |are )?too (?:large|long)/i

/** What an HTTP error status (and the host's message) means for the papers asked about. */
export function statusFailure(
  status: number,
  message: string,
): { reason: Reason; splittable?: true; hint?: string } {
  if (status === 401 || status === 403) {
    return {
      reason: 'unauthorized',
      hint: 'With GitHub Models the job needs "permissions: models: read"; for another host, check llm-token',
    }
  }
  if (status === 413 || (status === 400 && OVER_LIMIT.test(message)))
    return { reason: 'too-large', splittable: true }
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
