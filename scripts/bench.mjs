// The benchmark of `npm run bench`: the bundled action (dist/index.js) run as a runner runs it,
// against the local stand-ins for Hugging Face and GitHub with a fixed latency on every request.
// It prints figures next to the targets of issue 6; it is a report, so it never fails on a miss.
// Node 24 runs the TypeScript stand-ins directly (type stripping).
import { execFile } from 'node:child_process'
import { readdir, readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs, promisify } from 'node:util'
import { startGitHubServer } from '../__tests__/support/github-server.ts'
import { listedOn, startHfServer } from '../__tests__/support/hf-server.ts'
import { startLlmServer } from '../__tests__/support/llm-server.ts'
import { runAction } from '../__tests__/support/run-action.ts'

const { values } = parseArgs({
  options: { latency: { type: 'string', default: '50' }, runs: { type: 'string', default: '5' } },
})
const latencyMs = Number(values.latency)
const runs = Number(values.runs)
const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/hf/daily')

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]
const ms = (value) => `${Math.round(value)} ms`

async function nodeStartup() {
  const times = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    await promisify(execFile)(process.execPath, ['-e', '0'])
    times.push(performance.now() - start)
  }
  return median(times)
}

/** What any Node script needs to get a request out: one `fetch` and nothing else, the same way timed. */
async function bareFetchFirstRequest() {
  const hf = await startHfServer({ days: new Map() })
  const times = []
  try {
    for (let run = 0; run < runs; run++) {
      hf.requests.length = 0
      const startedAt = Date.now()
      await promisify(execFile)(process.execPath, [
        '-e',
        'await fetch(process.argv[1])',
        '--input-type=module',
        `${hf.url}/api/daily_papers?date=2025-11-26`,
      ])
      times.push(hf.requests[0].receivedAt - startedAt)
    }
  } finally {
    await hf.close()
  }
  return median(times)
}

async function fixtureDays() {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(
    names.map(async (name) => [
      name.slice(0, 10),
      JSON.parse(await readFile(resolve(FIXTURES, name), 'utf8')),
    ]),
  )
}

/** The bundled action in commit mode for `date`, against the two stand-ins; throws when it fails. */
async function runDigest(date, hf, github, inputs = {}) {
  const result = await runAction({
    inputs: { date, 'hf-api-url': hf.url, ...inputs },
    env: {
      GITHUB_REPOSITORY: 'octo/blog',
      GITHUB_API_URL: github.apiUrl,
      GITHUB_GRAPHQL_URL: github.graphqlUrl,
    },
    githubToken: 'write-token',
  })
  if (result.exitCode !== 0)
    throw new Error(`the action failed for ${date}:\n${result.stdout}${result.stderr}`)
  return result
}

