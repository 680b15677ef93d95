import { describe, expect, it } from '@jest/globals'
import type { Publisher } from '../src/core/changes.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { parseDailyPapers } from '../src/source/paper.js'
import { cacheJson } from './enrich/harness.js'
import { DAYS, dayLater, repository, runWithModel, source, useLlmServer } from './support/model-pipeline.js'

/**
 * The model asked only for the posts a run writes (issue 23): a blog's first run for its own day, a
 * refresh for the earlier posts it rewrites, no TL;DR for a period, and none past llm-max-calls.
 */
const llm = useLlmServer()
const run = (raw: RawInputs, publisher: Publisher, from = source) => runWithModel(llm(), raw, publisher, from)

describe('the model asked only for the posts that are written', () => {
  /** A 30-paper day in the digest style, with 2025-11-03 among the refresh days. */
  const digestDay = { date: '2025-11-04', style: 'digest', fields: 'llm-summary, hf-link' }
  const summaryRequests = () => llm().requests.filter((request) => !request.tldr)

  it("asks on a blog's first run for its own day only: two batches and the TL;DR, then nothing on a re-run", async () => {
    const repo = repository()
    const { result } = await run(digestDay, repo.publisher)
    const own = new Set(parseDailyPapers(DAYS['2025-11-04']!, '2025-11-04').papers.map((paper) => paper.id))
    expect(llm().requests.map((request) => request.tldr)).toEqual([false, false, true])
    expect(
      summaryRequests()
        .flatMap((request) => request.paperIds)
        .every((id) => own.has(id)),
    ).toBe(true)
    expect(llm().requests.every((request) => request.language === 'ko')).toBe(true)
    const post = repo.files.get('_posts/2025-11-04-daily-papers-2025-11-04.md') ?? ''
    expect(post).toMatch(/^> \*\*한눈에 보기 \(모델 작성\)\*\* — 오늘의 논문들은 .+\.$/m)
    expect(result.summaries).toMatchObject({ papers: 30, fromModel: 30, requests: 3 })

    llm().requests.length = 0
    const again = await run(digestDay, repo.publisher)
    expect(llm().requests).toEqual([])
    expect(again.result.skipped).toBeDefined()
  })

  it('asks for an earlier day when the refresh rewrites its post, for its new paper only', async () => {
    const repo = repository()
    await run({ ...digestDay, date: '2025-11-03' }, repo.publisher)
    llm().requests.length = 0
    // The next day: 2025-11-03's post is recorded and gained a paper, so it is rewritten.
    await run(digestDay, repo.publisher, dayLater)
    const earlier = summaryRequests().flatMap((request) => request.paperIds)
    const added = parseDailyPapers([DAYS['2025-11-04']![0]], '2025-11-04').papers[0]!.id
    const listedBefore = parseDailyPapers(DAYS['2025-11-03']!, '2025-11-03').papers.map((paper) => paper.id)
    expect(earlier).toContain(added)
    expect(earlier.filter((id) => listedBefore.includes(id))).toEqual([])
    // One TL;DR, for the run's own day: the earlier post keeps the one it has.
    expect(llm().requests.filter((request) => request.tldr)).toHaveLength(1)
  })

  it("keeps a rewritten earlier post's model TL;DR after llm-model changed, asking only for its own day's", async () => {
    const repo = repository()
    await run({ ...digestDay, date: '2025-11-03' }, repo.publisher)
    const before = repo.files.get('_posts/2025-11-03-daily-papers-2025-11-03.md') ?? ''
    const tldr = /^> \*\*한눈에 보기 \(모델 작성\)\*\* — .+$/m.exec(before)?.[0]
    expect(tldr).toBeDefined()
    llm().requests.length = 0
    await run({ ...digestDay, 'llm-model': 'another/model' }, repo.publisher, dayLater)
    // The run's own day only; 2025-11-03's post is rewritten (it gained a paper) with the TL;DR it had.
    expect(llm().requests.filter((request) => request.tldr)).toHaveLength(1)
    const after = repo.files.get('_posts/2025-11-03-daily-papers-2025-11-03.md') ?? ''
    expect(after).not.toBe(before)
    expect(after).toContain(tldr)
  })

  it('asks no TL;DR for a weekly post, which sums up its period with its statistics', async () => {
    const repo = repository()
    await run({ ...digestDay, digest: 'weekly' }, repo.publisher)
    expect(summaryRequests().length).toBeGreaterThan(0)
    expect(llm().requests.filter((request) => request.tldr)).toEqual([])
  })

  it("keeps a weekly post's summaries in its week's file, which its re-run and its days read", async () => {
    const repo = repository()
    await run({ ...digestDay, digest: 'weekly' }, repo.publisher)
    const asked = summaryRequests().flatMap((request) => request.paperIds)
    const files = repo.received[0]?.files.filter((file) => file.path.includes('/summaries/')) ?? []
    // No day's file: the pull request of a day of the week changes those.
    expect(files.map((file) => file.path)).toEqual(['.hf-daily-papers/summaries/2025-W45.json'])
    expect(Object.keys(cacheJson(files[0]!.content).summaries).sort()).toEqual([...new Set(asked)].sort())

    llm().requests.length = 0
    await run({ ...digestDay, digest: 'weekly' }, repo.publisher)
    expect(llm().requests).toEqual([])
    // A day of the week asks for none of the papers the week's file keeps.
    await run(digestDay, repo.publisher)
    const askedByDay = summaryRequests().flatMap((request) => request.paperIds)
    expect(askedByDay.length).toBeGreaterThan(0)
    expect(askedByDay.filter((id) => asked.includes(id))).toEqual([])
  })

  it('asks no TL;DR once llm-max-calls is spent on the summaries', async () => {
    const repo = repository()
    const { log } = await run({ ...digestDay, 'llm-max-calls': '2' }, repo.publisher)
    expect(llm().requests.map((request) => request.tldr)).toEqual([false, false])
    expect(log.lines).toContain(
      'Model TL;DR for 2025-11-04: not asked (llm-max-calls reached); the post has its own',
    )
    expect(repo.files.get('_posts/2025-11-04-daily-papers-2025-11-04.md')).toMatch(
      /^> \*\*한눈에 보기\*\* — /m,
    )
  })

  it('writes no model TL;DR when the answer fails its checks, and caches none', async () => {
    llm().inject('good', 2)
    llm().inject('english')
    const repo = repository()
    await run(digestDay, repo.publisher)
    const post = repo.files.get('_posts/2025-11-04-daily-papers-2025-11-04.md') ?? ''
    expect(post).toMatch(/^> \*\*한눈에 보기\*\* — /m)
    expect(post).not.toContain('모델 작성')
    const cache = repo.files.get('.hf-daily-papers/summaries/2025-11-04.json')
    expect(cache).toContain('"2511.')
    expect(cache).not.toContain('tldr 2025-11-04')
  })
})
