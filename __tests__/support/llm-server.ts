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
import { answer, type AnswerKind } from './llm-answers.ts'
import { inputTokens, papersAsked, parseJson, systemMessage, wantsTldr } from './llm-request.ts'
import { sendAnswer } from './send-answer.ts'
import { languageNamed } from './llm-languages.ts'
import type { LanguageTag } from '../../src/core/languages.ts'

/** What the next request gets: an answer's content (llm-answers.ts), or one of these. */
export type LlmBehaviour =
  | AnswerKind
  /**
   * A good answer whose every summary and TL;DR ends with the bearer token the request came with, split by
   * zero-width spaces, as a debugging proxy that echoes what it was sent might.
   */
  | 'echo-token'
  /** A 2 MB answer, sent in chunks without a content-length. */
  | 'huge'
  /** No answer at all, until the client gives up or the server closes. */
  | 'hang'
  /** The answer's start, then nothing more, as a host that trickles its answer. */
  | 'trickle'
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

/** A valid answer padded with `padding` spaces before its end, streamed in 64 KB chunks. */
function sendChunked(res: ServerResponse, json: string, padding: number): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  const chunk = ' '.repeat(64 * 1024)
  res.write(json.slice(0, -1))
  for (let sent = 0; sent < padding; sent += chunk.length) res.write(chunk)
  res.end('}')
}
