import { cacheJson } from './enrich/harness.js'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DigestError, runDigest } from '../src/pipeline/run.js'
import type { ChangeSet, Publisher } from '../src/core/changes.js'
import { recordChanges } from '../src/core/post-record.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { parseSettings } from '../src/settings/settings.js'
import { parseDailyPapers } from '../src/source/paper.js'
import type { PaperSource } from '../src/source/source.js'
import { startLlmServer, type LlmServer } from './support/llm-server.js'
import { createMemoryLog } from './support/memory-log.js'
import { consecutiveDays } from './support/days.js'
import { clockAt } from './support/test-clock.js'

/**
 * The model layer inside the pipeline (in-process, against the OpenAI-compatible stand-in): asked once
 * for every post of the run, cached in the same change set as the posts, and not there at all when no
 * field asks for it. The bundle's own tests are in e2e/llm*.test.ts.
 */
const LLM_TOKEN = 'sk-llm-0123456789'
const fixtures = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
const DAYS: Record<string, unknown[]> = Object.fromEntries(
  ['2024-01-01', '2024-01-03', '2025-11-03', '2025-11-04'].map((day) => [
    day,
    JSON.parse(readFileSync(resolve(fixtures, `${day}.json`), 'utf8')) as unknown[],
  ]),
)

const source: PaperSource = {
  fetchDay: (day) => Promise.resolve({ day, ...parseDailyPapers(DAYS[day] ?? [], day) }),
}
/** The source as it answers a day later: 2025-11-03 gained a paper (2025-11-04's first, listed again). */
const dayLater: PaperSource = {
  fetchDay: (day) => {
    const items = day === '2025-11-03' ? [...DAYS[day]!, DAYS['2025-11-04']![0]] : (DAYS[day] ?? [])
    return Promise.resolve({ day, ...parseDailyPapers(items, day) })
  },
}

/** A repository: what was published is what readText finds next time. */
function repository() {
  const files = new Map<string, string>()
  const received: ChangeSet[] = []
  const reads: string[] = []
  const publisher: Publisher = {
    readText: (path) => {
      reads.push(path)
      return Promise.resolve(files.get(path))
    },
    publish: (changes) => {
      received.push(changes)
      const written = changes.files.filter((file) => files.get(file.path) !== file.content)
      const kept = changes.files.filter((file) => !written.includes(file))
      for (const file of [...written, ...recordChanges(changes.record, written)])
        files.set(file.path, file.content)
      return Promise.resolve({
        written: written.map((file) => file.path),
        kept: kept.map((file) => ({ path: file.path, reason: 'unchanged' as const })),
      })
    },
  }
  return { files, received, reads, publisher }
}

let llm: LlmServer
beforeAll(async () => {
  llm = await startLlmServer()
})
afterAll(async () => {
  await llm.close()
})
beforeEach(() => {
  llm.requests.length = 0
})

async function run(raw: RawInputs, publisher: Publisher, from = source) {
  const settings = parseSettings(
    {
      mode: 'files',
      // The lines of version 1's layout, one per field, which the checks below read.
      style: 'classic',
      language: 'ko',
      fields: 'llm-summary, hf-link',
      'llm-api-url': llm.url,
      'llm-token': LLM_TOKEN,
      ...raw,
    },
    { clock: clockAt('2025-12-26T00:00:00Z'), workspace: '/unused' },
  )
  const log = createMemoryLog()
  const result = await runDigest(settings, {
    source: from,
    publisher,
    log,
    clock: clockAt('2025-12-26T00:00:00Z'),
  })
  return { result, log }
}

