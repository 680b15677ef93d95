// The optional model layer: what the pipeline imports of it.
export {
  openSummaries,
  type EnrichDeps,
  type EnrichOptions,
  type EnrichResult,
  type ListedPapers,
} from './enrich.js'
export type { CachePeriod } from './cache.js'
export { REASONS, type EnrichedPaper, type Reason, type SummaryStats } from './reasons.js'
