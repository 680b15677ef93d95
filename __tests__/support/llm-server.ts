/**
 * A local stand-in for an OpenAI-compatible `POST {base}/chat/completions` (GitHub Models, OpenAI,
 * Ollama...), on 127.0.0.1, for tests and the benchmark. By default it answers every structured
 * request with one plausible summary per paper it was sent, or a TL;DR of the day, in the language the
 * instructions name; it can be told to answer the next requests the ways real hosts and hostile models
 * do. It records every request, with its Authorization header and the language it named, so tests can
 * check which token went where and what language was asked for.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { text as readText } from 'node:stream/consumers'
import {
  inputTokens,
  papersAsked,
  titlesAsked,
  parseJson,
  schemaWantsTitle,
  systemMessage,
  type PaperAsked,
} from './llm-request.ts'
import { sendAnswer } from './send-answer.ts'
import { languageNamed, textsIn } from './llm-languages.ts'
import type { LanguageTag } from '../../src/core/languages.ts'

export type LlmBehaviour =
  /** One plausible summary (and title, when the schema asks for one) per paper. */
  | 'good'
  /** The good answer inside a ```json fence, as models without structured output send it. */
  | 'fenced'
  /**
   * Summaries and titles that are Liquid, HTML, kramdown attributes, links, images, bidi, 100 KB, each
   * followed by a good summary in the language asked for when it is not English; a TL;DR of them all.
   */
  | 'hostile'
  /**
   * A good answer whose every summary and TL;DR ends with the bearer token the request came with, split by
   * zero-width spaces, as a debugging proxy that echoes what it was sent might.
   */
  | 'echo-token'
  /** Every other paper left out (the first is kept). */
  | 'missing'
  /** The good answer plus entries for papers nobody asked about. */
  | 'unknown-ids'
  /** Empty summaries and titles. */
  | 'empty'
  /** `message.refusal` set, no content. */
  | 'refusal'
  /** Content that is not JSON. */
  | 'invalid-json'
  /** `finish_reason: "length"` and half of the content. */
  | 'cut-off'
  /** A 2 MB answer, sent in chunks without a content-length. */
  | 'huge'
  /** No answer at all, until the client gives up or the server closes. */
  | 'hang'
  /** The answer's start, then nothing more, as a host that trickles its answer. */
  | 'trickle'
  /** Each paper's good summary put under the next paper's id (the last under the first's). */
  | 'swapped'
  /** The good answer in English, whatever language was asked for. */
  | 'english'
  /** The connection is destroyed before anything is sent. */
  | 'reset'
  /** This answer: a string body is sent as it is, anything else as JSON. */
  | { status: number; headers?: Record<string, string>; body?: unknown }

/** GitHub Models' answer to a request over the model's input limit. */
export const TOKENS_LIMIT_ANSWER = {
  status: 413,
  body: {
    error: {
      code: 'tokens_limit_reached',
      message: 'Request body too large for gpt-4.1-mini model. Max size: 8000 tokens.',
    },
  },
} as const

/** What a hostile model may write; tests check that none of it survives as markup. */
export const HOSTILE_TEXTS = [
  '{{ site.github.token }} {% include secret.html %} {%raw%}',
  '<script>alert(1)</script><img src=x onerror=alert(1)><think>hidden</think>',
  '{: .danger onclick="alert(1)"} {::comment} kramdown {:/comment}',
  '[click me](javascript:alert(1)) [phish](http://evil.test/) <https://evil.test/>',
  '![tracker](https://evil.test/pixel.png) ![x][ref]\n\n[ref]: https://evil.test/',
  'safe\u202Eevil\u2066text\u2069 with\u200Bzero\u00ADwidth\u0007bell\u001B[31m and \uDB40\uDC41tags',
  '\n::warning::injected\n::set-output name=x::y\n# heading\n| a | b |\n$$x$$',
] as const
/** The 100 KB summary hostile answers give their last paper. */
export const HUGE_TEXT = `${'A'.repeat(50_000)} ${'가'.repeat(50_000)}`

export interface RecordedLlmRequest {
  method: string
  /** Path and query, e.g. `/inference/chat/completions`. */
  path: string
  /** The Authorization header as it arrived, e.g. `Bearer …`. */
  authorization?: string
  headers: IncomingHttpHeaders
  /** The body, parsed when it is JSON. */
  body: unknown
  /** Ids of the papers the request asked about. */
  paperIds: string[]
  /** The one language the instructions named by its prompt name (LANGUAGE_FACTS), if exactly one. */
  language?: LanguageTag
  /** The request asked for a day's TL;DR rather than summaries. */
  tldr: boolean
}