describe('model summaries in the pipeline', () => {
  it('asks once for every post of a range, and commits the cache with the posts', async () => {
    const repo = repository()
    const { result, log } = await run({ date: '2024-01-01..2024-01-03' }, repo.publisher)

    // 5 + 8 papers of two days: one request, not one per day.
    expect(llm.requests).toHaveLength(1)
    expect(llm.requests[0]?.paperIds).toHaveLength(13)
    expect(log.lines).toContain('▶ Model summaries')
    expect(repo.received).toHaveLength(1)
    const files = repo.received[0]?.files ?? []
    expect(files.map((file) => [file.path, file.policy])).toEqual([
      ['_posts/2024-01-01-daily-papers-2024-01-01.md', undefined],
      ['_posts/2024-01-03-daily-papers-2024-01-03.md', undefined],
      ['.hf-daily-papers/summaries/2024-01-01.json', expect.objectContaining({ kind: 'state' })],
      ['.hf-daily-papers/summaries/2024-01-03.json', expect.objectContaining({ kind: 'state' })],
    ])
    for (const post of files.slice(0, 2)) {
      expect(post.content.match(/^ {3}- 요약: 이 논문은 「.+」을 다룬다\./gm)).toHaveLength(
        post.path.includes('01-01') ? 5 : 8,
      )
    }
    expect(result.summaries).toMatchObject({ papers: 13, fromModel: 13, requests: 1, whyMissing: undefined })
  })

  it('asks nothing on a re-run and writes nothing new, reading the cache where the posts go', async () => {
    const repo = repository()
    await run({ date: '2024-01-01..2024-01-03' }, repo.publisher)
    const before = new Map(repo.files)
    llm.requests.length = 0
    repo.reads.length = 0

    const { result } = await run({ date: '2024-01-01..2024-01-03' }, repo.publisher)
    expect(llm.requests).toEqual([])
    // The model cache of each day with papers, the legacy arXiv-month files it may still have, and the
    // record of what the action wrote for each day the run and its refresh (the 7 days before) touch, and
    // 1.x's record of their months.
    expect([...repo.reads].sort()).toEqual([
      ...[...consecutiveDays('2023-12-25', 10), '2023-12', '2024-01']
        .map((shard) => `.hf-daily-papers/posts/${shard}.json`)
        .sort(),
      '.hf-daily-papers/summaries/2024-01-01.json',
      '.hf-daily-papers/summaries/2024-01-03.json',
      '.hf-daily-papers/summaries/2312.json',
      '.hf-daily-papers/summaries/2401.json',
    ])
    expect(repo.received[1]?.files.map((file) => file.path)).toEqual([
      '_posts/2024-01-01-daily-papers-2024-01-01.md',
      '_posts/2024-01-03-daily-papers-2024-01-03.md',
    ])
    expect(repo.files).toEqual(before)
    expect(result).toMatchObject({
      skipped: 'the 2 posts are unchanged',
      summaries: { fromCache: 13, requests: 0 },
    })
  })

  it('loads and asks nothing when no field needs the model, and reads no model cache', async () => {
    const repo = repository()
    const { result, log } = await run(
      { date: '2024-01-01', fields: 'abstract, llm-title', language: 'en' },
      repo.publisher,
    )
    expect(llm.requests).toEqual([])
    expect(repo.reads.filter((path) => path.includes('/summaries/'))).toEqual([])
    expect(log.lines).not.toContain('▶ Model summaries')
    expect(log.warnings).toEqual([
      'fields lists llm-title, but language is en: an English post keeps the original titles, so llm-title shows nothing',
    ])
    expect(result.summaries).toBeUndefined()
    expect(repo.received[0]?.files.map((file) => file.path)).toEqual([
      '_posts/2024-01-01-daily-papers-2024-01-01.md',
    ])
  })

  it('asks for titles alone when a Korean post lists llm-title', async () => {
    const repo = repository()
    await run({ date: '2024-01-01', fields: 'llm-title' }, repo.publisher)
    expect(llm.requests).toHaveLength(1)
    expect(repo.received[0]?.files[0]?.content).toMatch(/^1\. \*\*.+\*\* \(.+ \(한국어 번역\)\) - 👍 \d+$/m)
  })

  it('asks nothing before an empty day fails the run', async () => {
    const run_ = run({ date: '2024-01-01..2024-01-02', 'empty-day': 'fail' }, repository().publisher)
    await expect(run_).rejects.toThrow(DigestError)
    expect(llm.requests).toEqual([])
  })

  it('publishes the posts with what it has when the model host fails, and says why', async () => {
    llm.inject(
      { status: 500, body: { error: { message: 'upstream exploded' } }, headers: { 'retry-after': '0' } },
      3,
    )
    const repo = repository()
    const { result, log } = await run({ date: '2025-11-04' }, repo.publisher)
    expect(llm.requests).toHaveLength(3)
    const post = repo.received[0]?.files[0]?.content ?? ''
    // Every paper of that day has Hugging Face's own summary to fall back on.
    expect(post.match(/^ +- Hugging Face AI 요약: /gm)).toHaveLength(30)
    expect(post).not.toMatch(/^ +- 요약: /m)
    // Nothing failed is cached, so a later run fills the gaps.
    expect(repo.received[0]?.files.map((file) => file.path)).toEqual([
      '_posts/2025-11-04-daily-papers-2025-11-04.md',
    ])
    expect(log.warnings).toContain(
      "Model summaries: 30 of 30 papers have no model summary: 30 the model host failed (5xx); 30 show Hugging Face's AI summary instead.",
    )
    expect(result.summaries).toMatchObject({
      fromHuggingFace: 30,
      requests: 3,
      missing: { 'server-error': 30 },
    })
  })
})

