import type { Dispatcher } from 'undici'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { Paper } from '../core/paper.js'
import { askModel, askTldr, nothingAsked, type AskOutcome } from './ask.js'
import type { FileChange } from '../core/file-change.js'
import { CACHE_DIR, loadCache, variantKey, type CachePeriod } from './cache.js'
import { languageFacts, titleFits, writtenIn } from './language.js'
import { tldrKey, type TldrRequest } from './tldr.js'
import { createModelClient } from './client.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, type Summary } from './plain-text.js'
import { wantsTitle } from './prompt.js'
import { describeMissing, type EnrichedPaper, type Reason, type SummaryStats } from './reasons.js'
import { chooseModelToken, type WorkflowToken } from './token.js'

export interface EnrichOptions {
  apiUrl: string
  model: string
  /** Titles are translated when it is not `en`. */
  language: string
  llmToken?: string
  /** Used only for GitHub Models, when llm-token is empty. */
  github: WorkflowToken
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
  byId: Map<string, EnrichedPaper>
  /**
   * As byId, but a paper another model summarised in the post's language keeps that summary where this one
   * answered for the run's own post: what earlier posts show, so that a new llm-model rewrites none of them.
   */
  earlierById: Map<string, EnrichedPaper>
  /** By day. */
  tldrs: Map<string, string>
  /** Of the papers asked for (those of the posts that are written). */
  stats: SummaryStats
  /** To go into the same ChangeSet as the posts. */
  cacheFiles: FileChange[]
}

/** Papers Hugging Face listed on one day (`YYYY-MM-DD`): a daily run keeps their summaries in its file. */
export interface ListedPapers {
  day: string
  papers: readonly Paper[]
}

/**
 * Nothing is asked of the model until `complete`. `period`: a weekly or monthly run's, whose summaries go
 * in its period's file; undefined for a daily run.
 */
export async function openSummaries(
  listed: readonly ListedPapers[],
  tldrDays: readonly string[],
  period: CachePeriod | undefined,
  options: EnrichOptions,
  deps: EnrichDeps,
) {
  const unique = [...new Map(listed.flatMap((day) => day.papers).map((paper) => [paper.id, paper])).values()]
  const variant = variantKey(options.model, options.language)
  const needsTitle = wantsTitle(options.language)
  const cache = await loadCache(
    [
      ...listed.flatMap(({ day, papers }) => papers.map((paper) => ({ key: paper.id, day }))),
      ...tldrDays.map((day) => ({ key: tldrKey(day), day })),
    ],
    period,
    deps.readFile,
    deps.log,
  )
  // An entry kept before answers were checked, or edited by hand, in another language is asked again.
  // A title is read only where the post shows one (a stray title in an English entry is not asked again);
  // an entry without one is a person's correction that removed it, kept as it is.
  // A correction in a script of its own may be mostly names, as a person writes it: a letter of the script
  // says which language it is in. A Latin-script one must still not read as English.
  const running = languageFacts(options.language).script === 'latin'
  const usable = (entry: Summary | undefined): entry is Summary =>
    entry !== undefined && writtenIn(entry.summary, options.language, running)
  const fits = (entry: Summary | undefined, paper: Paper): entry is Summary =>
    usable(entry) &&
    (!needsTitle || entry.title === undefined || titleFits(entry.title, paper.title, options.language))
  const byCache = new Map<string, EnrichedPaper>()
  /** Cached for this variant; the rest of byCache's summaries are another model's, or fallbacks. */
  const current = new Set<string>()
  /** Cached, but not in the post's language: told, as a person's edit may be among them. */
  const refused = new Set<string>()
  for (const paper of unique) {
    const entry = cache.get(paper.id, variant)
    if (fits(entry, paper)) {
      byCache.set(paper.id, { ...entry, origin: 'cache' })
      current.add(paper.id)
      continue
    }
    if (entry !== undefined) refused.add(paper.id)
    // After llm-model changed, what another model wrote in the post's language stands in.
    const other = cache.otherModels(paper.id, variant).find((summary) => fits(summary, paper))
    byCache.set(paper.id, other ? { ...other, origin: 'cache' } : fallback(paper, 'missing'))
  }
  const cachedTldrs = new Map<string, string>()
  // A post the refresh rewrites is not asked about for its TL;DR: after llm-model changed, it keeps the one
  // another model wrote in its language, as the model's TL;DR of a run's own day does if asking fails.
  const otherModelTldrs = new Map<string, string>()
  for (const day of tldrDays) {
    const entry = cache.get(tldrKey(day), variant)
    if (usable(entry)) cachedTldrs.set(day, entry.summary)
    const other = cache.otherModels(tldrKey(day), variant).find(usable)
    if (other !== undefined) otherModelTldrs.set(day, other.summary)
  }

  return {
    /** Every paper with its cached summary, else another model's in the post's language, else a fallback. */
    cached: { byId: byCache, tldrs: new Map([...otherModelTldrs, ...cachedTldrs]) },
    /**
     * Asks once for what the cache lacks; never throws for the model's sake (a failure is a stat). `own`:
     * the papers of the run's own posts; `refreshed`: of the earlier posts the refresh rewrites, which keep
     * a summary another model wrote in their language (after llm-model changed) rather than ask.
     */
    async complete(
      { own, refreshed }: { own: readonly Paper[]; refreshed: readonly Paper[] },
      tldrs: readonly TldrRequest[],
    ): Promise<EnrichResult> {
      const ownIds = new Set(own.map((paper) => paper.id))
      const wantedIds = new Set([...ownIds, ...refreshed.map((paper) => paper.id)])
      // A post the refresh rewrites keeps another model's summary; the run's own are asked of this one.
      const settled = (id: string) =>
        current.has(id) || (!ownIds.has(id) && byCache.get(id)?.origin === 'cache')
      const uncached = unique.filter((paper) => wantedIds.has(paper.id) && !settled(paper.id))
      const hasAbstract = (paper: Paper) => paper.summary.trim() !== ''
      const toAsk = uncached.filter(hasAbstract)
      const tldrsToAsk = tldrs.filter((request) => !cachedTldrs.has(request.day))
      const fromCache = [...wantedIds].filter(settled).length
      if (fromCache > 0) deps.log.info(`Model summaries: ${fromCache} from ${CACHE_DIR}`)
      const askedAgain = toAsk.filter((paper) => refused.has(paper.id)).map((paper) => paper.id)
      if (askedAgain.length > 0) deps.log.warning(askedAgainLine(askedAgain, options.language))
      const asked =
        toAsk.length + tldrsToAsk.length > 0 ? await ask(toAsk, tldrsToAsk, options, deps) : nothingAsked()
      for (const [id, summary] of asked.summaries) cache.add(id, variant, summary)
      for (const [day, tldr] of asked.tldrs) cache.add(tldrKey(day), variant, { summary: tldr })

      const byId = new Map(byCache)
      for (const paper of uncached) {
        const summary = asked.summaries.get(paper.id)
        const reason = asked.failed.get(paper.id) ?? (hasAbstract(paper) ? 'missing' : 'no-abstract')
        // Without an answer, another model's cached summary stays (byId starts as byCache).
        if (summary) byId.set(paper.id, { ...summary, origin: 'model' })
        else if (byCache.get(paper.id)?.origin !== 'cache') byId.set(paper.id, fallback(paper, reason))
      }
      const stats = collectStats(new Map([...byId].filter(([id]) => wantedIds.has(id))), asked)
      if (stats.whyMissing !== undefined) deps.log.warning(`Model summaries: ${stats.whyMissing}`)
      return {
        byId,
        earlierById: new Map(
          [...byId].map(([id, paper]) => {
            const standIn = byCache.get(id)
            return [id, paper.origin === 'model' && standIn?.origin === 'cache' ? standIn : paper]
          }),
        ),
        tldrs: new Map([...otherModelTldrs, ...cachedTldrs, ...asked.tldrs]),
        stats,
        cacheFiles: cache.changedFiles(),
      }
    },
  }
}

