import { optionalText, parseHttpUrl, quote, text, wholeNumber } from './schema.js'

/** The model layer's inputs, used when `fields` lists llm-summary (or llm-title in another language than en). */
export interface LlmSettings {
  /** llm-api-url: an OpenAI-compatible base URL; requests go to `{apiUrl}/chat/completions`. */
  apiUrl: string
  /** llm-model */
  model: string
  /** llm-token; without it only GitHub Models is asked, with the `token` input. */
  token?: string
  /** The `token` input and the GitHub it belongs to (GITHUB_API_URL): GitHub Models takes it only from github.com. */
  github: { token?: string; apiUrl: string }
  /** llm-max-calls: model requests per run, retries included. */
  maxCalls: number
}

const MAX_MODEL_LENGTH = 200

/** The schemas of the four llm-* inputs, from raw string to value. */
export function llmInputSchemas() {
  return {
    'llm-api-url': text((value, reject) => {
      const url = parseHttpUrl(value)
      if (typeof url !== 'string') return reject(url.problem)
      // The client appends /chat/completions: a query or fragment would end up in the middle of the path.
      const cut = url.search(/[?#]/)
      if (cut !== -1) {
        // Not quoted whole: a query is where some hosts take their key.
        return reject(
          `${quote(`${url.slice(0, cut)}${url[cut]}…`)} has a query or fragment; give the base URL the API's paths go under, e.g. https://models.github.ai/inference or https://api.openai.com/v1`,
        )
      }
      return url
    }),
    'llm-model': text((value, reject) => {
      const trimmed = value.trim()
      if (/^[\x21-\x7e]+$/.test(trimmed) && trimmed.length <= MAX_MODEL_LENGTH) return trimmed
      return reject(
        `${quote(value)} is not a model name; give the host's model id, visible ASCII characters without spaces (at most ${MAX_MODEL_LENGTH}), e.g. openai/gpt-4.1-mini`,
      )
    }),
    'llm-token': optionalText(),
    'llm-max-calls': wholeNumber(0),
  }
}