describe('the model asked only for the posts that are written', () => {
  /** A 30-paper day in the digest style, with 2025-11-03 among the refresh days. */
  const digestDay = { date: '2025-11-04', style: 'digest', fields: 'llm-summary, hf-link' }
  const summaryRequests = () => llm.requests.filter((request) => !request.tldr)

  it("asks on a blog's first run for its own day only: two batches and the TL;DR, then nothing on a re-run", async () => {
    const repo = repository()
    const { result } = await run(digestDay, repo.publisher)
    const own = new Set(parseDailyPapers(DAYS['2025-11-04']!, '2025-11-04').papers.map((paper) => paper.id))
    expect(llm.requests.map((request) => request.tldr)).toEqual([false, false, true])
    expect(
      summaryRequests()
        .flatMap((request) => request.paperIds)
        .every((id) => own.has(id)),
    ).toBe(true)
    expect(llm.requests.every((request) => request.language === 'ko')).toBe(true)
    const post = repo.files.get('_posts/2025-11-04-daily-papers-2025-11-04.md') ?? ''
    expect(post).toMatch(/^> \*\*한눈에 보기 \(모델 작성\)\*\* — 오늘의 논문들은 .+\.$/m)
    expect(result.summaries).toMatchObject({ papers: 30, fromModel: 30, requests: 3 })

    llm.requests.length = 0
    const again = await run(digestDay, repo.publisher)
    expect(llm.requests).toEqual([])
    expect(again.result.skipped).toBeDefined()
  })

  it('asks for an earlier day when the refresh rewrites its post, for its new paper only', async () => {
    const repo = repository()
    await run({ ...digestDay, date: '2025-11-03' }, repo.publisher)
    llm.requests.length = 0
    // The next day: 2025-11-03's post is recorded and gained a paper, so it is rewritten.
    await run(digestDay, repo.publisher, dayLater)
    const earlier = summaryRequests().flatMap((request) => request.paperIds)
    const added = parseDailyPapers([DAYS['2025-11-04']![0]], '2025-11-04').papers[0]!.id
    const listedBefore = parseDailyPapers(DAYS['2025-11-03']!, '2025-11-03').papers.map((paper) => paper.id)
    expect(earlier).toContain(added)
    expect(earlier.filter((id) => listedBefore.includes(id))).toEqual([])
    // One TL;DR, for the run's own day: the earlier post keeps the one it has.
    expect(llm.requests.filter((request) => request.tldr)).toHaveLength(1)
  })

  it("keeps a rewritten earlier post's model TL;DR after llm-model changed, asking only for its own day's", async () => {
    const repo = repository()
    await run({ ...digestDay, date: '2025-11-03' }, repo.publisher)
    const before = repo.files.get('_posts/2025-11-03-daily-papers-2025-11-03.md') ?? ''
    const tldr = /^> \*\*한눈에 보기 \(모델 작성\)\*\* — .+$/m.exec(before)?.[0]
    expect(tldr).toBeDefined()
    llm.requests.length = 0
    await run({ ...digestDay, 'llm-model': 'another/model' }, repo.publisher, dayLater)
    // The run's own day only; 2025-11-03's post is rewritten (it gained a paper) with the TL;DR it had.
    expect(llm.requests.filter((request) => request.tldr)).toHaveLength(1)
    const after = repo.files.get('_posts/2025-11-03-daily-papers-2025-11-03.md') ?? ''
    expect(after).not.toBe(before)
    expect(after).toContain(tldr)
  })

  it('asks no TL;DR for a weekly post, which sums up its period with its statistics', async () => {
    const repo = repository()
    await run({ ...digestDay, digest: 'weekly' }, repo.publisher)
    expect(summaryRequests().length).toBeGreaterThan(0)
    expect(llm.requests.filter((request) => request.tldr)).toEqual([])
  })

  it("keeps a weekly post's summaries in the files of the days its papers were listed on", async () => {
    const repo = repository()
    await run({ ...digestDay, digest: 'weekly' }, repo.publisher)
    const listed = (day: string) => parseDailyPapers(DAYS[day]!, day).papers.map((paper) => paper.id)
    const asked = summaryRequests().flatMap((request) => request.paperIds)
    const files = repo.received[0]?.files.filter((file) => file.path.includes('/summaries/')) ?? []
    expect(files.map((file) => file.path)).toEqual([
      '.hf-daily-papers/summaries/2025-11-03.json',
      '.hf-daily-papers/summaries/2025-11-04.json',
    ])
    const kept = files.map((file) => Object.keys(cacheJson(file.content).summaries))
    for (const id of kept[0]!) expect(listed('2025-11-03')).toContain(id)
    for (const id of kept[1]!) expect(listed('2025-11-04')).toContain(id)
    expect(kept.flat().sort()).toEqual([...new Set(asked)].sort())
  })

  it('asks no TL;DR once llm-max-calls is spent on the summaries', async () => {
    const repo = repository()
    const { log } = await run({ ...digestDay, 'llm-max-calls': '2' }, repo.publisher)
    expect(llm.requests.map((request) => request.tldr)).toEqual([false, false])
    expect(log.lines).toContain(
      'Model TL;DR for 2025-11-04: not asked (llm-max-calls reached); the post has its own',
    )
    expect(repo.files.get('_posts/2025-11-04-daily-papers-2025-11-04.md')).toMatch(
      /^> \*\*한눈에 보기\*\* — /m,
    )
  })

  it('writes no model TL;DR when the answer fails its checks, and caches none', async () => {
    llm.inject('good', 2)
    llm.inject('english')
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
