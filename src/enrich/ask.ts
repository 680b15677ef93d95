import type { Log } from '../core/log.js'
import type { Paper } from '../core/paper.js'
import { readAnswer } from './answer.js'
import type { Summary } from './plain-text.js'
import { GITHUB_MODELS_LOW_TIER, planBatches, splitBatch, type Batch } from './batch.js'
import { ModelCallError, type ModelClient } from './client.js'
import { answerJsonSchema, systemPrompt, userPrompt, wantsTitle } from './prompt.js'
import { REASONS, type Reason, type SummaryStats } from './reasons.js'
import { plural } from '../core/wording.js'
import { readTldr, tldrRequest, type TldrRequest } from './tldr.js'

export interface AskOutcome extends Pick<SummaryStats, 'problems' | 'requests'> {
  summaries: Map<string, Summary>
  failed: Map<string, Reason>
  /** TL;DRs by day. */
  tldrs: Map<string, string>
}

export const nothingAsked = (): AskOutcome => ({
  summaries: new Map(),
  failed: new Map(),
  tldrs: new Map(),
  problems: [],
  requests: 0,
})

/** A batch the host finds too long, or whose answer was cut off, is asked again in halves. */
export async function askModel(
  papers: readonly Paper[],
  client: ModelClient,
  language: string,
  log: Log,
  outcome: AskOutcome,
): Promise<void> {
  const queue = planBatches(papers, language, GITHUB_MODELS_LOW_TIER)
  log.info(`Model summaries: ${papers.length} papers in ${plural(queue.length, 'request')}`)
  for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
    const ids = batch.papers.map((paper) => paper.id)
    const skip = client.whyNotAsk()
    if (skip !== undefined) {
      for (const id of ids) outcome.failed.set(id, skip)
      continue
    }
    const sentBefore = client.requests
    try {
      const reply = await client.complete({
        system: systemPrompt(language),
        user: userPrompt(batch.papers),
        jsonSchema: answerJsonSchema(language),
        maxTokens: GITHUB_MODELS_LOW_TIER.outputTokens,
      })
      const answer = readAnswer(reply, batch.papers, language, wantsTitle(language))
      if (!answer.ok) {
        throw new ModelCallError(
          `the answer for ${describe(batch)}: ${REASONS[answer.reason]}`,
          answer.reason,
        )
      }
      for (const [id, summary] of answer.summaries) outcome.summaries.set(id, summary)
      for (const [id, reason] of answer.failed) outcome.failed.set(id, reason)
      const requests = client.requests - sentBefore
      const retries = requests > 1 ? ` (${requests} requests with retries)` : ''
      log.info(`Model request for ${describe(batch)}: ${answer.summaries.size} summaries${retries}`)
    } catch (error) {
      if (!(error instanceof ModelCallError)) throw error
      if ((error.reason === 'too-large' || error.reason === 'cut-off') && batch.papers.length > 1) {
        log.info(`Model request for ${describe(batch)} was too long (${error.reason}); asking in two halves`)
        queue.unshift(...splitBatch(batch, language))
        continue
      }
      log.warning(`Model summaries: ${error.message}`)
      outcome.problems.push(error.message)
      for (const id of ids) outcome.failed.set(id, error.reason)
    }
  }
}

/** No retry of a bad answer: the post has its own TL;DR to fall back on. */
export async function askTldr(
  request: TldrRequest,
  client: ModelClient,
  language: string,
  log: Log,
  outcome: AskOutcome,
): Promise<void> {
  const skip = client.whyNotAsk()
  if (skip !== undefined) {
    log.info(`Model TL;DR for ${request.day}: not asked (${REASONS[skip]}); the post has its own`)
    return
  }
  try {
    const answer = readTldr(await client.complete(tldrRequest(request, language)), language)
    if ('reason' in answer)
      log.warning(`Model TL;DR for ${request.day}: ${REASONS[answer.reason]}; the post has its own`)
    else {
      outcome.tldrs.set(request.day, answer.tldr)
      log.info(`Model TL;DR for ${request.day}: written`)
    }
  } catch (error) {
    if (!(error instanceof ModelCallError)) throw error
    log.warning(`Model TL;DR for ${request.day}: ${error.message}`)
    outcome.problems.push(error.message)
  }
}

function describe(batch: Batch): string {
  return `${plural(batch.papers.length, 'paper')} (~${batch.inputTokens} tokens)`
}