async function ask(
  papers: Paper[],
  tldrs: readonly TldrRequest[],
  options: EnrichOptions,
  { log, clock, dispatcher }: EnrichDeps,
): Promise<AskOutcome> {
  const outcome = nothingAsked()
  const token = chooseModelToken(options.apiUrl, options.llmToken, options.github)
  if (token.token === undefined) {
    const problem = `skipped: ${token.problem}`
    log.warning(`Model summaries: ${problem}`)
    for (const paper of papers) outcome.failed.set(paper.id, 'no-token')
    outcome.problems.push(problem)
    return outcome
  }
  const client = createModelClient({ ...options, token: token.token, clock, dispatcher })
  if (papers.length > 0) await askModel(papers, client, options.language, log, outcome)
  // After the summaries, which matter more: a run out of requests or time gets the made-up TL;DR.
  for (const request of tldrs) await askTldr(request, client, options.language, log, outcome)
  outcome.requests = client.requests
  return outcome
}

/** A person's correction may be among them: the summaries that replace them are not taken silently. */
function askedAgainLine(ids: readonly string[], language: string): string {
  const shown = `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`
  const [summaries, are, them] = ids.length === 1 ? ['summary', 'is', 'it'] : ['summaries', 'are', 'them']
  return `Model summaries: the cached ${summaries} of ${shown} in ${CACHE_DIR} ${are} not in the post's language (${language}), kept by an earlier build or edited by hand: asked for again, and an answer that passes replaces ${them}; a correction written in ${language} is kept`
}

function fallback(paper: Paper, reason: Reason): EnrichedPaper {
  const aiSummary = cleanModelText(paper.aiSummary ?? '', MAX_SUMMARY_LENGTH)
  return aiSummary === ''
    ? { origin: 'none', reason }
    : { summary: aiSummary, origin: 'hf-ai-summary', reason }
}

function collectStats(byId: ReadonlyMap<string, EnrichedPaper>, asked: AskOutcome): SummaryStats {
  const papers = [...byId.values()]
  const from = (origin: EnrichedPaper['origin']) => papers.filter((paper) => paper.origin === origin).length
  const missing: SummaryStats['missing'] = {}
  for (const { reason } of papers) if (reason !== undefined) missing[reason] = (missing[reason] ?? 0) + 1
  const stats = {
    papers: papers.length,
    fromModel: from('model'),
    fromCache: from('cache'),
    fromHuggingFace: from('hf-ai-summary'),
    requests: asked.requests,
    missing,
    problems: asked.problems,
  }
  return { ...stats, whyMissing: describeMissing(stats) }
}
