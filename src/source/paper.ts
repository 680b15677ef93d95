import { QUOTE_LENGTH } from '../core/http/send.js'
import type { DayPapers, InvalidPaper, OmittedField, Paper } from '../core/paper.js'
import { excerptAnswer } from '../core/quote-untrusted.js'
import { z } from '../core/zod.js'
import { itemId } from './drift.js'
import {
  checkCount,
  checkGithubRepo,
  checkPaperId,
  checkProjectPage,
  checkThumbnail,
  isArxivId,
  type Checked,
} from './paper-checks.js'

// Hugging Face leaves optional fields out, but a null must not cost us a paper.
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform((value) => value ?? undefined),
  )

const organizationSchema = z.object({ name: z.string(), fullname: optional(z.string()) })

/**
 * Only what the post needs is required, and unknown fields are dropped, so new API fields never break a run.
 * Links and counts are checked one by one afterwards: a bad one costs the field, not the paper.
 */
const itemSchema = z.object({
  paper: z.object({
    id: z.string(),
    title: z.string(),
    summary: optional(z.string()),
    upvotes: z.int().check(z.nonnegative()),
    authors: optional(z.array(z.object({ name: z.string() }))),
    organization: optional(organizationSchema),
    githubRepo: z.optional(z.unknown()),
    githubStars: z.optional(z.unknown()),
    projectPage: z.optional(z.unknown()),
    ai_summary: optional(z.string()),
    ai_keywords: optional(z.array(z.string())),
    publishedAt: optional(z.string()),
  }),
  organization: optional(organizationSchema),
  numComments: z.optional(z.unknown()),
  thumbnail: z.optional(z.unknown()),
})

/** A character a post can show: none of those cleanText drops, nor white space. */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Cs}\uFFFE\uFFFF]/u

/** Thrown when a response is not a list of papers at all: the run must fail, not post nothing. */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError'
}

/** The start of `text` on one line, at most QUOTE_LENGTH characters and `…` when cut, the token hidden. */
export const excerpt = (text: string, secret?: string): string =>
  excerptAnswer(text, { limit: QUOTE_LENGTH, secrets: [secret] })

/** A `/api/daily_papers` response item by item (a malformed paper is reported and left out), or an error. */
export function parseDailyPapers(body: unknown, source: string): Pick<DayPapers, 'papers' | 'invalid'> {
  if (!Array.isArray(body)) {
    const shown = excerpt(JSON.stringify(body) ?? String(body))
    throw new UnexpectedResponseError(`${source} returned ${shown} where a JSON array of papers was expected`)
  }
  const papers: Paper[] = []
  const invalid: InvalidPaper[] = []
  const seen = new Set<string>()
  body.forEach((item: unknown, index) => {
    const result = itemSchema.safeParse(item)
    // Printed as it is only when it is safe to.
    const rawId = itemId(item)
    const id = isArxivId(rawId) ? rawId : `#${index + 1}`
    if (!result.success) {
      const issue = result.error.issues[0]
      invalid.push({ id, field: issue?.path.join('.') || '(item)', problem: issue?.message ?? 'invalid' })
      return
    }
    const checkedId = checkPaperId(result.data.paper.id)
    if ('problem' in checkedId) {
      invalid.push({ id, field: 'paper.id', problem: checkedId.problem })
      return
    }
    if (!VISIBLE.test(result.data.paper.title)) {
      invalid.push({ id, field: 'paper.title', problem: 'has no visible character' })
      return
    }
    // A saved answer may list a paper twice; Hugging Face's pages are deduplicated the same way.
    if (seen.has(result.data.paper.id)) return
    seen.add(result.data.paper.id)
    papers.push(toPaper(result.data))
  })
  return { papers, invalid }
}

/**
 * A day's papers as Hugging Face lists a day: most upvoted first, then the newer arXiv id. So a week's or
 * a month's answer, whose order may be its own, gives the same posts as the day's answer; and a day's
 * order beyond the ranking (the keywords counted as first seen) is the same in every run.
 */
export function inListOrder(papers: Paper[]): Paper[] {
  return papers.sort((a, b) => b.upvotes - a.upvotes || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
}

/**
 * Hugging Face's AI summary writes sub- and superscripts as HTML (`10<sup>6</sup>`, `π<sub>RL</sub>`),
 * which a post would show as tags: digits and signs become Unicode's sub- and superscripts (`10⁶`,
 * `O(n²)`, `H₂O`), anything else `^` or `_` before it (`2^k`, `x_(t-1)`, `π_RL`). Only a tag with its
 * closing one: any other `<tag>` is the summary's own words. Inner pairs first (`x^a₂`).
 */
function withScripts(summary: string): string {
  let text = summary
  for (let depth = 0; depth < MAX_SCRIPT_DEPTH; depth++) {
    text = text.replace(SCRIPTED, (_, tag: string, inside: string) => {
      const superscript = tag.toLowerCase() === 'sup'
      const chars = superscript ? SUPERSCRIPTS : SUBSCRIPTS
      const mapped = [...inside].map((char) => chars[char])
      if (mapped.every((char) => char !== undefined)) return mapped.join('')
      return `${superscript ? '^' : '_'}${/^[\p{L}\p{N}.]+$/u.test(inside) ? inside : `(${inside})`}`
    })
  }
  return text
}

const SCRIPTED = /<(su[bp])(?:\s[^<>]*)?>([^<>]{1,40})<\/\1>/gi
const MAX_SCRIPT_DEPTH = 3
/** Each of these characters as one of `scripts`, in the same order. */
const scriptsOf = (scripts: string): Record<string, string> =>
  Object.fromEntries([...'0123456789+-\u2212=()'].map((char, index) => [char, [...scripts][index] as string]))
const SUPERSCRIPTS: Record<string, string> = { ...scriptsOf('⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾'), n: 'ⁿ', i: 'ⁱ' }
const SUBSCRIPTS: Record<string, string> = scriptsOf('₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎')

function toPaper({ paper, organization, numComments, thumbnail }: z.infer<typeof itemSchema>): Paper {
  const org = paper.organization ?? organization
  const omitted: OmittedField[] = []
  // Absent, null and `""` are simply absent; anything else that fails its check is noted.
  const optionalField = <T>(field: string, value: unknown, check: (value: unknown) => Checked<T>) => {
    if (value === undefined || value === null || value === '') return undefined
    const checked = check(value)
    if ('value' in checked) return checked.value
    omitted.push({ field, problem: checked.problem })
    return undefined
  }
  const reduced: Paper = {
    id: paper.id,
    title: paper.title,
    summary: paper.summary ?? '',
    upvotes: paper.upvotes,
    authors: (paper.authors ?? []).map((author) => author.name),
    // An empty fullname would hide the name.
    organization: org ? (org.fullname?.trim() ? org.fullname : org.name) : undefined,
    githubRepo: optionalField('paper.githubRepo', paper.githubRepo, checkGithubRepo),
    githubStars: optionalField('paper.githubStars', paper.githubStars, checkCount),
    projectPage: optionalField('paper.projectPage', paper.projectPage, checkProjectPage),
    thumbnail: optionalField('thumbnail', thumbnail, checkThumbnail),
    aiSummary: paper.ai_summary === undefined ? undefined : withScripts(paper.ai_summary),
    aiKeywords: paper.ai_keywords ?? [],
    numComments: optionalField('numComments', numComments, checkCount),
    publishedAt: paper.publishedAt,
  }
  return omitted.length > 0 ? { ...reduced, omitted } : reduced
}
