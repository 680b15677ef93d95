import { z } from '../core/zod.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from './plain-text.js'
import type { Reason } from './reasons.js'

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

const answerSchema = z.object({ summaries: z.array(z.unknown()) })
const itemSchema = z.object({ id: z.string(), summary: z.string(), title: z.optional(z.string()) })

/**
 * Reads a model's answer for the papers `ids`. Only these ids are looked up, so others are ignored; a
 * paper not answered is `missing`; of two answers for a paper the first counts; an empty summary (or
 * title, when one is asked for) is `empty`. Every text is cleaned and capped: the answer is untrusted.
 */
export function readAnswer(reply: ModelReply, ids: readonly string[], wantsTitle: boolean): BatchAnswer {
  if (reply.refusal?.trim() || reply.finishReason === 'content_filter')
    return { ok: false, reason: 'refusal' }
  if (reply.finishReason === 'length') return { ok: false, reason: 'cut-off' }
  const items = parseItems(reply.content)
  if (items === undefined) return { ok: false, reason: 'invalid-answer' }

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
    else summaries.set(id, title === undefined ? { summary } : { summary, title })
  }
  return { ok: true, summaries, failed }
}

/** The answer's `summaries` array, or undefined when the content is not the JSON asked for. */
function parseItems(content: string | null): unknown[] | undefined {
  if (!content?.trim()) return undefined
  let json: unknown
  try {
    json = JSON.parse(withoutCodeFence(content))
  } catch {
    return undefined
  }
  const parsed = answerSchema.safeParse(json)
  return parsed.success ? parsed.data.summaries : undefined
}

/** Servers without structured output often wrap JSON in a ```json fence despite being asked not to. */
function withoutCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(content)
  return fenced?.[1] ?? content
}
