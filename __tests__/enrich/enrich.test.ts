import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { SUMMARY_CACHE } from '../../src/enrich/cache.js'
import { parseStateFile, renderStateFile } from '../../src/core/state-file.js'
import { PROMPT_VERSION } from '../../src/enrich/prompt.js'
import { HOSTILE_TEXTS } from '../support/llm-answers.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import {
  cacheJson,
  createRepository,
  DAY_FILE,
  enrichOn,
  fixtureDay,
  LLM_TOKEN,
  MODEL,
  sentBody,
} from './harness.js'

let llm: LlmServer
beforeEach(async () => {
  llm = await startLlmServer({ basePath: '/inference' })
})
afterEach(() => llm.close())

const day = fixtureDay()
const ids = day.map((paper) => paper.id)
const HANGUL = /[\uac00-\ud7a3]/

describe('a day of 30 papers', () => {
  it('gets one Korean summary and title per paper in at most 2 requests', async () => {
    const run = await enrichOn(llm, day)
    expect(llm.requests.length).toBeLessThanOrEqual(2)
    expect(run.stats).toMatchObject({ papers: 30, fromModel: 30, requests: llm.requests.length, missing: {} })
    for (const id of ids) {
      const paper = run.byId.get(id)!
      expect(paper.origin).toBe('model')
      expect(paper.reason).toBeUndefined()
      expect(paper.summary).toMatch(HANGUL)
      expect(paper.title).toMatch(HANGUL)
    }
    // Each paper was asked about exactly once.
    expect(llm.requests.flatMap((request) => request.paperIds).sort()).toEqual([...ids].sort())
    expect(run.log.warnings).toEqual([])
  })

  it('asks chat-completions for strict JSON, grounded on the title and abstract only', async () => {
    await enrichOn(llm, day.slice(0, 2))
    const [request] = llm.requests
    expect(request).toMatchObject({ method: 'POST', path: '/inference/chat/completions' })
    expect(request!.authorization).toBe(`Bearer ${LLM_TOKEN}`)
    const body = sentBody(llm, 0)
    expect(body.model).toBe(MODEL)
    expect(body.max_tokens).toBe(4000)
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } })
    expect(body.response_format.json_schema.schema.properties.summaries.items.required).toEqual([
      'id',
      'summary',
      'title',
    ])
    const [system, user] = body.messages
    expect(body.messages.map((message) => message.role)).toEqual(['system', 'user'])
    expect(system!.content).toContain('Korean')
    const { papers } = JSON.parse(user!.content) as { papers: Array<{ id: string }> }
    expect(Object.keys(papers[0]!)).toEqual(['id', 'title', 'abstract'])
    expect(papers.map((paper) => paper.id)).toEqual(ids.slice(0, 2))
  })

  it('in English gets summaries without titles, also in at most 2 requests', async () => {
    const run = await enrichOn(llm, day, { language: 'en' })
    expect(llm.requests.length).toBeLessThanOrEqual(2)
    const { schema } = sentBody(llm, 0).response_format.json_schema
    expect(schema.properties.summaries.items.required).toEqual(['id', 'summary'])
    for (const id of ids) {
      expect(run.byId.get(id)).toEqual({
        summary: expect.stringMatching(/^This paper presents /),
        origin: 'model',
      })
    }
  })

  it('asks once for a paper listed twice', async () => {
    const run = await enrichOn(llm, [...day.slice(0, 3), day[0]!])
    expect(llm.requests.flatMap((request) => request.paperIds)).toEqual(ids.slice(0, 3))
    expect(run.byId.size).toBe(3)
  })

  it('does not ask about a paper without an abstract, and falls back to its ai_summary', async () => {
    const bare = { ...day[0]!, summary: ' \n ' }
    const run = await enrichOn(llm, [bare, day[1]!])
    expect(llm.requests.flatMap((request) => request.paperIds)).toEqual([ids[1]])
    expect(run.byId.get(bare.id)).toMatchObject({ origin: 'hf-ai-summary', reason: 'no-abstract' })
  })
})

