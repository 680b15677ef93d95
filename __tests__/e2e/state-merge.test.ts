import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { runAction } from '../support/run-action.js'
import { GITHUB_TOKEN, LLM_TOKEN, startStandIns } from './llm-stand-ins.js'

/**
 * State that merges, through the bundled action (dist/index.js; `npm run bundle` first): a run whose
 * branch moved before its commit merges the summary cache entry by entry, so that another run's
 * summaries and a person's correction or removal survive; and two pull requests of two days merge
 * one after the other without a conflict, in the stand-in's real git repository.
 */
const CACHE = '.hf-daily-papers/summaries/2025-12-24.json'

type Cache = { about: string; summaries: Record<string, Record<string, { summary: string }>> }

describe('a run whose branch moved before its commit', () => {
  const { summaryInputs } = startStandIns()
  let github: GitHubServer
  beforeAll(async () => {
    github = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' } })
  })
  afterAll(() => github.close())

  const run = (model: string) =>
    runAction({
      inputs: { ...summaryInputs(), 'llm-model': model },
      env: github.runnerEnv,
      githubToken: GITHUB_TOKEN,
    })

  it('keeps another run’s summaries and a person’s correction and removal, and adds its own', async () => {
    expect((await run('openai/gpt-4.1-mini')).exitCode).toBe(0)
    const first = JSON.parse((await github.git.readFile('main', CACHE)) ?? '') as Cache
    const ids = Object.keys(first.summaries).sort()
    expect(ids).toHaveLength(5)
    const mini = Object.keys(first.summaries[ids[0]!]!)[0]!
    const other = mini.replace('openai/gpt-4.1-mini', 'meta/llama-3.3-70b')

    // While the next run asks its model: another run (a matrix's) commits its summaries, and a person
    // corrects one summary and removes another so that it is written again.
    github.beforeNextMutation(async () => {
      const moved = structuredClone(first)
      for (const id of ids) moved.summaries[id]![other] = { summary: `Another model on ${id}.` }
      moved.summaries[ids[0]!]![mini] = { summary: '사람이 고친 요약.' }
      delete moved.summaries[ids[1]!]![mini]
      await github.git.commit('main', { [CACHE]: `${JSON.stringify(moved, null, 2)}\n` }, 'Meanwhile')
    })
    const second = await run('openai/gpt-4.1')
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toContain(
      `${CACHE} changed on main during the run: the run's entries are merged into it`,
    )

    const merged = JSON.parse((await github.git.readFile('main', CACHE)) ?? '') as Cache
    const gpt41 = mini.replace('openai/gpt-4.1-mini', 'openai/gpt-4.1')
    expect(Object.keys(merged.summaries).sort()).toEqual(ids)
    for (const id of ids) {
      const variants = merged.summaries[id]!
      expect(variants[other]).toEqual({ summary: `Another model on ${id}.` })
      expect(variants[gpt41]?.summary).toMatch(/^이 논문은/)
      if (id === ids[0]) expect(variants[mini]).toEqual({ summary: '사람이 고친 요약.' })
      else if (id === ids[1]) expect(variants[mini]).toBeUndefined()
      else expect(variants[mini]).toEqual(first.summaries[id]![mini])
    }
  })
})

