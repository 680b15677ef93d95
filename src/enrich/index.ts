// The optional model layer. Importing it loads no model client: createOpenAiClient imports openai on first use.
export { enrichPapers, type EnrichDeps, type EnrichOptions, type EnrichResult } from './enrich.js'
export { PROMPT_VERSION } from './prompt.js'
export { describeMissing, REASONS, type EnrichedPaper, type Reason, type SummaryStats } from './reasons.js'