/** One day in commit mode, a fresh blog each run so that every run commits. */
async function oneDay(days) {
  const hf = await startHfServer({ days: new Map(days), latencyMs })
  const figures = []
  try {
    for (let run = 0; run < runs; run++) {
      const github = await startGitHubServer({ latencyMs })
      try {
        hf.requests.length = 0
        // The first post of a blog: nothing to refresh, so that the figures are those of one day.
        const { startedAt, durationMs } = await runDigest('2025-11-26', hf, github, { 'refresh-days': '0' })
        figures.push({
          wall: durationMs,
          firstRequest: (hf.requests[0]?.receivedAt ?? Number.NaN) - startedAt,
          hfRequests: hf.requests.length,
          githubRequests: github.requests.length,
          githubWork: github.requests.reduce((sum, request) => sum + (request.workMs ?? 0), 0),
          commits: (await github.git.log('main')).length - 1,
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
    firstRequest: median(figures.map((f) => f.firstRequest)),
    githubWork: median(figures.map((f) => f.githubWork)),
    hfRequests: figures[0].hfRequests,
    githubRequests: figures[0].githubRequests,
    commits: figures[0].commits,
  }
}

/**
 * A Korean day of 30 papers with model summaries (the OpenAI-compatible stand-in), then the same run
 * again, which finds every summary in the cache the first run committed.
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
    // The day's own papers: a refresh would also summarise the 7 days before, once, on a first run.
    'refresh-days': '0',
  }
  try {
    const first = await runDigest('2025-11-04', hf, github, inputs)
    const requests = llm.requests.length
    llm.requests.length = 0
    const again = await runDigest('2025-11-04', hf, github, inputs)
    return {
      papers: Number(first.outputs.papers),
      wall: first.durationMs,
      requests,
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
  return { ...figures[0], wall: median(figures.map((f) => f.wall)) }
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

const rows = []
const row = (what, figure, target, met) =>
  rows.push([what, figure, target, met === undefined ? '' : met ? 'met' : 'NOT MET'])

const days = await fixtureDays()
const startup = await nodeStartup()
const day = await oneDay(days)
// The floor is what no client can avoid: node's start-up, three round trips, and the stand-in's own git work
// (a real GitHub also takes its time to commit).
const floor = startup + 3 * latencyMs + day.githubWork
row('node start-up (node -e 0, median)', ms(startup), '', undefined)
row(
  'one day (refresh-days 0): wall time (median)',
  ms(day.wall),
  `≤ 2× floor (${ms(2 * floor)})`,
  day.wall <= 2 * floor,
)
row(
  'one day: ratio to the floor',
  `${(day.wall / floor).toFixed(2)}×`,
  `floor = start-up + 3 × ${latencyMs} ms + stand-in git work ${ms(day.githubWork)}`,
  day.wall <= 2 * floor,
)
row('one day: requests to Hugging Face', String(day.hfRequests), '1', day.hfRequests === 1)
row('one day: requests to GitHub', String(day.githubRequests), '≤ 3', day.githubRequests <= 3)
row('one day: commits', String(day.commits), '1', day.commits === 1)
row('start to first request (median)', ms(day.firstRequest), '< 150 ms', day.firstRequest < 150)
row(
  '  the same for a bare fetch() script',
  ms(await bareFetchFirstRequest()),
  "Node's own floor for a first request",
  undefined,
)
const model = await modelDay(days)
row(
  `model summaries, a Korean day of ${model.papers} papers: model requests`,
  String(model.requests),
  '≤ 2',
  model.requests <= 2,
)
row('  its wall time', ms(model.wall), '', undefined)
row(
  '  the same run again: model requests, commits',
  `${model.rerunRequests}, ${model.rerunCommitted ? 1 : 0}`,
  '0, 0',
  model.rerunRequests === 0 && !model.rerunCommitted,
)
const refreshed = await dailyWithRefresh(days)
row(
  'daily run, refresh-days 7: wall time (median)',
  ms(refreshed.wall),
  `one day took ${ms(day.wall)}`,
  undefined,
)
row(
  'daily run, refresh-days 7: requests to Hugging Face',
  String(refreshed.hfRequests),
  '8 (the day and 7 before it)',
  refreshed.hfRequests === 8,
)
row(
  'daily run, refresh-days 7: requests to GitHub',
  String(refreshed.githubRequests),
  '≤ 3 (the record, the branch, the commit)',
  refreshed.githubRequests <= 3,
)
row('daily run, refresh-days 7: commits', String(refreshed.commits), '1', refreshed.commits === 1)
row(
  'daily run, refresh-days 7: earlier posts rewritten',
  `${refreshed.refreshed} of ${refreshed.daysWithPosts} with posts`,
  '',
  refreshed.refreshed === refreshed.daysWithPosts,
)
/** What every backfill is held to besides its time: a request a day to Hugging Face, one commit, a post a day. */
const backfillRows = (label, run, dayCount) => {
  row(`${label}: requests to Hugging Face`, String(run.hfRequests), `${dayCount} days`, undefined)
  row(`${label}: commits`, String(run.commits), '1', run.commits === 1)
  const posts = `${run.posts} of ${run.daysWithPapers} days with papers`
  row(`${label}: posts`, posts, '', run.posts === run.daysWithPapers)
}
const year = await backfill('2025-01-01', '2025-12-31', days)
row('year backfill: wall time', ms(year.wall), '< 10 s', year.wall < 10_000)
// The branch and the commit, and one read of the record of what the action wrote per month the run
// touches: the year's 12 and the month of the 7 days before it (refresh-days).
row(
  'year backfill: requests to GitHub',
  String(year.githubRequests),
  '≤ 2 + 13 record files',
  year.githubRequests <= 15,
)
backfillRows('year backfill', year, 365)
// Hugging Face's window (500 requests per 300 s without a token) scaled down 150 times in time, 5 in requests.
const RATE_LIMIT = { quota: 100, windowSeconds: 2 }
const twoYears = await backfill('2024-01-01', '2025-12-30', days, { rateLimit: RATE_LIMIT })
// 730 requests in windows of 100 need at least 7 resets: the wall time can be no less than 7 windows.
const resetsFloor = (Math.ceil(730 / RATE_LIMIT.quota) - 1) * RATE_LIMIT.windowSeconds * 1000
row(
  `two-year backfill, ${RATE_LIMIT.quota} requests per ${RATE_LIMIT.windowSeconds} s: wall time`,
  ms(twoYears.wall),
  `< 60 s (the windows alone take ≥ ${ms(resetsFloor)})`,
  twoYears.wall < 60_000,
)
row('two-year backfill: 429s met', String(twoYears.rateLimited), '≤ 1', twoYears.rateLimited <= 1)
backfillRows('two-year backfill', twoYears, 730)
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const sizeOf = async (files) =>
  (await Promise.all(files.map((file) => stat(file)))).reduce((sum, { size }) => sum + size, 0)
// The code only: the source maps beside it are read only when a stack trace is formatted.
const actionFiles = (await readdir('dist/action'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `dist/action/${name}`)
const action = await sizeOf(['dist/index.js', ...actionFiles])
row('bundle: the action (dist/index.js, dist/action/)', megabytes(action), '< 2 MB', action < 2 * 1024 * 1024)
// dist/index.js and the chunks it imports statically; the rest is imported once the first request is out.
const entry = await readFile('dist/index.js', 'utf8')
const staticChunks = [...entry.matchAll(/import[^;]*?from"\.\/(action\/[\w-]+\.js)"/g)].map(
  (match) => `dist/${match[1]}`,
)
row(
  '  of it loaded before the first request',
  megabytes(await sizeOf(['dist/index.js', ...staticChunks])),
  '',
  undefined,
)
const cli = await sizeOf(['dist/cli.js'])
row('bundle: the CLI (dist/cli.js)', megabytes(cli), '< 2 MB', cli < 2 * 1024 * 1024)

const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((r) => r[column].length), 8))
console.log(`Benchmark at ${latencyMs} ms latency per request, ${runs} runs where a median is given\n`)
for (const r of [['measure', 'figure', 'target', ''], ...rows]) {
  console.log(
    r
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  )
}