describe('the cache kept in the repository', () => {
  it('makes a re-run ask nothing and write nothing, and its files are stable bytes', async () => {
    const repository = createRepository()
    const first = await enrichOn(llm, day, {}, { readFile: repository.readFile })
    // One file for the day the papers are listed on, whatever their arXiv months (2510 and 2511).
    expect(new Set(ids.map((id) => id.slice(0, 4)))).toEqual(new Set(['2510', '2511']))
    expect(first.cacheFiles.map((file) => file.path)).toEqual([DAY_FILE])
    repository.commit(first)
    const requestsBefore = llm.requests.length

    const again = await enrichOn(llm, day, {}, { readFile: repository.readFile })
    expect(llm.requests.length).toBe(requestsBefore)
    expect(again.stats).toMatchObject({ requests: 0, fromCache: 30, fromModel: 0 })
    expect(again.cacheFiles).toEqual([])
    for (const id of ids) {
      const { origin, ...text } = again.byId.get(id)!
      expect(origin).toBe('cache')
      const { origin: firstOrigin, ...firstText } = first.byId.get(id)!
      expect(firstOrigin).toBe('model')
      expect(text).toEqual(firstText)
    }
    for (const file of first.cacheFiles) {
      expect(renderStateFile(SUMMARY_CACHE, parseStateFile(SUMMARY_CACHE, file.content).entries)).toBe(
        file.content,
      )
    }
  })

  it('asks only about a late paper, keeping the summaries already there', async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day.slice(1), {}, { readFile: repository.readFile }))
    const before = llm.requests.length
    const later = await enrichOn(llm, day, {}, { readFile: repository.readFile })
    expect(llm.requests.slice(before).map((request) => request.paperIds)).toEqual([[ids[0]]])
    expect(later.cacheFiles).toHaveLength(1)
    const entries = parseStateFile(SUMMARY_CACHE, later.cacheFiles[0]!.content).entries
    expect([...entries.keys()]).toEqual([...ids].sort())
  })

  it('keys summaries by model, language and prompt version', async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day.slice(0, 3), {}, { readFile: repository.readFile }))
    const afterFirst = llm.requests.length
    repository.commit(
      await enrichOn(llm, day.slice(0, 3), { model: 'other/model' }, { readFile: repository.readFile }),
    )
    repository.commit(
      await enrichOn(llm, day.slice(0, 3), { language: 'en' }, { readFile: repository.readFile }),
    )
    expect(llm.requests.length).toBe(afterFirst + 2)
    const file = [...repository.files.values()][0]!
    expect(Object.keys(cacheJson(file).summaries[ids[0]!]!).sort()).toEqual([
      `v${PROMPT_VERSION} en ${MODEL}`,
      `v${PROMPT_VERSION} ko ${MODEL}`,
      `v${PROMPT_VERSION} ko other/model`,
    ])
  })

  it('asks again for the paper of one entry edited wrongly, and keeps the file up to date', async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day, {}, { readFile: repository.readFile }))
    const path = DAY_FILE
    repository.files.set(path, repository.files.get(path)!.replace('"summary"', '"summary": 42, "x"'))
    const before = llm.requests.length

    const run = await enrichOn(llm, day, {}, { readFile: repository.readFile })
    expect(run.log.warnings.join('\n')).toContain(`${path} has 1 entry`)
    expect(llm.requests.slice(before).flatMap((request) => request.paperIds)).toHaveLength(1)
    // One entry a person broke does not freeze the file: it gets the new summary, every other entry kept.
    expect(run.cacheFiles.map((file) => file.path)).toEqual([path])
    const summaries = cacheJson(run.cacheFiles[0]!.content).summaries
    expect(Object.keys(summaries)).toHaveLength(ids.length)
    expect(JSON.stringify(summaries)).not.toContain('"summary": 42')
  })

  it('says so when it asks again for a cached summary that is not in the post language', async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day, {}, { readFile: repository.readFile }))
    const file = JSON.parse(repository.files.get(DAY_FILE)!) as {
      summaries: Record<string, Record<string, { summary: string }>>
    }
    const [id] = Object.keys(file.summaries)
    for (const variant of Object.values(file.summaries[id!]!))
      variant.summary = 'An English correction by hand.'
    repository.files.set(DAY_FILE, JSON.stringify(file))

    const run = await enrichOn(llm, day, {}, { readFile: repository.readFile })
    expect(run.log.warnings).toContain(
      `Model summaries: the cached summary of ${id} in .hf-daily-papers/summaries is not in the post's language (ko), kept by an earlier build or edited by hand: asked for again, and an answer that passes replaces it; a correction written in ko is kept`,
    )
  })

  it.each([['not JSON', (text: string) => text.slice(0, -3), 'is not valid JSON', 0]])(
    'reads what it can of a file that is %s, warns, and leaves the file alone',
    async (_, edit, problem, lost) => {
      const repository = createRepository()
      repository.commit(await enrichOn(llm, day, {}, { readFile: repository.readFile }))
      const path = DAY_FILE
      repository.files.set(path, edit(repository.files.get(path)!))
      const before = llm.requests.length

      const run = await enrichOn(llm, day, {}, { readFile: repository.readFile })
      expect(run.log.warnings.join('\n')).toContain(`${path} ${problem}`)
      expect(run.cacheFiles).toEqual([])
      const asked = llm.requests.slice(before).flatMap((request) => request.paperIds)
      expect(asked).toHaveLength(lost === 0 ? ids.length : 1)
      expect(run.stats.fromModel + run.stats.fromCache).toBe(30)
    },
  )

  it('uses an English entry that holds a stray title, which an English post does not show', async () => {
    const repository = createRepository()
    const english = { language: 'en' }
    repository.commit(await enrichOn(llm, day.slice(0, 2), english, { readFile: repository.readFile }))
    const text = repository.files.get(DAY_FILE)!
    repository.files.set(DAY_FILE, text.replace('"summary":', '"title": "한국어 제목", "summary":'))
    expect(repository.files.get(DAY_FILE)).toContain('한국어 제목')
    const before = llm.requests.length
    const run = await enrichOn(llm, day.slice(0, 2), english, { readFile: repository.readFile })
    expect(llm.requests.length).toBe(before)
    expect([...run.byId.values()].map((paper) => paper.origin)).toEqual(['cache', 'cache'])
  })

  it("keeps a person's correction that removed a Korean entry's title, and asks nothing", async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day.slice(0, 2), {}, { readFile: repository.readFile }))
    const file = cacheJson(repository.files.get(DAY_FILE)!)
    const [variant] = Object.values(file.summaries[day[0]!.id]!) as Array<{ summary: string; title?: string }>
    delete variant!.title
    variant!.summary = `고친 요약: ${variant!.summary}`
    repository.files.set(DAY_FILE, JSON.stringify(file))
    const before = llm.requests.length
    const run = await enrichOn(llm, day.slice(0, 2), {}, { readFile: repository.readFile })
    expect(llm.requests.length).toBe(before)
    expect([...run.byId.values()].map((paper) => paper.origin)).toEqual(['cache', 'cache'])
    expect([...run.byId.values()].some((paper) => paper.summary?.startsWith('고친 요약: '))).toBe(true)
    expect(run.cacheFiles).toEqual([])
  })

  it("keeps a person's Korean correction that is mostly English terms, and asks nothing", async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day.slice(0, 2), {}, { readFile: repository.readFile }))
    const file = cacheJson(repository.files.get(DAY_FILE)!)
    const [variant] = Object.values(file.summaries[day[0]!.id]!) as Array<{ summary: string }>
    variant!.summary =
      'ThinkMorph는 multimodal interleaved chain-of-thought reasoning으로 visual manipulation tasks에서 strong generalization을 보임'
    repository.files.set(DAY_FILE, JSON.stringify(file))
    const before = llm.requests.length
    const run = await enrichOn(llm, day.slice(0, 2), {}, { readFile: repository.readFile })
    expect(llm.requests.length).toBe(before)
    expect(run.byId.get(day[0]!.id)?.summary).toBe(variant!.summary)
  })

  it('uses cached summaries even when no token may be sent', async () => {
    const repository = createRepository()
    repository.commit(await enrichOn(llm, day.slice(0, 2), {}, { readFile: repository.readFile }))
    const before = llm.requests.length
    const run = await enrichOn(
      llm,
      day.slice(0, 3),
      { llmToken: undefined },
      { readFile: repository.readFile },
    )
    expect(llm.requests.length).toBe(before)
    expect([...run.byId.values()].map((paper) => paper.origin)).toEqual(['cache', 'cache', 'hf-ai-summary'])
    expect(run.byId.get(ids[2]!)!.reason).toBe('no-token')
  })
})

