import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { REASONS, type Reason } from '../../src/enrich/index.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import type { LlmBehaviour } from '../support/llm-server.js'
import { SEED_DAY, SEED_POST as POST } from '../support/reference-day.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { GITHUB_TOKEN, LLM_TOKEN, startStandIns } from './llm-stand-ins.js'

/**
 * The model layer through the bundled action (dist/index.js; `npm run bundle` first), against local
 * stand-ins for Hugging Face, GitHub and an OpenAI-compatible host: Korean summaries committed with
 * their cache, a re-run that asks nothing, and every failure published with a fallback and explained.
 * No model field, and the bundled CLI: llm-edges.test.ts; which token reaches which host:
 * llm-tokens.test.ts; hostile answers: llm-hostile.test.ts.
 */
const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
const CACHE = '.hf-daily-papers/summaries/2025-12-24.json'
/** What the action wrote, for refresh-days: committed with the post. */
const RECORD = '.hf-daily-papers/posts/2025-12-24.json'
/** 28 papers, 8 with Hugging Face's own summary: two model requests, and a fallback for some papers only. */
const MIXED_DAY = '2025-11-18'
const MIXED_POST = `_posts/${MIXED_DAY}-daily-papers.md`

const mixedDay = JSON.parse(await readFile(join(FIXTURES, `${MIXED_DAY}.json`), 'utf8')) as Array<{
  paper: { id: string; ai_summary?: string }
}>
const { hf, llm, seedPost, summaryInputs } = startStandIns([[MIXED_DAY, mixedDay]])

/** The post's lines under its papers: 요약 (the model's), Hugging Face AI 요약 (the fallback), or none. */
function summaryLines(post: string): Array<'model' | 'hf' | 'none'> {
  return post
    .split(/\n(?=\d+\. \*\*)/)
    .slice(1)
    .map((item) =>
      /\n +- 요약: /.test(item) ? 'model' : /\n +- Hugging Face AI 요약: /.test(item) ? 'hf' : 'none',
    )
}

/** What a runner shows: the log without the line where the runner is told the secrets. */
const shownLog = (run: ActionRun) => run.stdout.replace(/^::add-mask::.*\n/gm, '')

