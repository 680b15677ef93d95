import { errorMessage } from '../core/errors.js'
import type { Log } from '../core/log.js'
import type { Paper } from '../core/paper.js'
import type { Summary } from './answer.js'
import { askModel, type AskOutcome } from './ask.js'
import { GITHUB_MODELS_LOW_TIER } from './batch.js'
import type { FileChange } from '../core/file-change.js'
import { CACHE_DIR, loadCache, variantKey } from './cache.js'
import { createOpenAiClient, type ModelClient } from './client.js'
import { cleanModelText, MAX_SUMMARY_LENGTH } from './plain-text.js'
import { wantsTitle } from './prompt.js'
import {
  describeMissing,
  type EnrichedPaper,
  type EnrichStats,
  type Reason,
  type SummaryStats,
} from './reasons.js'
import { chooseModelToken, type WorkflowToken } from './token.js'

export interface EnrichOptions {
  /** llm-api-url */
  apiUrl: string
  /** llm-model */
  model: string
  /** The post's language: summaries are written in it, and titles translated when it is not `en`. */
  language: string
  /** llm-token */
  llmToken?: string
  /** The GitHub `token` input and its GitHub: used only for GitHub Models, when llm-token is empty. */
  github: WorkflowToken
  /** llm-max-calls: requests per run, retries included. */
  maxCalls: number
  userAgent: string
  /** Longest time for one attempt (default 60 s). */
  timeoutMs?: number
  /** Longest time for all model requests of the run; none starts after it (default 4 min). */
  timeLimitMs?: number
  /** Retries per call on 429, 5xx and time-outs (default 2). */
  maxRetries?: number
  /** Longest wait before a retry, `retry-after` included; a longer one gives up (default 60 s). */
  maxWaitMs?: number
  /** First backoff when the host names no wait (default 1 s). */
  baseDelayMs?: number
}

/** Bytes one answer may have: 20 summaries are ~20 KB. */
const MAX_ANSWER_BYTES = 1024 * 1024

export interface EnrichDeps {
  log: Log
  /** Epoch ms. */
  now: () => number
  /** A repository file's text at the commit the run builds on, or undefined when there is none. */
  readFile: (path: string) => Promise<string | undefined>
  /** The fetch under the client (tests reach a stand-in with it); default: the global one. */
  fetch?: typeof globalThis.fetch
}

export interface EnrichResult {
  /** Every paper asked about, by id. */
  byId: Map<string, EnrichedPaper>
  stats: SummaryStats
  /** Cache files that gained summaries (policy `state`): to go into the same ChangeSet as the posts. */
  cacheFiles: FileChange[]
}

/**
 * Model-written summaries (and translated titles) for the papers: from the cache kept in the
 * repository, else from the model, else Hugging Face's own `ai_summary`, else none, each with why.
 * Never throws for the model's sake: every failure ends as a reason, a warning and a stat.
 */
export async function enrichPapers(
  papers: readonly Paper[],
  options: EnrichOptions,
  deps: EnrichDeps,
): Promise<EnrichResult> {
  const unique = [...new Map(papers.map((paper) => [paper.id, paper])).values()]
  const variant = variantKey(options.model, options.language)
  const needsTitle = wantsTitle(options.language)
  const cache = await loadCache(
    unique.map((paper) => paper.id),
    deps.readFile,
    deps.log,
  )

  const cached = new Map<string, Summary>()
  const failed = new Map<string, Reason>()
  const toAsk: Paper[] = []
  for (const paper of unique) {
    const entry = cache.get(paper.id, variant)
    if (entry !== undefined && (!needsTitle || entry.title !== undefined)) cached.set(paper.id, entry)
    else if (paper.summary.trim() === '') failed.set(paper.id, 'no-abstract')
    else toAsk.push(paper)
  }

  if (cached.size > 0) deps.log.info(`Model summaries: ${cached.size} from ${CACHE_DIR}`)
  const asked = toAsk.length > 0 ? await ask(toAsk, options, deps) : { ...nothingAsked(), requests: 0 }
  for (const [id, summary] of asked.summaries) cache.add(id, variant, summary)
  for (const [id, reason] of asked.failed) failed.set(id, reason)

  const byId = new Map<string, EnrichedPaper>()
  for (const paper of unique) {
    const summary = asked.summaries.get(paper.id) ?? cached.get(paper.id)
    if (summary !== undefined) {
      byId.set(paper.id, { ...summary, origin: asked.summaries.has(paper.id) ? 'model' : 'cache' })
      continue
    }
    byId.set(paper.id, fallback(paper, failed.get(paper.id) ?? 'missing'))
  }
  const stats = collectStats(byId, asked.requests, asked.problems)
  const whyMissing = describeMissing(stats)
  if (whyMissing !== undefined) deps.log.warning(`Model summaries: ${whyMissing}`)
  return { byId, stats: { ...stats, whyMissing }, cacheFiles: cache.changedFiles() }
}

