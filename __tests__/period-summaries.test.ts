import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SUMMARY_CACHE } from '../src/enrich/cache.js'
import { parseStateFile } from '../src/core/state-file.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { standIn } from './publish/github-stand-in.js'
import { daySource } from './support/day-source.js'
import { consecutiveDays } from './support/days.js'
import { changedBy, runOnGitHub } from './support/github-pipeline.js'
import type { GitHubServer } from './support/github-server.js'
import { FIXTURES_DIR } from './support/hf-server.js'
import { useLlmServer } from './support/model-pipeline.js'
import { finishPullRequest } from './support/pull-request-outcome.js'

/**
 * A weekly post's model summaries in its week's own file (`summaries/2025-W48.json`), through the whole
 * pipeline in pull-request mode against the GitHub and model stand-ins: the week's pull request and its days'
 * never change the same file, so they merge in any order; and a summary on the branch a run reads, in a
 * day's file or the week's, is not asked for again.
 */
const llm = useLlmServer()
const source = daySource(
  Object.fromEntries(
    consecutiveDays('2025-11-24', 5).map((day) => [
      day,
      JSON.parse(readFileSync(join(FIXTURES_DIR, `${day}.json`), 'utf8')) as unknown[],
    ]),
  ),
)
const WEEK_SUMMARIES = '.hf-daily-papers/summaries/2025-W48.json'

/** Wednesday's and Thursday's papers are among the week's: kept by the day of listing, both would be in their day's file. */
type Post = 'wednesday' | 'thursday' | 'week'
const INPUTS: Record<Post, RawInputs> = {
  wednesday: { date: '2025-11-26' },
  thursday: { date: '2025-11-27' },
  week: { date: '2025-11-24', digest: 'weekly' },
}
const BRANCHES: Record<Post, string> = {
  wednesday: 'daily-papers/2025-11-26',
  thursday: 'daily-papers/2025-11-27',
  week: 'weekly-papers/2025-W48',
}

async function run(server: GitHubServer, post: Post) {
  const { result } = await runOnGitHub(
    server,
    {
      ...INPUTS[post],
      mode: 'pull-request',
      fields: 'llm-summary, hf-link',
      'llm-api-url': llm().url,
      'llm-token': 'sk-llm-0123456789',
    },
    source,
  )
  return result
}

/** A conflict throws, as GitHub's merge button is greyed out then. */
const merge = (server: GitHubServer, url: string | undefined) => finishPullRequest(server, url, 'merge')

const summariesAsked = () =>
  llm()
    .requests.filter((request) => !request.tldr)
    .flatMap((request) => request.paperIds)

const summaryIds = async (server: GitHubServer, path: string) => [
  ...parseStateFile(SUMMARY_CACHE, (await server.git.readFile('main', path)) ?? '').entries.keys(),
]

const POSTS = ['wednesday', 'thursday', 'week'] as const
type Opening = 'week first' | 'at once'

/**
 * Every post run again once all is merged and the branches deleted: no model request, and no summaries
 * file in a pull request (the week's post may change, as it now links its days' posts).
 */
async function runAgain(server: GitHubServer) {
  llm().requests.length = 0
  for (const post of POSTS) await server.git.git(['update-ref', '-d', `refs/heads/${BRANCHES[post]}`])
  for (const post of POSTS) await run(server, post)
  expect(llm().requests).toEqual([])
  for (const { headRefName } of server.pullRequests.filter(({ state }) => state === 'OPEN')) {
    expect((await changedBy(server, headRefName)).filter((path) => path.includes('/summaries/'))).toEqual([])
  }
}

describe("a weekly post's summaries in its week's own file", () => {
  /**
   * Each day's pull request and the week's, opened one after the other, or at once (the daily and weekly
   * workflows on the same schedule), when neither run sees the other's pull request.
   */
  async function openAll(server: GitHubServer, opening: Opening) {
    const opened = new Map<Post, string | undefined>()
    const open = async (post: Post) => void opened.set(post, (await run(server, post)).pullRequestUrl)
    if (opening === 'at once') await Promise.all(POSTS.map(open))
    else for (const post of POSTS.toReversed()) await open(post)
    return opened
  }

  // The two openings where a week's summaries in its days' files lost a day's file or conflicted with it.
  it.each<{ opening: Opening; merged: Post[] }>([
    { opening: 'week first', merged: ['wednesday', 'week', 'thursday'] },
    { opening: 'at once', merged: ['thursday', 'wednesday', 'week'] },
  ])('keep the pull requests apart, opened $opening, merged $merged', async ({ opening, merged }) => {
    const server = await standIn()
    const opened = await openAll(server, opening)
    expect(await changedBy(server, BRANCHES.wednesday)).toEqual([
      '.hf-daily-papers/posts/2025-11-26.json',
      '.hf-daily-papers/summaries/2025-11-26.json',
      '_posts/2025-11-26-daily-papers-2025-11-26.md',
    ])
    expect(await changedBy(server, BRANCHES.week)).toEqual([
      '.hf-daily-papers/posts/2025-W48.json',
      WEEK_SUMMARIES,
      '_posts/2025-11-24-weekly-papers-2025-W48.md',
    ])
    for (const post of merged) await merge(server, opened.get(post))
    await runAgain(server)
  })

  it.each<Post[]>([['week', 'wednesday', 'thursday']])(
    'ask no summary twice when each is merged before the next run: %s, %s, %s',
    async (...order) => {
      const server = await standIn()
      for (const post of order) await merge(server, (await run(server, post)).pullRequestUrl)
      const asked = summariesAsked()
      expect(asked.length).toBeGreaterThan(0)
      expect(asked.length).toBe(new Set(asked).size)
      // The week keeps only what no day's file had when it ran.
      const week = await summaryIds(server, WEEK_SUMMARIES)
      const days = [
        ...(await summaryIds(server, '.hf-daily-papers/summaries/2025-11-26.json')),
        ...(await summaryIds(server, '.hf-daily-papers/summaries/2025-11-27.json')),
      ]
      expect(week.filter((id) => days.includes(id))).toEqual([])
      await runAgain(server)
    },
  )
})
