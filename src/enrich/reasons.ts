/** Why a paper has no model-written summary, as the warning and the job summary count it. */
export const REASONS = {
  'no-token': 'no token for the model host (set llm-token; the GitHub token goes only to models.github.ai)',
  'no-abstract': 'no abstract to summarise',
  'max-calls': 'llm-max-calls reached',
  'time-limit': 'the time limit for model requests ran out',
  'rate-limited': 'rate limited by the model host',
  'server-error': 'the model host failed (5xx)',
  timeout: 'the model host did not answer in time',
  connection: 'could not reach the model host',
  unauthorized: 'the model host refused the token (401/403)',
  'request-refused': 'the model host refused the request',
  'too-large': 'too long for one request, even alone',
  'invalid-answer': 'the answer was not the JSON asked for',
  'cut-off': 'the answer was cut off (output token limit)',
  refusal: 'the model declined to answer',
  missing: 'missing from the answer',
  empty: 'the answer for it was empty',
  'wrong-language': "the answer was not in the post's language",
  unbound: 'the summary was about another paper of the request',
  'echoed-token': "the model host's answer held a piece of its token",
} as const

export type Reason = keyof typeof REASONS

/** What the digest may show for one paper: clean plain text, to be escaped for markdown by the digest. */
export interface EnrichedPaper {
  /** The model's summary, or Hugging Face's `ai_summary` when origin is `hf-ai-summary`. */
  summary?: string
  /** The title in the post's language (never for `en`); only from the model or the cache. */
  title?: string
  origin: 'model' | 'cache' | 'hf-ai-summary' | 'none'
  /** Set exactly when there is no model summary (origin `hf-ai-summary` or `none`). */
  reason?: Reason
}

export interface SummaryStats {
  /** Distinct papers the run asked summaries for. */
  papers: number
  fromModel: number
  fromCache: number
  /** Papers without a model summary that show Hugging Face's `ai_summary` instead. */
  fromHuggingFace: number
  /** HTTP requests sent to the model host, retries included. */
  requests: number
  missing: Partial<Record<Reason, number>>
  /** Why requests failed, one line each, for the log and the job summary (no token, no model output). */
  problems: string[]
  /** How many papers have no model summary and why (describeMissing); undefined when every one has. */
  whyMissing?: string
}

/** E.g. "2 of 30 papers have no model summary: 2 rate limited by the model host". */
export function describeMissing(stats: SummaryStats): string | undefined {
  const entries = (Object.entries(stats.missing) as Array<[Reason, number]>).filter(([, count]) => count > 0)
  if (entries.length === 0) return undefined
  const total = entries.reduce((sum, [, count]) => sum + count, 0)
  const why = entries.map(([reason, count]) => `${count} ${REASONS[reason]}`).join(', ')
  const fallback =
    stats.fromHuggingFace > 0
      ? `; ${stats.fromHuggingFace} ${stats.fromHuggingFace === 1 ? 'shows' : 'show'} Hugging Face's AI summary instead`
      : ''
  return `${total} of ${stats.papers} ${stats.papers === 1 ? 'paper has' : 'papers have'} no model summary: ${why}${fallback}.`
}
