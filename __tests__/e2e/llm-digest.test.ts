import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import { runAction, type ActionRun } from '../support/run-action.js'

/**
 * The digest style with model summaries, through the bundled action (dist/index.js; `npm run bundle`
 * first), on a blog's workspace: a first run asks for its own 30-paper day only (two batches and the
 * TL;DR) though earlier days are listed, a re-run asks nothing; the TL;DR is the model's, labelled, as
 * plain text; summaries swapped between papers are caught and neither shown nor kept.
 */
const DAY = '2025-11-04'
const EARLIER = '2025-11-03'
const POST = `_posts/${DAY}-daily-papers.md`
const CACHE = `.hf-daily-papers/summaries/${DAY}.json`

let hf: HfServer
let llm: LlmServer
beforeAll(async () => {
  const day = async (name: string) =>
    [
      name,
      JSON.parse(await readFile(resolve(process.cwd(), `__tests__/fixtures/hf/daily/${name}.json`), 'utf8')),
    ] as [string, unknown[]]
  hf = await startHfServer({ days: new Map([await day(DAY), await day(EARLIER)]) })
  llm = await startLlmServer()
})
afterAll(async () => {
  await Promise.all([hf?.close(), llm?.close()])
})
beforeEach(() => {
  llm.requests.length = 0
})

async function run(workspace?: string): Promise<ActionRun & { post: string; cache: string }> {
  const done = await runAction({
    inputs: {
      date: DAY,
      language: 'ko',
      mode: 'files',
      filename: '{date}-daily-papers.md',
      fields: 'llm-summary, hf-link, abstract',
      'hf-api-url': hf.url,
      'llm-api-url': llm.url,
      'llm-token': 'sk-test',
    },
    workspace: workspace ?? (await mkdtemp(join(tmpdir(), 'workspace-'))),
  })
  const read = (path: string) => readFile(join(done.workspace, path), 'utf8').catch(() => '')
  return { ...done, post: await read(POST), cache: await read(CACHE) }
}

const tldrLine = (post: string) => post.split('\n').find((line) => line.startsWith('> **한눈에 보기')) ?? ''

describe('the digest style with model summaries', () => {
  it('asks on a first run for its own day only, in three requests, then nothing on a re-run', async () => {
    const first = await run()
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(llm.requests.map((request) => [request.tldr, request.language])).toEqual([
      [false, 'ko'],
      [false, 'ko'],
      [true, 'ko'],
    ])
    // Its own day's 30 papers, none of the earlier day's 23.
    expect(llm.requests.flatMap((request) => request.paperIds)).toHaveLength(30)
    expect(tldrLine(first.post)).toMatch(/^> \*\*한눈에 보기 \(모델 작성\)\*\* — 오늘의 논문들은 .+\.$/)
    // The top five papers in full, each with its summary.
    expect(first.post.match(/^\*요약:\* 이 논문은 /gm)).toHaveLength(5)
    expect(Object.keys((JSON.parse(first.cache) as { summaries: object }).summaries)).toContain(`tldr ${DAY}`)

    llm.requests.length = 0
    const again = await run(first.workspace)
    expect(again.exitCode).toBe(0)
    expect(llm.requests).toEqual([])
    expect(again.post).toBe(first.post)
  })

  it("shows a hostile TL;DR as the model's plain text, and the made-up one when it is not Korean", async () => {
    llm.inject('good', 2)
    llm.inject('hostile')
    const hostile = tldrLine((await run()).post)
    expect(hostile).toMatch(/^> \*\*한눈에 보기 \(모델 작성\)\*\* — .*오늘의 논문들은/)
    // Kept as text: braces as entities, markup and link syntax escaped for kramdown.
    expect(hostile).not.toMatch(/\{\{|\{%|(?<!\\)<script|(?<!\\)<img|\]\(javascript:/)
    expect(hostile).toContain('&#123;&#123; site.github.token }}')

    llm.inject('good', 2)
    llm.inject('english')
    const english = await run()
    expect(tldrLine(english.post)).toMatch(/^> \*\*한눈에 보기\*\* — /)
    expect(english.stdout).toContain("Model TL;DR for 2025-11-04: the answer was not in the post's language")
  })

  it('catches summaries swapped between papers: none shown, none kept, and says why', async () => {
    llm.inject('swapped', 2)
    const swapped = await run()
    expect(swapped.exitCode).toBe(0)
    expect(swapped.post).not.toMatch(/^\*요약:\*/m)
    expect(Object.keys((JSON.parse(swapped.cache) as { summaries: object }).summaries)).toEqual([
      `tldr ${DAY}`,
    ])
    expect(swapped.stdout).toContain('30 the summary was about another paper of the request')
  })
})
