import { needsModel } from '../core/fields.js'
import { enrichPapers, type EnrichedPaper, type SummaryStats } from '../enrich/index.js'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { FileChange, Publisher } from '../core/changes.js'
import type { Settings } from '../settings/settings.js'
import type { Paper } from '../core/paper.js'
import { USER_AGENT } from '../core/version.js'

export interface ModelSummaries {
  byId: ReadonlyMap<string, EnrichedPaper>
  stats: SummaryStats
  /** The cache files that gained summaries: committed with the posts, written whatever `overwrite` says. */
  files: FileChange[]
}

/**
 * The model layer as the pipeline runs it: summaries for the papers of every post, asked for once, when
 * `fields` needs them. Undefined when it does not, and then the model is not asked.
 */
export async function modelSummaries(
  papers: readonly Paper[],
  settings: Settings,
  { publisher, log, clock }: { publisher: Publisher; log: Log; clock: Clock },
): Promise<ModelSummaries | undefined> {
  if (settings.fields.includes('llm-title') && settings.language === 'en') {
    log.warning(
      'fields lists llm-title, but language is en: an English post keeps the original titles, so llm-title shows nothing',
    )
  }
  if (!needsModel(settings.fields, settings.language) || papers.length === 0) return undefined
  return log.group('Model summaries', async () => {
    const { llm } = settings
    const result = await enrichPapers(
      papers,
      {
        apiUrl: llm.apiUrl,
        model: llm.model,
        language: settings.language,
        llmToken: llm.token,
        github: llm.github,
        maxCalls: llm.maxCalls,
        userAgent: USER_AGENT,
      },
      { log, clock, readFile: (path) => publisher.readText(path) },
    )
    return {
      byId: result.byId,
      stats: result.stats,
      files: result.cacheFiles,
    }
  })
}
