// The benchmark of `npm run bench`: the scenarios of bench-scenarios.mjs, timed, and the bundle's size.
// It prints figures next to the targets of issue 6; it is a report, so it never fails on a miss.
import { stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { benchScenarios, fixtureDays } from './bench-scenarios.mjs'
import { boundRows } from './bench-bounds.mjs'

const { values } = parseArgs({
  options: { latency: { type: 'string', default: '50' }, runs: { type: 'string', default: '5' } },
})
const latencyMs = Number(values.latency)
const runs = Number(values.runs)
const { nodeStartup, oneDay, modelDay, dailyWithRefresh, backfill } = benchScenarios({
  latencyMs,
  runs,
})
const ms = (value) => `${Math.round(value)} ms`

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
  'one day (refresh-days 0): the whole run (median)',
  ms(day.wall),
  `≤ 2× floor (${ms(2 * floor)})`,
  day.wall <= 2 * floor,
)
row(
  'one day: the whole run against the floor',
  `${(day.wall / floor).toFixed(2)}×`,
  `floor = start-up + 3 × ${latencyMs} ms + stand-in git work ${ms(day.githubWork)}`,
  day.wall <= 2 * floor,
)
row('one day: requests to Hugging Face', String(day.hfRequests), '1', day.hfRequests === 1)
row(
  'one day: requests to GitHub',
  String(day.githubRequests),
  '2 (the branch with its state files, the commit)',
  day.githubRequests <= 2,
)
row('one day: commits', String(day.commits), '1', day.commits === 1)
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
  "2 (the branch with the 8 days' record files, the commit)",
  refreshed.githubRequests <= 2,
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
// The commit, and the record of what the action wrote for each day the run touches (the year's 365 and
// the 7 days before it, refresh-days), read 100 files a request, the first with the branch.
const recordReads = Math.ceil((365 + 7) / 100)
row(
  'year backfill: requests to GitHub',
  String(year.githubRequests),
  `≤ ${1 + recordReads} (the commit; 372 record files, 100 a read)`,
  year.githubRequests <= 1 + recordReads,
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
// The code only, not the source maps beside it.
const action = await sizeOf(['dist/index.js', 'dist/action.js'])
row(
  'bundle: the action (dist/index.js, dist/action.js)',
  megabytes(action),
  '< 2 MB',
  action < 2 * 1024 * 1024,
)
const cli = await sizeOf(['dist/cli.js', 'dist/cli-main.js'])
row('bundle: the CLI (dist/cli.js, dist/cli-main.js)', megabytes(cli), '< 2 MB', cli < 2 * 1024 * 1024)

for (const bound of await boundRows()) row(...bound)

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