export interface LlmServerOptions {
  /** Path before `/chat/completions`, like GitHub Models' `/inference` (default: none). */
  basePath?: string
  /** Answer 413 (as GitHub Models does) to requests over this many input tokens (4 characters each). */
  maxInputTokens?: number
}

export interface LlmServer {
  /** The base URL to use as `llm-api-url`, e.g. `http://127.0.0.1:40123/inference`. */
  url: string
  requests: RecordedLlmRequest[]
  /** Makes the next `times` requests get `behaviour` (after behaviours injected earlier). */
  inject(behaviour: LlmBehaviour, times?: number): void
  /** Called when a request is left hanging: a test on simulated time moves its clock to the client's deadline. */
  onStall?: () => void
  close(): Promise<void>
}

export async function startLlmServer(options: LlmServerOptions = {}): Promise<LlmServer> {
  const basePath = options.basePath ?? ''
  const requests: RecordedLlmRequest[] = []
  const queue: LlmBehaviour[] = []

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const text = await readText(req)
    const body = parseJson(text)
    const papers = papersAsked(body)
    const language = languageNamed(systemMessage(body))
    requests.push({
      ...(language !== undefined ? { language } : {}),
      tldr: wantsTldr(body),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
      headers: req.headers,
      body: body ?? text,
      paperIds: papers.map((paper) => paper.id),
    })
    const behaviour = queue.shift() ?? 'good'
    if (behaviour === 'hang') return standIn.onStall?.()
    if (behaviour === 'trickle') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.write('{"id": "chatcmpl-stand-in", ')
      return standIn.onStall?.()
    }
    if (behaviour === 'reset') return void req.socket.destroy()
    if (typeof behaviour === 'object')
      return sendAnswer(res, behaviour.status, behaviour.body, behaviour.headers)
    if (behaviour === 'echo-token') {
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? ''
      // Split every five characters: no run of eight is left whole until the invisible ones are dropped.
      const echoed = ` (key ${token.match(/.{1,5}/g)?.join('\u200b') ?? ''})`
      const good = answer('good', body, papers)
      const message = good.choices[0]!.message
      message.content =
        message.content?.replace(/"(summary|tldr)":"((?:[^"\\]|\\.)*)"/g, `"$1":"$2${echoed}"`) ?? null
      return sendAnswer(res, 200, good)
    }
    if (behaviour === 'huge')
      return sendChunked(res, JSON.stringify(answer('good', body, papers)), 2 * 1024 * 1024)
    if (req.method !== 'POST' || req.url !== `${basePath}/chat/completions`) {
      return sendAnswer(res, 404, {
        error: { code: 'not_found', message: `No route for ${req.method} ${req.url}` },
      })
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      return sendAnswer(res, 401, { error: { code: 'unauthorized', message: 'Bearer token required' } })
    }
    // Every request names the post's language as LANGUAGE_FACTS does, once: a real model given none
    // (or two) would guess, so the stand-in refuses to.
    if (language === undefined) {
      return sendAnswer(res, 400, {
        error: { code: 'no_language', message: 'The instructions name no language, or several' },
      })
    }
    if (options.maxInputTokens !== undefined && inputTokens(body) > options.maxInputTokens) {
      return sendAnswer(res, TOKENS_LIMIT_ANSWER.status, TOKENS_LIMIT_ANSWER.body)
    }
    sendAnswer(res, 200, answer(behaviour, body, papers))
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo

  const standIn: LlmServer = {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    inject: (behaviour, times = 1) => void queue.push(...Array<LlmBehaviour>(times).fill(behaviour)),
    close: () => {
      // A hung request holds its connection open; close() alone would wait for it forever.
      server.closeAllConnections()
      return new Promise((closed) => server.close(() => closed()))
    },
  }
  return standIn
}

type Item = Record<string, string>

