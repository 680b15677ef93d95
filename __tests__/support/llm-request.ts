/**
 * What the OpenAI-compatible stand-in reads of a chat-completions request body: the messages, the papers
 * asked about, the response schema.
 */

/** A paper the client asks the model about. */
export interface PaperAsked {
  id: string
  title: string
  abstract: string
}

function messages(body: unknown): Array<{ role?: unknown; content?: unknown }> {
  const list = (body as { messages?: unknown } | null)?.messages
  return Array.isArray(list) ? list.filter(isObject) : []
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null

export function systemMessage(body: unknown): string {
  const system = messages(body).find((message) => message.role === 'system')?.content
  return typeof system === 'string' ? system : ''
}

/** The papers of the user message, which the client sends as `{"papers": [{id, title, abstract}]}`. */
export function papersAsked(body: unknown): PaperAsked[] {
  return userPapers(body).filter(
    (paper: Partial<Record<keyof PaperAsked, unknown>> | null): paper is PaperAsked =>
      typeof paper?.id === 'string' && typeof paper.title === 'string' && typeof paper.abstract === 'string',
  )
}

/** The user message's `papers`: the client sends them as JSON. */
function userPapers(body: unknown): Array<Partial<Record<keyof PaperAsked, unknown>> | null> {
  const user = messages(body).find((message) => message.role === 'user')?.content
  const papers = (parseJson(typeof user === 'string' ? user : '') as { papers?: unknown } | undefined)?.papers
  return Array.isArray(papers) ? (papers as Array<Partial<Record<keyof PaperAsked, unknown>> | null>) : []
}

/** The titles of the user message's papers, with or without ids (a TL;DR request sends none). */
export function titlesAsked(body: unknown): string[] {
  return userPapers(body).flatMap((paper) => (typeof paper?.title === 'string' ? [paper.title] : []))
}

export function schemaWantsTitle(body: unknown): boolean {
  const format = (body as { response_format?: { json_schema?: { schema?: unknown } } } | null)
    ?.response_format
  return JSON.stringify(format?.json_schema?.schema ?? {}).includes('"title"')
}

export function inputTokens(body: unknown): number {
  const text = messages(body)
    .map((message) => (typeof message.content === 'string' ? message.content : ''))
    .join('')
  return Math.ceil(text.length / 4)
}

/** The JSON of a body or message, or undefined when it is none. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A TL;DR request: its answer's schema has a `tldr` and no `summaries`. */
export function wantsTldr(body: unknown): boolean {
  return (
    (body as { response_format?: { json_schema?: { name?: unknown } } } | null)?.response_format?.json_schema
      ?.name === 'day_tldr'
  )
}
