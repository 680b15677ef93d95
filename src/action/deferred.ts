// What the action needs once its first Hugging Face request is on its way: most of the bundle
// (@actions/core, the digest, the GitHub client). main.ts imports it while that request travels.
export * as core from '@actions/core'
export { runDigest } from '../pipeline/run.js'
export { createDispatch, createPublisher } from '../publish/index.js'
export { digestOutputs } from '../report/outputs.js'
export { summaryHtml } from '../report/summary.js'
