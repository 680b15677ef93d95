import { z } from '../core/zod.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from './plain-text.js'
import type { Reason } from './reasons.js'
import { unboundSummaries, type PaperText } from './binding.js'
import { writtenIn } from './language.js'

/** The part of a chat completion this stage reads. */
export interface ModelReply {
  content: string | null
  refusal: string | null
  finishReason: string | null
}

/** A summary as the cache keeps it and the digest shows it: clean plain text. */
export interface Summary {
  summary: string
  /** Only when the post's language is not English. */
  title?: string
}

export type BatchAnswer =
  /** The batch as a whole got nothing usable. */
  | { ok: false; reason: Reason }
  /** Per paper: its summary, or why it has none. */
  | { ok: true; summaries: Map<string, Summary>; failed: Map<string, Reason> }

/** An answer with at least one summary in this many under a wrong id is dropped whole. */
const UNBOUND_SHARE = 4

const answerSchema = z.object({ summaries: z.array(z.unknown()) })
const itemSchema = z.object({ id: z.string(), summary: z.string(), title: z.optional(z.string()) })

/**
 * Reads a model's answer for the papers asked about. Only their ids are looked up, so others are
 * ignored; a paper not answered is `missing`; of two answers for a paper the first counts; an empty
 * summary (or title, when one is asked for) is `empty`; one not written in `language` is
 * `wrong-language`; one about another paper of the request is `unbound`. Every text is cleaned and
 * capped: the answer is untrusted.
 */
export function readAnswer(
  reply: ModelReply,
  papers: readonly PaperText[],
  language: string,
  wantsTitle: boolean,
): BatchAnswer {
  const problem = replyProblem(reply)
  if (problem !== undefined) return { ok: false, reason: problem }
  const items = parseItems(reply.content)
  if (items === undefined) return { ok: false, reason: 'invalid-answer' }
  const ids = papers.map((paper) => paper.id)

  const answered = new Map<string, z.infer<typeof itemSchema>>()
  // A well-behaved answer has one item per paper; reading far more would only cost time.
  for (const item of items.slice(0, ids.length * 2 + 10)) {
    const parsed = itemSchema.safeParse(item)
    if (!parsed.success || answered.has(parsed.data.id)) continue
    answered.set(parsed.data.id, parsed.data)
  }

  const summaries = new Map<string, Summary>()
  const failed = new Map<string, Reason>()
  for (const id of ids) {
    const item = answered.get(id)
    if (item === undefined) {
      failed.set(id, 'missing')
      continue
    }
    const summary = cleanModelText(item.summary, MAX_SUMMARY_LENGTH)
    const title = wantsTitle ? cleanModelText(item.title ?? '', MAX_TITLE_LENGTH) : undefined
    if (summary === '' || title === '') failed.set(id, 'empty')
    else if (
      !writtenIn(summary, language, true) ||
      (title !== undefined && !writtenIn(title, language, false))
    )
      failed.set(id, 'wrong-language')
    else summaries.set(id, title === undefined ? { summary } : { summary, title })
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

/** Why a reply holds no answer to read: the model declined, or its answer was cut off. */
export function replyProblem(reply: ModelReply): Reason | undefined {
  if (reply.refusal?.trim() || reply.finishReason === 'content_filter') return 'refusal'
  if (reply.finishReason === 'length') return 'cut-off'
  return undefined
}

/** The answer's `summaries` array, or undefined when the content is not the JSON asked for. */
function parseItems(content: string | null): unknown[] | undefined {
  const parsed = answerSchema.safeParse(parseContent(content))
  return parsed.success ? parsed.data.summaries : undefined
}

/** The content's JSON, or undefined when it has none. */
export function parseContent(content: string | null): unknown {
  if (!content?.trim()) return undefined
  try {
    return JSON.parse(withoutCodeFence(content))
  } catch {
    return undefined
  }
}

/** Servers without structured output often wrap JSON in a ```json fence despite being asked not to. */
function withoutCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(content)
  return fenced?.[1] ?? content
}
