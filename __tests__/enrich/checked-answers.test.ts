import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { LANGUAGE_TAGS } from '../../src/core/languages.js'
import { openSummaries, type EnrichOptions } from '../../src/enrich/index.js'
import { summaryCharacters, tldrCharacters } from '../../src/enrich/language.js'
import { DATA_NOT_INSTRUCTIONS } from '../../src/enrich/prompt.js'
import { HOSTILE_TEXTS } from '../support/llm-answers.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import { createMemoryLog } from '../support/memory-log.js'
import { testClock } from '../support/test-clock.js'
import {
  createRepository,
  enrichOn,
  fixtureDay,
  GITHUB_TOKEN,
  LLM_TOKEN,
  MODEL,
  sentBody,
} from './harness.js'

/**
 * Answers checked before they are shown or kept: in the language asked for (named without ambiguity
 * in every request), each summary about its own paper, and the day's TL;DR asked once and cached.
 */
let llm: LlmServer
beforeEach(async () => {
  llm = await startLlmServer()
})
afterEach(async () => {
  await llm.close()
})

const day = fixtureDay()

describe('every language', () => {
  it.each(LANGUAGE_TAGS)(
    'is named in each request for %s, with its length limit, and its answers kept',
    async (tag) => {
      const run = await enrichOn(llm, day.slice(0, 4), { language: tag })
      expect(llm.requests.map((request) => request.language)).toEqual([tag])
      const system = sentBody(llm, 0).messages[0]!.content
      expect(system).toContain(`at most ${summaryCharacters(tag)} characters`)
      expect(system).toContain(DATA_NOT_INSTRUCTIONS)
      expect(run.stats).toMatchObject({ fromModel: 4, missing: {} })
    },
  )
})

describe('the model stand-in', () => {
  it.each([
    ['no language', 'Summarise these papers.'],
    ['two languages', `Write in ${'Korean (한국어)'} or in ${'Japanese (日本語)'}.`],
  ])('refuses a request whose instructions name %s', async (_, system) => {
    const answer = await fetch(`${llm.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'system', content: system }] }),
    })
    expect(answer.status).toBe(400)
  })
})

describe('answers that fail their checks', () => {
  it('are dropped, never cached, when summaries are swapped between papers', async () => {
    llm.inject('swapped', 2)
    const run = await enrichOn(llm, day, { language: 'en' })
    expect(llm.requests).toHaveLength(2)
    expect(run.stats.fromModel).toBe(0)
    expect(run.stats.missing.unbound).toBe(30)
    expect(run.cacheFiles).toEqual([])
    expect(run.stats.fromHuggingFace).toBe(30)
  })

  it('are dropped when swapped in a Korean answer too', async () => {
    llm.inject('swapped', 2)
    const run = await enrichOn(llm, day)
    expect(run.stats.fromModel).toBe(0)
    expect(run.cacheFiles).toEqual([])
  })

  it('are dropped when written in English for a Japanese post', async () => {
    llm.inject('english', 2)
    const run = await enrichOn(llm, day, { language: 'ja' })
    expect(run.stats.missing['wrong-language']).toBe(30)
    expect(run.cacheFiles).toEqual([])
  })
})

describe("a day's TL;DR", () => {
  const options = (language: string): EnrichOptions => ({
    apiUrl: llm.url,
    model: MODEL,
    language,
    llmToken: LLM_TOKEN,
    github: { token: GITHUB_TOKEN, apiUrl: 'https://api.github.com' },
    maxCalls: 10,
    userAgent: 'hf-daily-papers/test',
  })
  const complete = async (language: string, repository = createRepository()) => {
    const deps = { log: createMemoryLog(), clock: testClock(), readFile: repository.readFile }
    const store = await openSummaries(
      [{ day: '2025-11-04', papers: day }],
      ['2025-11-04'],
      undefined,
      options(language),
      deps,
    )
    const result = await store.complete({ own: [], refreshed: [] }, [{ day: '2025-11-04', papers: day }])
    repository.commit(result)
    return { result, repository, log: deps.log }
  }

  it('is asked once in the post language, kept with the papers of its day, and not asked again', async () => {
    const { result, repository } = await complete('zh-TW')
    expect(llm.requests).toHaveLength(1)
    expect(llm.requests[0]).toMatchObject({ language: 'zh-TW', tldr: true, paperIds: [] })
    const system = sentBody(llm, 0).messages[0]!.content
    expect(system).toContain('Traditional Chinese')
    expect(system).toContain(`at most ${tldrCharacters('zh-TW')} characters`)
    expect(system).toContain(DATA_NOT_INSTRUCTIONS)
    // The papers as JSON data: the leading 12 of the day, titles and the start of each abstract.
    const user = JSON.parse(sentBody(llm, 0).messages[1]!.content) as { papers: Array<{ title: string }> }
    expect(user.papers.map((paper) => paper.title)).toEqual(
      day.slice(0, 12).map((paper) => paper.title.replace(/\s+/g, ' ')),
    )
    expect(result.tldrs.get('2025-11-04')).toMatch(/^今天的論文有一個共同的主題/)
    expect(repository.files.get('.hf-daily-papers/summaries/2025-11-04.json')).toContain('"tldr 2025-11-04"')

    const again = await complete('zh-TW', repository)
    expect(llm.requests).toHaveLength(1)
    expect(again.result.tldrs.get('2025-11-04')).toBe(result.tldrs.get('2025-11-04'))
  })

  it('is plain one-line text, capped, from a hostile answer', async () => {
    llm.inject('hostile')
    const tldr = (await complete('en')).result.tldrs.get('2025-11-04') ?? ''
    expect(tldr).toContain(HOSTILE_TEXTS[0])
    expect(tldr).not.toMatch(/\n|\u202e/)
    expect(Array.from(tldr).length).toBeLessThanOrEqual(600)
  })

  it('is none when the answer is not in the post language, and the warning says so', async () => {
    llm.inject('english')
    const { result, repository, log } = await complete('ko')
    expect(result.tldrs.size).toBe(0)
    expect(repository.files.size).toBe(0)
    expect(log.warnings).toContain(
      "Model TL;DR for 2025-11-04: the answer was not in the post's language; the post has its own",
    )
  })
})
