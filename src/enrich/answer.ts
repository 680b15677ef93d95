import { answerJson } from '../core/http/send.js'
import { z } from '../core/zod.js'
import { cleanSummary, type Summary } from './plain-text.js'
import type { Reason } from './reasons.js'
import { unboundSummaries, type PaperText } from './binding.js'
import { summaryWrittenIn } from './language.js'

export interface ModelReply {
  content: string | null
  refusal: string | null
  finishReason: string | null
}

type BatchAnswer =
  { ok: false; reason: Reason } | { ok: true; summaries: Map<string, Summary>; failed: Map<string, Reason> }

/** An answer with at least one summary in this many under a wrong id is dropped whole. */
const UNBOUND_SHARE = 4

const answerSchema = z.object({ summaries: z.array(z.unknown()) })
const itemSchema = z.object({ id: z.string(), summary: z.string(), title: z.optional(z.string()) })

/** Each paper's summary, or why it has none; the answer is untrusted: every text is cleaned and capped. */
export function readAnswer(
  reply: ModelReply,
  papers: readonly PaperText[],
  language: string,
  wantsTitle: boolean,
): BatchAnswer {
  const read = replyJson(reply, answerSchema)
  if ('reason' in read) return { ok: false, reason: read.reason }
  const answered = new Map<string, z.infer<typeof itemSchema>>()
  // A well-behaved answer has one item per paper; reading far more would only cost time.
  for (const item of read.json.summaries.slice(0, papers.length * 2 + 10)) {
    const parsed = itemSchema.safeParse(item)
    if (parsed.success && !answered.has(parsed.data.id)) answered.set(parsed.data.id, parsed.data)
  }

  const summaries = new Map<string, Summary>()
  const failed = new Map<string, Reason>()
  for (const { id, title } of papers) {
    const item = answered.get(id)
    const summary = item && cleanSummary(item.summary, wantsTitle ? (item.title ?? '') : undefined)
    if (item === undefined) failed.set(id, 'missing')
    else if (summary === undefined) failed.set(id, 'empty')
    else if (!summaryWrittenIn(summary, language, title)) failed.set(id, 'wrong-language')
    else summaries.set(id, summary)
  }
  const said = new Map([...summaries].map(([id, { summary }]) => [id, summary]))
  const unbound = unboundSummaries(papers, said)
  // Many summaries under wrong ids are an answer shifted or steered as a whole: the rest of it is
  // not to be trusted either, though nothing in their words gives them away.
  const distrusted = unbound.size >= 2 && unbound.size * UNBOUND_SHARE >= said.size ? said.keys() : unbound
  for (const id of distrusted) {
    summaries.delete(id)
    failed.set(id, 'unbound')
  }
  return { ok: true, summaries, failed }
}

export function replyJson<T>(reply: ModelReply, schema: z.ZodMiniType<T>): { json: T } | { reason: Reason } {
  if (reply.refusal?.trim() || reply.finishReason === 'content_filter') return { reason: 'refusal' }
  if (reply.finishReason === 'length') return { reason: 'cut-off' }
  const content = reply.content ?? ''
  // Servers without structured output often wrap JSON in a ```json fence despite being asked not to.
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(content)
  const parsed = schema.safeParse(answerJson(fenced?.[1] ?? content))
  return parsed.success ? { json: parsed.data } : { reason: 'invalid-answer' }
}
