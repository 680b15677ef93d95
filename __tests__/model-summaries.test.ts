import { describe, expect, it } from '@jest/globals'
import type { Publisher } from '../src/core/changes.js'
import { DigestError } from '../src/pipeline/errors.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { consecutiveDays } from './support/days.js'
import { repository, runWithModel, source, useLlmServer } from './support/model-pipeline.js'

/**
 * The model layer inside the pipeline (in-process, against the OpenAI-compatible stand-in): asked once
 * for every post of the run, cached in the same change set as the posts, and not there at all when no
 * field asks for it. The bundle's own tests are in e2e/llm*.test.ts.
 */
const llm = useLlmServer()
const run = (raw: RawInputs, publisher: Publisher, from = source) => runWithModel(llm(), raw, publisher, from)

/** A new post's policy: no record names it, so one already there would be left as it is. */
const NOT_RECORDED = { kind: 'held', why: 'not-recorded' }

describe('model summaries in the pipeline', () => {
  it('asks once for every post of a range, and commits the cache with the posts', async () => {
    const repo = repository()
    const { result, log } = await run({ date: '2024-01-01..2024-01-03' }, repo.publisher)

    // 5 + 8 papers of two days: one request, not one per day.
    expect(llm().requests).toHaveLength(1)
    expect(llm().requests[0]?.paperIds).toHaveLength(13)
    expect(log.lines).toContain('▶ Model summaries')
    expect(repo.received).toHaveLength(1)
    const files = repo.received[0]?.files ?? []
    expect(files.map((file) => [file.path, file.policy])).toEqual([
      ['_posts/2024-01-01-daily-papers-2024-01-01.md', NOT_RECORDED],
      ['_posts/2024-01-03-daily-papers-2024-01-03.md', NOT_RECORDED],
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
    llm().requests.length = 0
    repo.reads.length = 0

    const { result } = await run({ date: '2024-01-01..2024-01-03' }, repo.publisher)
    expect(llm().requests).toEqual([])
    // The model cache of each day with papers, of its week and month (a weekly or monthly run's), the
    // legacy arXiv-month files it may still have, and the record of what the action wrote for each day the
    // run and its refresh (the 7 days before) touch, and 1.x's record of their months; and the run's own
    // posts, which the model is not asked for if a person deleted or edited them.
    expect([...repo.reads].sort()).toEqual([
      ...[...consecutiveDays('2023-12-25', 10), '2023-12', '2024-01']
        .map((shard) => `.hf-daily-papers/posts/${shard}.json`)
        .sort(),
      '.hf-daily-papers/summaries/2024-01-01.json',
      '.hf-daily-papers/summaries/2024-01-03.json',
      '.hf-daily-papers/summaries/2024-01-month.json',
      '.hf-daily-papers/summaries/2024-W01.json',
      '.hf-daily-papers/summaries/2312.json',
      '.hf-daily-papers/summaries/2401.json',
      '_posts/2024-01-01-daily-papers-2024-01-01.md',
      '_posts/2024-01-03-daily-papers-2024-01-03.md',
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
    expect(llm().requests).toEqual([])
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
    expect(llm().requests).toHaveLength(1)
    expect(repo.received[0]?.files[0]?.content).toMatch(/^1\. \*\*.+\*\* \(.+ \(한국어 번역\)\) - 👍 \d+$/m)
  })

  it('asks nothing before an empty day fails the run', async () => {
    const run_ = run({ date: '2024-01-01..2024-01-02', 'empty-day': 'fail' }, repository().publisher)
    await expect(run_).rejects.toThrow(DigestError)
    expect(llm().requests).toEqual([])
  })

  it('publishes the posts with what it has when the model host fails, and says why', async () => {
    llm().inject(
      { status: 500, body: { error: { message: 'upstream exploded' } }, headers: { 'retry-after': '0' } },
      3,
    )
    const repo = repository()
    const { result, log } = await run({ date: '2025-11-04' }, repo.publisher)
    expect(llm().requests).toHaveLength(3)
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
