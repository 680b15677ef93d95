import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { renderStateFile } from '../../src/core/state-file.js'
import { SUMMARY_CACHE, variantKey } from '../../src/enrich/cache.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import { createRepository, DAY_FILE, enrichOn, fixtureDay } from './harness.js'

/**
 * After llm-model changed: a paper's summary another model wrote in the post's language stands in. The
 * run's own posts ask the new model, and show the other one's only when it fails; earlier posts keep it.
 */
let llm: LlmServer
beforeEach(async () => {
  llm = await startLlmServer()
})
afterEach(() => llm.close())

const papers = fixtureDay().slice(0, 3)
const [first] = papers
const OLD_SUMMARY = '예전 모델이 쓴 요약입니다. 이 논문은 새로운 방법을 제안하고 실험으로 보인다.'

/** A blog whose first paper was summarised in Korean by another model. */
function blogWithOtherModel() {
  const repo = createRepository()
  const entry = new Map([[variantKey('another/model', 'ko'), { summary: OLD_SUMMARY }]])
  repo.files.set(DAY_FILE, renderStateFile(SUMMARY_CACHE, new Map([[first!.id, entry]])))
  return repo
}

describe('summaries another model wrote', () => {
  it("ask the new model for the run's own post, and stay what earlier posts show", async () => {
    const repo = blogWithOtherModel()
    const run = await enrichOn(llm, papers, {}, { readFile: repo.readFile })
    expect(llm.requests.flatMap((request) => request.paperIds)).toContain(first!.id)
    expect(run.byId.get(first!.id)).toMatchObject({ origin: 'model' })
    expect(run.byId.get(first!.id)?.summary).not.toBe(OLD_SUMMARY)
    expect(run.earlierById.get(first!.id)).toEqual({ summary: OLD_SUMMARY, origin: 'cache' })
  })

  it("stand in for the run's own post when the new model fails", async () => {
    const repo = blogWithOtherModel()
    llm.inject({ status: 404, body: { error: { code: 'unknown_model', message: 'Unknown model' } } })
    const run = await enrichOn(llm, papers, {}, { readFile: repo.readFile })
    expect(run.byId.get(first!.id)).toEqual({ summary: OLD_SUMMARY, origin: 'cache' })
  })
})
