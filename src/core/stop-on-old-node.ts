import { nodeVersionProblem } from './node-version.js'

/** Imported first by both entries, before any other module of the bundle. */
const problem = nodeVersionProblem(process.version)
if (problem !== undefined) {
  process.stderr.write(`hf-daily-papers: ${problem}\n`)
  process.exit(1)
}
