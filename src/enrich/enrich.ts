import type { Dispatcher } from 'undici'
import type { Clock } from '../core/clock.js'
import { MODEL_HOST } from '../core/http/limits.js'
import type { Log } from '../core/log.js'
import type { Paper } from '../core/paper.js'
import type { Summary } from './answer.js'
import { askModel, type AskOutcome } from './ask.js'
import { GITHUB_MODELS_LOW_TIER } from './batch.js'
import type { FileChange } from '../core/file-change.js'
import { CACHE_DIR, loadCache, variantKey } from './cache.js'
import { createModelClient } from './client.js'
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
}

export interface EnrichDeps {
  log: Log
  clock: Clock
  /** A repository file's text at the commit the run builds on, or undefined when there is none. */
  readFile: (path: string) => Promise<string | undefined>
  /** core/http's shared dispatcher unless given (a test's resolver, an HTTP/2 trust store). */
  dispatcher?: Dispatcher
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

  const deadline = deps.clock.now() + MODEL_HOST.deadlineMs
  const client = createModelClient({
    apiUrl: options.apiUrl,
    token: token.token,
    model: options.model,
    userAgent: options.userAgent,
    clock: deps.clock,
    deadline,
    dispatcher: deps.dispatcher,
  })
  const settings = {
    language: options.language,
    limits: GITHUB_MODELS_LOW_TIER,
    maxCalls: options.maxCalls,
    deadline,
    clock: deps.clock,
  }
  const outcome = await askModel(papers, client, settings, deps.log)
  return { ...outcome, requests: client.requests }
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
