import type { Paper } from '../core/paper.js'
import { answerJsonSchema, systemPrompt, userPrompt, wantsTitle } from './prompt.js'

/**
 * GitHub Models' free plan for a "low" tier model (such as openai/gpt-4.1-mini), as documented in
 * 2025: 8,000 input and 4,000 output tokens per request (and 15 requests a minute, 150 a day).
 */
export const GITHUB_MODELS_LOW_TIER = {
  inputTokens: 8_000,
  outputTokens: 4_000,
  /** More papers per answer make answers less reliable (ids dropped or mixed up). */
  maxPapers: 20,
}
type RequestLimits = typeof GITHUB_MODELS_LOW_TIER

/** Shares of the limits a batch fills: room for the chat framing and another model's tokenizer. */
const INPUT_SHARE = 0.85
const OUTPUT_SHARE = 0.8

/**
 * Measured with o200k: a 3-sentence Korean summary is ~85 tokens and a translated title ~20, an English
 * summary ~80; plus ~25 for the JSON around them, and 40% on top for longer answers and other tokenizers.
 */
const OUTPUT_TOKENS_PER_PAPER = { withTitle: 175, summaryOnly: 120 }

/** Errs high: 4 ASCII characters a token (English abstracts are ~5.1 with o200k), any other a token. */
export function estimateTokens(text: string): number {
  const ascii = text.match(/\p{ASCII}/gu)?.length ?? 0
  return Math.ceil(ascii / 4 + (text.match(/\P{ASCII}/gu)?.length ?? 0))
}

export interface Batch {
  papers: Paper[]
  /** Estimated input tokens of the whole request. */
  inputTokens: number
}

/** In order, as few requests as fit; a paper always fits alone, its abstract cut to MAX_PROMPT_ABSTRACT. */
export function planBatches(papers: readonly Paper[], language: string, limits: RequestLimits): Batch[] {
  const overhead = requestTokens([], language)
  const inputBudget = limits.inputTokens * INPUT_SHARE
  const outputBudget = limits.outputTokens * OUTPUT_SHARE
  const outputPerPaper = OUTPUT_TOKENS_PER_PAPER[wantsTitle(language) ? 'withTitle' : 'summaryOnly']

  const batches: Batch[] = []
  for (const paper of papers) {
    const cost = estimateTokens(userPrompt([paper])) - estimateTokens(userPrompt([]))
    const last = batches.at(-1)
    if (
      last !== undefined &&
      last.papers.length < limits.maxPapers &&
      last.inputTokens + cost <= inputBudget &&
      (last.papers.length + 1) * outputPerPaper <= outputBudget
    ) {
      last.papers.push(paper)
      last.inputTokens += cost
    } else {
      batches.push({ papers: [paper], inputTokens: overhead + cost })
    }
  }
  return batches
}

export function splitBatch(batch: Batch, language: string): [Batch, Batch] {
  const middle = Math.ceil(batch.papers.length / 2)
  const half = (papers: Paper[]): Batch => ({ papers, inputTokens: requestTokens(papers, language) })
  return [half(batch.papers.slice(0, middle)), half(batch.papers.slice(middle))]
}

/** The request's estimated input: instructions, the answer's schema (it counts as input) and the papers. */
function requestTokens(papers: readonly Paper[], language: string): number {
  return (
    estimateTokens(systemPrompt(language)) +
    estimateTokens(JSON.stringify(answerJsonSchema(language))) +
    estimateTokens(userPrompt(papers))
  )
}
