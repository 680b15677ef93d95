// The scenarios `npm run bench` times: the bundled action (dist/index.js) run as a runner runs it, against
// the local stand-ins for Hugging Face, GitHub and a model server, with `latencyMs` before every answer and
// the median of `runs` runs where a scenario repeats. Node 24 runs the TypeScript stand-ins directly.
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { startGitHubServer } from '../__tests__/support/github-server.ts'
import { listedOn, startHfServer } from '../__tests__/support/hf-server.ts'
import { startLlmServer } from '../__tests__/support/llm-server.ts'
import { runAction } from '../__tests__/support/run-action.ts'
import { timeFloor } from './bench-floor.mjs'

const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/hf/daily')

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]

/** The saved days of papers, [day, items] in date order. */
export async function fixtureDays() {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(
    names.map(async (name) => [
      name.slice(0, 10),
      JSON.parse(await readFile(resolve(FIXTURES, name), 'utf8')),
    ]),
  )
}

export function benchScenarios({ latencyMs, runs }) {
  async function nodeStartup() {
    const times = []
    for (let run = 0; run < runs; run++) {
      const start = performance.now()
      await promisify(execFile)(process.execPath, ['-e', '0'])
      times.push(performance.now() - start)
    }
    return median(times)
  }

  /** The bundled action in commit mode for `date`, against the two stand-ins; throws when it fails. */
  async function runDigest(date, hf, github, inputs = {}) {
    const result = await runAction({
      inputs: { date, 'hf-api-url': hf.url, ...inputs },
      env: github.runnerEnv,
      githubToken: 'write-token',
    })
    if (result.exitCode !== 0)
      throw new Error(`the action failed for ${date}:\n${result.stdout}${result.stderr}`)
    return result
  }

  /** The floor client (bench-floor.mjs) for `dates` on a fresh blog of its own, timed. */
  async function floor(dates, hf) {
    const github = await startGitHubServer({ latencyMs })
    try {
      const { graphqlUrl, runnerEnv } = github
      const repository = runnerEnv.GITHUB_REPOSITORY
      return await timeFloor({ hfUrl: hf.url, graphqlUrl, repository, token: 'write-token', dates })
    } finally {
      await github.close()
    }
  }

  /** One day in commit mode, a fresh blog each run so that every run commits; the floor timed beside it. */
  async function oneDay(days) {
    const hf = await startHfServer({ days: new Map(days), latencyMs })
    const figures = []
    try {
      for (let run = 0; run < runs; run++) {
        const github = await startGitHubServer({ latencyMs })
        try {
          hf.requests.length = 0
          // The first post of a blog: nothing to refresh, so that the figures are those of one day.
          const { durationMs } = await runDigest('2025-11-26', hf, github, { 'refresh-days': '0' })
          figures.push({
            wall: durationMs,
            hfRequests: hf.requests.length,
            githubRequests: github.requests.length,
            commits: (await github.git.log('main')).length - 1,
            // After the counts: the floor asks the same Hugging Face stand-in.
            floor: await floor(['2025-11-26'], hf),
          })
        } finally {
          await github.close()
        }
      }
    } finally {
      await hf.close()
    }
    return {
      wall: median(figures.map((f) => f.wall)),
      floor: median(figures.map((f) => f.floor)),
      hfRequests: figures[0].hfRequests,
      githubRequests: figures[0].githubRequests,
      commits: figures[0].commits,
    }
  }

  /**
   * A blog's first run with model summaries (the OpenAI-compatible stand-in) on a Korean day of 30
   * papers, in the digest style with its TL;DR and the default refresh-days: the earlier days have no
   * post, so the model is asked for the day's own papers only. Then the same run again, which finds
   * every summary and the TL;DR in the cache the first run committed.
   */
  async function modelDay(days) {
    const hf = await startHfServer({ days: new Map(days), latencyMs })
    const github = await startGitHubServer({ latencyMs })
    const llm = await startLlmServer()
    const inputs = {
      language: 'ko',
      fields: 'organization, hf-link, arxiv-link, abstract, llm-summary',
      'llm-api-url': llm.url,
      'llm-token': 'sk-bench',
    }
    try {
      const first = await runDigest('2025-11-04', hf, github, inputs)
      const requests = llm.requests.length
      const tldrRequests = llm.requests.filter((request) => request.tldr).length
      llm.requests.length = 0
      const again = await runDigest('2025-11-04', hf, github, inputs)
      return {
        papers: Number(first.outputs.papers),
        wall: first.durationMs,
        requests,
        tldrRequests,
        rerunRequests: llm.requests.length,
        rerunCommitted: again.outputs['commit-sha'] !== '',
        commits: (await github.git.log('main')).length - 1,
      }
    } finally {
      await Promise.all([hf.close(), github.close(), llm.close()])
    }
  }

  /**
   * The daily run as a blog has it every day: the 7 posts before the day were written from each day's
   * early list (its first five papers, few upvotes), and the run for the day rewrites them from the
   * settled lists (refresh-days 7, the default). Only that run is timed; a fresh blog each run.
   */
  async function dailyWithRefresh(days) {
    const day = '2025-11-26'
    const earlier = Array.from({ length: 7 }, (_, index) =>
      new Date(Date.parse(day) - (7 - index) * 86_400_000).toISOString().slice(0, 10),
    )
    const settled = new Map(days)
    const listed = new Map()
    const hf = await startHfServer({ days: listed, latencyMs })
    const figures = []
    try {
      for (let run = 0; run < runs; run++) {
        const github = await startGitHubServer({ latencyMs })
        try {
          listed.clear()
          for (const earlierDay of earlier) {
            const items = settled.get(earlierDay) ?? []
            listed.set(
              earlierDay,
              items.slice(0, 5).map((item) => ({ ...item, paper: { ...item.paper, upvotes: 1 } })),
            )
          }
          await runDigest(`${earlier[0]}..${earlier.at(-1)}`, hf, github, { 'refresh-days': '0' })
          for (const earlierDay of [...earlier, day]) listed.set(earlierDay, settled.get(earlierDay) ?? [])
          hf.requests.length = 0
          github.requests.length = 0
          const commitsBefore = (await github.git.log('main')).length
          const result = await runDigest(day, hf, github)
          figures.push({
            wall: result.durationMs,
            hfRequests: hf.requests.length,
            githubRequests: github.requests.length,
            commits: (await github.git.log('main')).length - commitsBefore,
            floor: await floor([...earlier, day], hf),
            refreshed: result.stdout.match(/^Refreshed \d{4}-\d{2}-\d{2} /gm)?.length ?? 0,
            daysWithPosts: earlier.filter((earlierDay) => (settled.get(earlierDay) ?? []).length > 0).length,
          })
        } finally {
          await github.close()
        }
      }
    } finally {
      await hf.close()
    }
    return {
      ...figures[0],
      wall: median(figures.map((f) => f.wall)),
      floor: median(figures.map((f) => f.floor)),
    }
  }

  /** A weekly or monthly digest of the period holding `date`, from the saved days as they are. */
  async function periodDigest(digest, date, days) {
    const hf = await startHfServer({ days: new Map(days), latencyMs })
    const github = await startGitHubServer({ latencyMs })
    try {
      const result = await runDigest(date, hf, github, { digest })
      return {
        wall: result.durationMs,
        hfRequests: hf.requests.length,
        posts: JSON.parse(result.outputs.posts).length,
      }
    } finally {
      await Promise.all([hf.close(), github.close()])
    }
  }

  /** A backfill of FROM..TO in one run: the fixture days repeated over its weekdays, weekends empty. */
  async function backfill(from, to, days, hfOptions = {}) {
    const listed = new Map()
    let index = 0
    for (let time = Date.parse(from); time <= Date.parse(to); time += 86_400_000) {
      const weekday = new Date(time).getUTCDay()
      if (weekday === 0 || weekday === 6) continue
      const day = new Date(time).toISOString().slice(0, 10)
      listed.set(day, listedOn(day, days[index++ % days.length][1]))
    }
    const hf = await startHfServer({ days: listed, latencyMs, ...hfOptions })
    const github = await startGitHubServer({ latencyMs })
    try {
      const result = await runDigest(`${from}..${to}`, hf, github)
      return {
        wall: result.durationMs,
        hfRequests: hf.requests.length,
        rateLimited: hf.rateLimited,
        githubRequests: github.requests.length,
        commits: (await github.git.log('main')).length - 1,
        posts: JSON.parse(result.outputs.posts).length,
        daysWithPapers: listed.size,
      }
    } finally {
      await Promise.all([hf.close(), github.close()])
    }
  }

  return { nodeStartup, oneDay, modelDay, dailyWithRefresh, periodDigest, backfill }
}
