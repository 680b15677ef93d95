/** The stand-ins the bundled action's model tests run against, started once for a test file. */
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import { readReferenceDay, REFERENCE_INPUTS, SEED_DAY, SEED_FIELDS } from '../support/reference-day.js'

export const LLM_TOKEN = 'sk-LlM-0123456789abcdef'
export const GITHUB_TOKEN = 'ghs_GiThUb0123456789abcdef'

/**
 * Before the file's tests: Hugging Face serving the reference day and `days`, and a model host on
 * GitHub Models' path, so that the path the client builds is checked too; each test starts with no
 * model request recorded. Gives the running stand-ins and the reference post.
 */
export function startStandIns(days: ReadonlyArray<[string, unknown[]]> = []) {
  let seedPost: string
  let hf: HfServer
  let llm: LlmServer
  beforeAll(async () => {
    const reference = await readReferenceDay()
    seedPost = reference.post
    hf = await startHfServer({ days: new Map([[SEED_DAY, reference.items], ...days]) })
    llm = await startLlmServer({ basePath: '/inference' })
  })
  afterAll(async () => {
    await Promise.all([hf?.close(), llm?.close()])
  })
  beforeEach(() => {
    llm.requests.length = 0
  })
  /** The Korean recipe with model summaries, against these stand-ins. */
  const summaryInputs = (): Record<string, string> => ({
    ...REFERENCE_INPUTS,
    fields: `${SEED_FIELDS}, llm-summary`,
    'hf-api-url': hf.url,
    'llm-api-url': llm.url,
    'llm-token': LLM_TOKEN,
  })
  return { hf: () => hf, llm: () => llm, seedPost: () => seedPost, summaryInputs }
}
