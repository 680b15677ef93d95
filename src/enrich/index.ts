// The optional model layer: what the pipeline imports of it.
export { enrichPapers, type EnrichDeps, type EnrichOptions, type EnrichResult } from './enrich.js'
export { PROMPT_VERSION } from './prompt.js'
export { describeMissing, REASONS, type EnrichedPaper, type Reason, type SummaryStats } from './reasons.js'