describe('a hostile model', () => {
  it('gives plain one-line text, capped, without hidden characters', async () => {
    llm.inject('hostile')
    // In English: a Korean post drops these texts as not Korean (below) before they are cleaned.
    const run = await enrichOn(llm, day.slice(0, HOSTILE_TEXTS.length + 1), { language: 'en' })
    const texts = [...run.byId.values()].map((paper) => paper.summary!)
    for (const text of texts) {
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069]/)
      expect(text).not.toMatch(/[\u{e0000}-\u{e007f}]/u)
      expect(text.length).toBeLessThanOrEqual(600)
    }
    const huge = run.byId.get(ids[HOSTILE_TEXTS.length]!)!
    expect(Array.from(huge.summary!)).toHaveLength(600)
    // Markup stays as text for the digest to escape; only line structure and hidden characters go.
    expect(run.byId.get(ids[0]!)!.summary).toBe(HOSTILE_TEXTS[0])
    expect(run.byId.get(ids[5]!)!.summary).toBe('safeeviltext withzerowidthbell[31m and tags')
    expect(run.byId.get(ids[6]!)!.summary).toBe(
      '::warning::injected ::set-output name=x::y # heading | a | b | $$x$$',
    )
  })

  it('keeps what a hostile model writes in the post language as plain text, and drops what it does not', async () => {
    llm.inject('hostile')
    const run = await enrichOn(llm, day.slice(0, HOSTILE_TEXTS.length + 1))
    expect(run.byId.get(ids[0]!)!.summary).toMatch(/^\{\{ site\.github\.token \}\} .+ 이 논문은 /)
    expect(run.stats.fromModel).toBe(HOSTILE_TEXTS.length)
    // The 100 KB answer, cut to its first 600 characters, holds no Korean.
    expect(run.stats.missing['wrong-language']).toBe(1)
  })

  it('is cached as cleaned text', async () => {
    llm.inject('hostile')
    const run = await enrichOn(llm, day.slice(0, HOSTILE_TEXTS.length + 1), { language: 'en' })
    const cached = run.cacheFiles.map((file) => file.content).join('')
    expect(cached).not.toMatch(/\\u202e|\\n::|\\u0007/i)
    expect(cached.length).toBeLessThan(20_000)
  })

  it('cannot answer for papers it was not asked about', async () => {
    llm.inject('unknown-ids')
    const run = await enrichOn(llm, day.slice(0, 3))
    expect([...run.byId.keys()]).toEqual(ids.slice(0, 3))
    expect(run.stats.fromModel).toBe(3)
    const cached = run.cacheFiles.flatMap((file) => Object.keys(cacheJson(file.content).summaries))
    expect(cached.sort()).toEqual(ids.slice(0, 3).sort())
  })
})
