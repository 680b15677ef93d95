/** Runs the summary store against the OpenAI-compatible stand-in, with the repository's files in a map. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  openSummaries,
  type EnrichDeps,
  type EnrichOptions,
  type EnrichResult,
} from '../../src/enrich/index.js'
import type { Paper } from '../../src/core/paper.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import { createMemoryLog } from '../support/memory-log.js'
import type { LlmServer } from '../support/llm-server.js'
import { INPUT_DEFAULTS } from '../../src/settings/inputs.js'
import { testClock, type TestClock } from '../support/test-clock.js'

export const LLM_TOKEN = 'llm-SeCrEt-0123456789'
export const GITHUB_TOKEN = 'ghs_GiThUbSeCrEt0123456789'
export const MODEL = 'openai/gpt-4.1-mini'

/** A real day of 30 papers (2025-11-04), every one with Hugging Face's ai_summary. */
export function fixtureDay(day = '2025-11-04'): Paper[] {
  const path = resolve(process.cwd(), '__tests__/fixtures/hf/daily', `${day}.json`)
  return parseDailyPapers(JSON.parse(readFileSync(path, 'utf8')), day).papers
}

/** The day enrichOn's papers are listed on, and so the cache file they are kept in. */
export const LISTED_DAY = '2025-11-04'
export const DAY_FILE = `.hf-daily-papers/summaries/${LISTED_DAY}.json`

/** A cache file's JSON as written, for checks of its layout (key order included). */
export const cacheJson = (text: string) =>
  JSON.parse(text) as { about: unknown; summaries: Record<string, Record<string, unknown>> }

export interface Run extends EnrichResult {
  log: ReturnType<typeof createMemoryLog>
  clock: TestClock
}

/** The repository: cache files a run produced are "committed" into it with commit(). */
export function createRepository() {
  const files = new Map<string, string>()
  return {
    files,
    readFile: (path: string) => Promise.resolve(files.get(path)),
    commit(result: EnrichResult) {
      for (const file of result.cacheFiles) files.set(file.path, file.content)
    },
  }
}

/** The store's summaries of `papers` (openSummaries, then complete) on `llm`, on simulated time (support/test-clock.ts), whose deadlines the stand-in's hangs bring about. */
export async function enrichOn(
  llm: LlmServer,
  papers: readonly Paper[],
  options: Partial<EnrichOptions> = {},
  { clock = testClock(), ...deps }: Partial<EnrichDeps> & { clock?: TestClock } = {},
): Promise<Run> {
  const log = createMemoryLog()
  llm.onStall = clock.stall
  const store = await openSummaries(
    [{ day: LISTED_DAY, papers }],
    [],
    undefined,
    {
      apiUrl: llm.url,
      model: MODEL,
      language: 'ko',
      llmToken: LLM_TOKEN,
      github: { token: GITHUB_TOKEN, apiUrl: 'https://api.github.com' },
      userAgent: 'hf-daily-papers/test',
      maxCalls: Number(INPUT_DEFAULTS['llm-max-calls']),
      ...options,
    },
    { log, clock, readFile: () => Promise.resolve(undefined), ...deps },
  )
  const result = await store.complete({ own: papers, refreshed: [] }, [])
  return { ...result, log, clock }
}

/** A chat-completions request body as the stand-in recorded it. */
export interface SentBody {
  model: string
  max_tokens: number
  messages: Array<{ role: string; content: string }>
  response_format: {
    type: string
    json_schema: { strict: boolean; schema: { properties: { summaries: { items: { required: string[] } } } } }
  }
}

export function sentBody(llm: LlmServer, index: number): SentBody {
  return llm.requests[index]!.body as SentBody
}

/** Every request's headers and body as one text, to search for a token. */
export function everythingSent(llm: LlmServer): string {
  return JSON.stringify(llm.requests.map((request) => [request.headers, request.body]))
}