describe('Korean summaries through the bundled action', () => {
  let github: GitHubServer
  beforeAll(async () => {
    github = await startGitHubServer({
      owner: 'lim4349',
      repo: 'lim4349.github.io',
      defaultBranch: 'master',
      tokens: { [GITHUB_TOKEN]: 'write' },
    })
  })
  afterAll(async () => {
    await github.close()
  })

  const inputs = summaryInputs

  it('shows one Korean summary per paper, committed with its cache in one commit', async () => {
    const run = await runAction({
      inputs: inputs(),
      env: github.runnerEnv,
      githubToken: GITHUB_TOKEN,
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(llm().requests.map((request) => request.path)).toEqual(['/inference/chat/completions'])

    const post = (await github.git.readFile('master', POST)) ?? ''
    const summaries = post.match(/^ {3}- 요약: .*$/gm) ?? []
    expect(summaries).toHaveLength(5)
    for (const line of summaries) expect(line).toMatch(/^ {3}- 요약: 이 논문은 「.+」을 다룬다\. [가-힣 .]+$/)
    // The seed post, plus one line per paper, right after its abstract.
    expect(post.replace(/\n {3}- 요약: .*$/gm, '')).toBe(seedPost())

    expect(await github.git.log('master')).toEqual([
      `Add Hugging Face Daily Papers for ${SEED_DAY}`,
      'Initial commit',
    ])
    const changed = await github.git.git(['show', '--name-only', '--format=', 'refs/heads/master'])
    expect(changed.trim().split('\n').sort()).toEqual([RECORD, CACHE, POST])
    const cache = JSON.parse((await github.git.readFile('master', CACHE)) ?? '{}') as {
      summaries: Record<string, Record<string, { summary: string }>>
    }
    expect(Object.keys(cache.summaries)).toHaveLength(5)

    expect(run.stdout).toContain('::group::Model summaries')
    expect(run.summary).toContain(
      `<h3>Model summaries</h3>\n<p>5 papers: 5 written by the model, 0 from the cache; 1 model request to <code>${llm().url}</code> (openai/gpt-4.1-mini).</p>`,
    )
    expect(shownLog(run)).not.toContain(LLM_TOKEN)
  })

  it('makes no model request and no commit when run again', async () => {
    github.requests.length = 0
    const run = await runAction({
      inputs: inputs(),
      env: github.runnerEnv,
      githubToken: GITHUB_TOKEN,
    })
    expect(run.exitCode).toBe(0)
    expect(llm().requests).toEqual([])
    // The branch with the refresh records, then the model cache; nothing is committed.
    expect(github.requests.map((request) => request.operation)).toEqual(['ReadBranch', 'ReadFiles'])
    expect(await github.git.log('master')).toHaveLength(2)
    expect(run.outputs).toMatchObject({ posts: '[]', 'commit-sha': '', skipped: 'true' })
    expect(run.summary).toContain('<p>5 papers: 0 written by the model, 5 from the cache; 0 model requests')
  })
})

describe('a blog with the arXiv-month summary files of 1.x', () => {
  it('keeps its summaries: they are read, never asked again, and the month files never written', async () => {
    // The day's summaries, as 1.x kept them: one file per paper's arXiv month.
    const done = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' } })
    const inputs = summaryInputs()
    let written: string | undefined
    try {
      expect((await runAction({ inputs, env: done.runnerEnv, githubToken: GITHUB_TOKEN })).exitCode).toBe(0)
      written = await done.git.readFile('main', CACHE)
    } finally {
      await done.close()
    }
    const byDay = JSON.parse(written ?? '') as { about: string; summaries: Record<string, unknown> }
    const months = Map.groupBy(Object.entries(byDay.summaries), ([id]) => id.slice(0, 4))
    const legacy = Object.fromEntries(
      [...months].map(([month, entries]) => [
        `.hf-daily-papers/summaries/${month}.json`,
        `${JSON.stringify({ about: byDay.about, summaries: Object.fromEntries(entries) }, null, 2)}\n`,
      ]),
    )
    const github = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' }, files: legacy })
    try {
      llm().requests.length = 0
      github.requests.length = 0
      const run = await runAction({ inputs, env: github.runnerEnv, githubToken: GITHUB_TOKEN })
      expect(run.exitCode).toBe(0)
      expect(llm().requests).toEqual([])
      expect(run.summary).toContain('<p>5 papers: 0 written by the model, 5 from the cache; 0 model requests')
      // The month files read with the days' in the one read of the model cache: no request more.
      expect(github.requests.map((request) => request.operation)).toEqual([
        'ReadBranch',
        'ReadFiles',
        'CreateCommitOnBranch',
      ])
      for (const [path, text] of Object.entries(legacy))
        expect(await github.git.readFile('main', path)).toBe(text)
      expect(await github.git.readFile('main', CACHE)).toBeUndefined()
      expect(await github.git.readFile('main', POST)).toContain('요약: 이 논문은')
    } finally {
      await github.close()
    }
  })
})

describe('every model failure through the bundled action', () => {
  const papersWithHfSummary = () =>
    new Set(mixedDay.filter((item) => item.paper.ai_summary).map((item) => item.paper.id))

  async function runFailing(behaviours: LlmBehaviour[], inputs: Record<string, string> = {}) {
    for (const behaviour of behaviours) llm().inject(behaviour)
    const workspace = await mkdtemp(join(tmpdir(), 'workspace-'))
    const run = await runAction({
      inputs: {
        date: MIXED_DAY,
        // Version 1's lines, one per field, which the checks read.
        style: 'classic',
        language: 'ko',
        mode: 'files',
        filename: '{date}-daily-papers.md',
        fields: 'hf-link, llm-summary',
        'hf-api-url': hf().url,
        'llm-api-url': llm().url,
        'llm-token': LLM_TOKEN,
        ...inputs,
      },
      workspace,
    })
    const post = await readFile(join(workspace, MIXED_POST), 'utf8')
    const cache = await readFile(
      join(workspace, `.hf-daily-papers/summaries/${MIXED_DAY}.json`),
      'utf8',
    ).then(
      (text) => Object.keys((JSON.parse(text) as { summaries: object }).summaries),
      (): string[] => [],
    )
    return { run, post, cache, lines: summaryLines(post) }
  }

  /**
   * The run succeeded and published all 28 papers; `modelCount` have the model's summary (and only they
   * are cached); every other paper shows Hugging Face's summary when it has one, or no line; the log
   * and the job summary say how many lack one and why.
   */
  function expectFallback(
    { run, post, cache, lines }: Awaited<ReturnType<typeof runFailing>>,
    reason: Reason,
    modelCount: number,
  ) {
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'post-path': MIXED_POST, papers: '28' })
    expect(lines).toHaveLength(28)
    expect(lines.filter((line) => line === 'model')).toHaveLength(modelCount)
    expect(cache).toHaveLength(modelCount)
    const ids = [...post.matchAll(/huggingface\.co\/papers\/([\d.]+)\)/g)].map((match) => match[1])
    const withHf = papersWithHfSummary()
    lines.forEach((line, index) => {
      const id = ids[index] as string
      if (cache.includes(id)) expect([id, line]).toEqual([id, 'model'])
      else expect([id, line]).toEqual([id, withHf.has(id) ? 'hf' : 'none'])
    })
    const sentence = new RegExp(
      `${28 - modelCount} of 28 papers have no model summary: [^\\n]*${escapeRegExp(REASONS[reason])}`,
    )
    expect(run.stdout).toMatch(new RegExp(`^::warning::Model summaries: ${sentence.source}`, 'm'))
    expect(run.summary).toMatch(new RegExp(`<p>⚠️ ${sentence.source}`))
  }

  it('gives up at once on a 429 asking for an hour, and says so', async () => {
    const result = await runFailing([
      { status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'Rate limit' } } },
    ])
    expect(llm().requests).toHaveLength(1)
    expectFallback(result, 'rate-limited', 0)
    expect(result.run.stdout).toContain('it asked to wait 3600 s, longer than the 60 s allowed')
  })

  it('honours a short retry-after and then succeeds', async () => {
    const result = await runFailing([{ status: 429, headers: { 'retry-after': '0' }, body: {} }])
    expect(llm().requests).toHaveLength(3)
    expect(result.lines.every((line) => line === 'model')).toBe(true)
    expect(result.run.stdout).not.toContain('::warning::')
  })

  it('falls back after 5xx on every retry', async () => {
    const error = { status: 503, headers: { 'retry-after': '0' }, body: 'Service Unavailable' }
    const result = await runFailing([error, error, error])
    expect(llm().requests).toHaveLength(3)
    expectFallback(result, 'server-error', 0)
  })

  it.each([
    ['invalid JSON', 'invalid-json', 'invalid-answer'],
    ['a refusal', 'refusal', 'refusal'],
    ['a cut-off answer, then a broken half', 'cut-off', 'invalid-answer'],
  ] as const)('keeps asking the next batch after %s', async (_, behaviour, reason) => {
    const result = await runFailing(behaviour === 'cut-off' ? ['cut-off', 'invalid-json'] : [behaviour])
    // A cut-off batch is asked again in halves: the second request is the one that failed.
    const failed = llm().requests[behaviour === 'cut-off' ? 1 : 0]?.paperIds.length ?? 0
    expect(failed).toBeGreaterThan(0)
    expectFallback(result, reason, 28 - failed)
  })

  it('falls back for the papers an answer leaves out, and ignores ids nobody asked about', async () => {
    const result = await runFailing(['missing', 'unknown-ids'])
    const firstBatch = llm().requests[0]?.paperIds.length ?? 0
    expectFallback(result, 'missing', 28 - Math.floor(firstBatch / 2))
    expect(result.cache).not.toContain('9999.99999')
  })

  it('falls back for empty summaries', async () => {
    const result = await runFailing(['empty'])
    expectFallback(result, 'empty', 28 - (llm().requests[0]?.paperIds.length ?? 0))
  })

  it('stops at llm-max-calls, leaving the rest to a later run', async () => {
    const result = await runFailing([], { 'llm-max-calls': '1' })
    expect(llm().requests).toHaveLength(1)
    expectFallback(result, 'max-calls', llm().requests[0]?.paperIds.length ?? 0)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