function answer(
  behaviour: Exclude<LlmBehaviour, object | 'hang' | 'reset' | 'huge' | 'trickle' | 'echo-token'>,
  body: unknown,
  papers: PaperAsked[],
) {
  const language = behaviour === 'english' ? 'en' : languageNamed(systemMessage(body))
  if (wantsTldr(body) && ['good', 'english', 'hostile'].includes(behaviour)) {
    const topic = titlesAsked(body)[0]?.replace(/\s+/g, ' ').trim() ?? ''
    const native = textsIn(language).tldr(topic)
    const tldr = behaviour !== 'hostile' ? native : hostileTldr(language, native)
    return completion(body, JSON.stringify({ tldr }))
  }
  const withTitle = schemaWantsTitle(body)
  const good = papers.map((paper) => goodItem(paper, language, withTitle))
  const content = (items: Item[]) => JSON.stringify({ summaries: items })
  switch (behaviour) {
    case 'good':
    case 'english':
      return completion(body, content(good))
    case 'swapped':
      return completion(
        body,
        content(good.map((item, index) => ({ ...good[(index + 1) % good.length]!, id: item.id! }))),
      )
    case 'fenced':
      return completion(body, `\`\`\`json\n${content(good)}\n\`\`\``)
    case 'hostile': {
      // Written in the language asked for as well (but for the 100 KB), as a model must be to get through.
      const native = (item: Item) => (language === undefined || language === 'en' ? '' : ` ${item.summary}`)
      const hostile = (index: number) =>
        index === papers.length - 1 ? HUGE_TEXT : HOSTILE_TEXTS[index % HOSTILE_TEXTS.length]!
      const items = good.map((item, index) => ({ ...item, summary: `${hostile(index)}${native(item)}` }))
      return completion(
        body,
        content(items.map((item) => (withTitle ? { ...item, title: item.summary } : item))),
      )
    }
    case 'missing':
      return completion(body, content(good.filter((_, index) => index % 2 === 0)))
    case 'unknown-ids':
      return completion(
        body,
        content([
          { id: '../../etc/passwd', summary: 'not asked', title: 'not asked' },
          ...good,
          { id: '9999.99999', summary: 'not asked either', title: 'not asked' },
        ]),
      )
    case 'empty':
      return completion(
        body,
        content(good.map((item) => ({ ...item, summary: '  ', ...(withTitle ? { title: '' } : {}) }))),
      )
    case 'refusal':
      return completion(body, null, { refusal: "I'm sorry, I can't help with that." })
    case 'invalid-json':
      return completion(body, 'Here are your summaries: {"summaries": [{"id": ')
    case 'cut-off': {
      const full = content(good)
      return completion(body, full.slice(0, full.length >> 1), { finishReason: 'length' })
    }
  }
}

/** Every hostile text in English; in another language three of them, with enough of it to pass as written in it. */
function hostileTldr(language: LanguageTag | undefined, native: string): string {
  if (language === undefined || language === 'en') return HOSTILE_TEXTS.join(' ')
  return [HOSTILE_TEXTS[0], HOSTILE_TEXTS[1], HOSTILE_TEXTS[3], native, native].join(' ')
}

function goodItem(paper: PaperAsked, language: LanguageTag | undefined, withTitle: boolean): Item {
  const topic = paper.title.replace(/\s+/g, ' ').trim()
  const texts = textsIn(language)
  const summary = texts.summary(topic, firstSentence(paper.abstract))
  return withTitle ? { id: paper.id, summary, title: texts.title(topic) } : { id: paper.id, summary }
}

/** A TL;DR request: its answer's schema has a `tldr` and no `summaries`. */
function wantsTldr(body: unknown): boolean {
  return (
    (body as { response_format?: { json_schema?: { name?: unknown } } } | null)?.response_format?.json_schema
      ?.name === 'day_tldr'
  )
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const end = flat.search(/[.!?](\s|$)/)
  return (end === -1 ? flat : flat.slice(0, end + 1)).slice(0, 200)
}

function completion(
  body: unknown,
  content: string | null,
  { refusal = null, finishReason = 'stop' }: { refusal?: string | null; finishReason?: string } = {},
) {
  return {
    id: 'chatcmpl-stand-in',
    object: 'chat.completion',
    created: 1_764_547_200,
    model: (body as { model?: unknown } | null)?.model ?? 'unknown',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal }, finish_reason: finishReason }],
    usage: { prompt_tokens: inputTokens(body), completion_tokens: Math.ceil((content?.length ?? 0) / 4) },
  }
}

/** A valid answer padded with `padding` spaces before its end, streamed in 64 KB chunks. */
function sendChunked(res: ServerResponse, json: string, padding: number): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  const chunk = ' '.repeat(64 * 1024)
  res.write(json.slice(0, -1))
  for (let sent = 0; sent < padding; sent += chunk.length) res.write(chunk)
  res.end('}')
}
