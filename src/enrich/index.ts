// The optional model layer. Importing it loads no model client: createOpenAiClient imports openai on first use.
export {
  DEFAULT_MAX_CALLS,
  enrichPapers,
  type EnrichDeps,
  type EnrichOptions,
  type EnrichResult,
} from './enrich.js'
export type { CacheFile } from './cache-store.js'
export { CACHE_DIR } from './cache.js'
export { PROMPT_VERSION } from './prompt.js'
export {
  describeMissing,
  REASONS,
  type EnrichedPaper,
  type EnrichStats,
  type Origin,
  type Reason,
  type SummaryStats,
} from './reasons.js'
export { chooseModelToken, isGitHubModels, GITHUB_MODELS_HOST } from './token.js'