describe('pull requests of two days', () => {
  const DAYS = ['2025-11-19', '2025-11-20'] as const
  let hf: HfServer
  let github: GitHubServer
  beforeAll(async () => {
    const daily = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
    const items = async (day: string) =>
      JSON.parse(await readFile(join(daily, `${day}.json`), 'utf8')) as unknown[]
    hf = await startHfServer({
      days: new Map(await Promise.all(DAYS.map(async (day) => [day, await items(day)] as const))),
    })
    github = await startGitHubServer()
  })
  afterAll(async () => {
    await Promise.all([hf.close(), github.close()])
  })

  it('opened the same day merge one after the other without a conflict', async () => {
    for (const day of DAYS) {
      const run = await runAction({
        inputs: { date: day, mode: 'pull-request', 'hf-api-url': hf.url },
        env: github.runnerEnv,
        githubToken: 'write-token',
      })
      expect(run.exitCode).toBe(0)
    }
    expect(github.pullRequests.map((pr) => pr.headRefName)).toEqual(DAYS.map((day) => `daily-papers/${day}`))
    for (const day of DAYS) expect(await mergeIntoMain(github, `daily-papers/${day}`)).toBe(true)
    for (const day of DAYS) {
      expect(await github.git.readFile('main', `.hf-daily-papers/posts/${day}.json`)).toContain(
        `${day}-daily-papers`,
      )
      expect(await github.git.readFile('main', `_posts/${day}-daily-papers-${day}.md`)).toBeDefined()
    }
  })
})

describe('pull requests of two days with model summaries', () => {
  const DAYS = ['2025-11-19', '2025-11-20'] as const
  const daily = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
  const { hf, llm } = startStandIns(
    DAYS.map((day) => [day, JSON.parse(readFileSync(join(daily, `${day}.json`), 'utf8')) as unknown[]]),
  )
  let github: GitHubServer
  beforeAll(async () => {
    github = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' } })
  })
  afterAll(() => github.close())

  const run = (day: string) =>
    runAction({
      inputs: {
        date: day,
        mode: 'pull-request',
        fields: 'hf-link, llm-summary',
        'hf-api-url': hf().url,
        'llm-api-url': llm().url,
        'llm-token': LLM_TOKEN,
      },
      env: github.runnerEnv,
      githubToken: GITHUB_TOKEN,
    })

  it('each touch only their own day’s summaries, merge one after the other, and a re-run asks nothing', async () => {
    for (const day of DAYS) expect((await run(day)).exitCode).toBe(0)
    expect(llm().requests.length).toBeGreaterThan(0)
    for (const day of DAYS) {
      const changed = await github.git.git([
        'diff',
        '--name-only',
        'refs/heads/main',
        `refs/heads/daily-papers/${day}`,
      ])
      expect(
        changed
          .trim()
          .split('\n')
          .filter((path) => path.startsWith('.hf-daily-papers/summaries/')),
      ).toEqual([`.hf-daily-papers/summaries/${day}.json`])
      // Papers of the same arXiv month on both days: one file per month made these two conflict.
      const cache = JSON.parse(
        (await github.git.readFile(`daily-papers/${day}`, `.hf-daily-papers/summaries/${day}.json`)) ?? '',
      ) as Cache
      expect(Object.keys(cache.summaries).some((id) => id.startsWith('2511.'))).toBe(true)
    }
    for (const day of DAYS) expect(await mergeIntoMain(github, `daily-papers/${day}`)).toBe(true)
    for (const day of DAYS)
      expect(await github.git.readFile('main', `.hf-daily-papers/summaries/${day}.json`)).toContain('"2511.')

    llm().requests.length = 0
    for (const day of DAYS) expect((await run(day)).exitCode).toBe(0)
    expect(llm().requests).toEqual([])
  })
})

/** Merges `branch` into main as GitHub's merge button does, in the stand-in's git; false on a conflict. */
async function mergeIntoMain(github: GitHubServer, branch: string): Promise<boolean> {
  const tree = await github.git
    .git(['merge-tree', '--write-tree', 'refs/heads/main', `refs/heads/${branch}`])
    .then(
      (out) => out.trim().split('\n')[0] as string,
      () => undefined,
    )
  if (tree === undefined) return false
  const main = await github.git.head('main')
  const head = await github.git.head(branch)
  const commit = (
    await github.git.git(['commit-tree', tree, '-p', main!, '-p', head!, '-m', `Merge ${branch}`])
  ).trim()
  await github.git.git(['update-ref', 'refs/heads/main', commit, main!])
  return true
}
