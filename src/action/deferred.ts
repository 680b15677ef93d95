// What the action needs once its first Hugging Face request is on its way: the digest, the GitHub
// client, the report. main.ts imports it while that request travels, after @actions/core.
// main.ts imports @actions/core itself and never reads `core` here: the re-export is for Rollup, which
// then keeps the code @actions/core shares with @actions/github (undici, tunnel) in dist/action/core.js
// instead of a third chunk (dist/action/shared.js) that both would load.
export * as core from '@actions/core'
export { runDigest } from '../pipeline/run.js'
export { createDispatch, createPublisher } from '../publish/index.js'
export { digestOutputs } from '../report/outputs.js'
export { summaryHtml } from '../report/summary.js'