/** The papers' summaries from the model, when there is a token for its host and a client for it. */
async function ask(
  papers: Paper[],
  options: EnrichOptions,
  deps: EnrichDeps,
): Promise<AskOutcome & { requests: number }> {
  const failAll = (reason: Reason, problem: string) => {
    deps.log.warning(`Model summaries: ${problem}`)
    const outcome = nothingAsked()
    for (const paper of papers) outcome.failed.set(paper.id, reason)
    outcome.problems.push(problem)
    return { ...outcome, requests: 0 }
  }
  const token = chooseModelToken(options.apiUrl, options.llmToken, options.github)
  if (token.token === undefined) return failAll('no-token', `skipped: ${token.problem}`)

  const deadline = deps.now() + (options.timeLimitMs ?? 240_000)
  let client: ModelClient
  try {
    client = await createOpenAiClient({
      apiUrl: options.apiUrl,
      token: token.token,
      model: options.model,
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      baseDelayMs: options.baseDelayMs ?? 1_000,
      maxAnswerBytes: MAX_ANSWER_BYTES,
      deadline,
      now: deps.now,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    })
  } catch (error) {
    // Settings check llm-api-url; this is the model client failing to start (e.g. a broken install).
    return failAll('connection', `could not set up the model client: ${errorMessage(error)}`)
  }
  const settings = {
    language: options.language,
    limits: GITHUB_MODELS_LOW_TIER,
    maxCalls: options.maxCalls,
    maxRetries: options.maxRetries ?? 2,
    deadline,
    now: deps.now,
  }
  const outcome = await askModel(papers, client, settings, deps.log)
  return { ...outcome, requests: client.record.requests }
}

function nothingAsked(): AskOutcome {
  return { summaries: new Map(), failed: new Map(), problems: [] }
}

/** Hugging Face's own `ai_summary` when the paper has one, marked as such; otherwise nothing. */
function fallback(paper: Paper, reason: Reason): EnrichedPaper {
  const aiSummary = cleanModelText(paper.aiSummary ?? '', MAX_SUMMARY_LENGTH)
  return aiSummary === ''
    ? { origin: 'none', reason }
    : { summary: aiSummary, origin: 'hf-ai-summary', reason }
}

function collectStats(
  byId: ReadonlyMap<string, EnrichedPaper>,
  requests: number,
  problems: string[],
): EnrichStats {
  const stats: EnrichStats = {
    papers: byId.size,
    fromModel: 0,
    fromCache: 0,
    fromHuggingFace: 0,
    requests,
    missing: {},
    problems,
  }
  for (const paper of byId.values()) {
    if (paper.origin === 'model') stats.fromModel++
    else if (paper.origin === 'cache') stats.fromCache++
    else if (paper.origin === 'hf-ai-summary') stats.fromHuggingFace++
    if (paper.reason !== undefined) stats.missing[paper.reason] = (stats.missing[paper.reason] ?? 0) + 1
  }
  return stats
}
