import { z } from '../zod.js'
import { excerpt } from './quote.js'

/**
 * One paper as the digest needs it: the Hugging Face item reduced to what a post can show.
 * Titles and abstracts are kept exactly as the API sent them; the digest decides how to print them.
 */
export interface Paper {
  /** arXiv id, e.g. `2512.20617`. */
  id: string
  title: string
  summary: string
  upvotes: number
  authors: string[]
  /** The organisation's display name (`fullname`), falling back to its handle. */
  organization?: string
  githubRepo?: string
  githubStars?: number
  projectPage?: string
  aiSummary?: string
  aiKeywords: string[]
  numComments?: number
  publishedAt?: string
}

// Hugging Face leaves optional fields out, but a null must not cost us a paper.
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform((value) => value ?? undefined),
  )

const organizationSchema = z.looseObject({ name: z.string(), fullname: optional(z.string()) })

/** Only what the post needs is required; unknown fields are accepted, so new API fields never break a run. */
const itemSchema = z.looseObject({
  paper: z.looseObject({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    summary: optional(z.string()),
    upvotes: z.int().check(z.nonnegative()),
    authors: optional(z.array(z.looseObject({ name: z.string() }))),
    organization: optional(organizationSchema),
    githubRepo: optional(z.string()),
    githubStars: optional(z.number()),
    projectPage: optional(z.string()),
    ai_summary: optional(z.string()),
    ai_keywords: optional(z.array(z.string())),
    publishedAt: optional(z.string()),
  }),
  organization: optional(organizationSchema),
  numComments: optional(z.number()),
})

export type DailyPapersItem = z.infer<typeof itemSchema>

export interface InvalidPaper {
  /** The paper's id when it could be read, otherwise its position in the response. */
  id: string
  /** Where the first problem is, e.g. `paper.upvotes`. */
  field: string
  problem: string
}

export interface ParsedResponse {
  papers: Paper[]
  invalid: InvalidPaper[]
}

/** Thrown when a response is not a list of papers at all: the run must fail, not post nothing. */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError'
}

/**
 * Validates a `/api/daily_papers` response item by item: a malformed paper is reported and left
 * out, a response that is not an array is an error, showing the start of it as `describe` quotes it
 * (the Hugging Face source quotes the text it received, without its token).
 */
export function parseDailyPapers(
  body: unknown,
  source: string,
  describe: (body: unknown) => string = describeJson,
): ParsedResponse {
  if (!Array.isArray(body)) {
    throw new UnexpectedResponseError(
      `${source} returned ${describe(body)} where a JSON array of papers was expected`,
    )
  }
  const papers: Paper[] = []
  const invalid: InvalidPaper[] = []
  body.forEach((item: unknown, index) => {
    const result = itemSchema.safeParse(item)
    if (result.success) {
      papers.push(toPaper(result.data))
      return
    }
    const issue = result.error.issues[0]
    invalid.push({
      id: readId(item) ?? `#${index + 1}`,
      field: issue?.path.join('.') || '(item)',
      problem: issue?.message ?? 'invalid',
    })
  })
  return { papers, invalid }
}

function toPaper({ paper, organization, numComments }: DailyPapersItem): Paper {
  const org = paper.organization ?? organization
  return {
    id: paper.id,
    title: paper.title,
    summary: paper.summary ?? '',
    upvotes: paper.upvotes,
    authors: (paper.authors ?? []).map((author) => author.name),
    organization: org ? (org.fullname ?? org.name) : undefined,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    aiSummary: paper.ai_summary,
    aiKeywords: paper.ai_keywords ?? [],
    numComments,
    publishedAt: paper.publishedAt,
  }
}

function readId(item: unknown): string | undefined {
  const id = (item as { paper?: { id?: unknown } } | null)?.paper?.id
  return typeof id === 'string' && id !== '' ? id : undefined
}

function describeJson(body: unknown): string {
  return excerpt(JSON.stringify(body) ?? String(body))
}
