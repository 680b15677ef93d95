import type { Paper } from '../core/paper.js'
import { replyJson, type ModelReply } from './answer.js'
import { z } from '../core/zod.js'
import type { ChatRequest } from './client.js'
import { languageFacts, tldrCharacters, writtenIn } from './language.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, saysSomething } from './plain-text.js'
import { DATA_NOT_INSTRUCTIONS, MAX_PROMPT_TITLE, promptText, strictObject } from './prompt.js'
import type { Reason } from './reasons.js'

/** A post's TL;DR to ask for: the day it is of (its cache key) and its papers, ranked. */
export interface TldrRequest {
  day: string
  papers: readonly Paper[]
}

/** The day's leading papers the TL;DR is written from: its themes show in them, and a request stays small. */
const TLDR_PAPERS = 12
/** Of each abstract, its start: enough to name the theme. */
const TLDR_ABSTRACT = 500
/** The answer is a few sentences; this leaves room for a verbose model without cutting it off. */
const TLDR_OUTPUT_TOKENS = 1_000

/** The cache key of a day's TL;DR: never a paper's id (those have no space). */
export function tldrKey(day: string): string {
  return `tldr ${day}`
}

export function tldrRequest({ papers }: TldrRequest, language: string): ChatRequest {
  const name = languageFacts(language).promptName
  const system = [
    `You write the TL;DR at the top of a blog's daily digest of research papers, in ${name}.`,
    `Write "tldr": 2 or 3 sentences, at most ${tldrCharacters(language)} characters, on the themes the day's papers share and what stands out; name at most two papers.`,
    `Use only the titles and abstracts given; add nothing they do not say.`,
    `Write plain text: no Markdown, HTML, links, lists or line breaks.`,
    DATA_NOT_INSTRUCTIONS,
  ].join(' ')
  const user = JSON.stringify({
    papers: papers.slice(0, TLDR_PAPERS).map((paper) => ({
      title: promptText(paper.title, MAX_PROMPT_TITLE),
      abstract: promptText(paper.summary, TLDR_ABSTRACT),
    })),
  })
  return { system, user, jsonSchema: TLDR_SCHEMA, maxTokens: TLDR_OUTPUT_TOKENS }
}

const TLDR_SCHEMA = { name: 'day_tldr', strict: true, schema: strictObject({ tldr: { type: 'string' } }) }

const tldrSchema = z.object({ tldr: z.string() })

/** Cleaned and capped like a summary: it is shown as plain text. */
export function readTldr(reply: ModelReply, language: string): { tldr: string } | { reason: Reason } {
  const read = replyJson(reply, tldrSchema)
  if ('reason' in read) return read
  const tldr = cleanModelText(read.json.tldr, MAX_SUMMARY_LENGTH)
  if (!saysSomething(tldr)) return { reason: 'empty' }
  return writtenIn(tldr, language, true) ? { tldr } : { reason: 'wrong-language' }
}
