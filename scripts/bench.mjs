// The benchmark of `npm run bench`: the scenarios of bench-scenarios.mjs, timed, and the bundle's size.
// It prints figures next to their targets (issues 6, 22 and 23), the daily runs beside a floor measured in
// the same loop (bench-floor.mjs); it is a report, so it never fails on a miss.
import { stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { benchScenarios, fixtureDays } from './bench-scenarios.mjs'
import { boundRows } from './bench-bounds.mjs'

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    runs: { type: 'string', default: '5' },
    // `--only daily`: the two daily runs beside their floor, for measuring a change to the run's speed.
    only: { type: 'string' },
  },
})
const latencyMs = Number(values.latency)
const runs = Number(values.runs)
const { nodeStartup, oneDay, modelDay, dailyWithRefresh, periodDigest, backfill } = benchScenarios({
  latencyMs,
  runs,
})
const ms = (value) => `${Math.round(value)} ms`

const rows = []
const row = (what, figure, target, met) =>
  rows.push([what, figure, target, met === undefined ? '' : met ? 'met' : 'NOT MET'])

const days = await fixtureDays()
const startup = await nodeStartup()
row('node start-up (node -e 0, median)', ms(startup), '', undefined)
/** The run's wall time against the floor measured beside it, in the same loop. */
const againstFloor = (label, run) => {
  const ratio = run.wall / run.floor
  row(`${label}: the whole run (median)`, ms(run.wall), `floor ${ms(run.floor)} (bench-floor.mjs)`, undefined)
  row(`${label}: against the floor`, `${ratio.toFixed(2)}×`, '≤ 1.0×', ratio <= 1)
}
// The default daily run on a blog that has the 7 days before it (refresh-days 7 rewrites them).
const refreshed = await dailyWithRefresh(days)
againstFloor('daily run, defaults (refresh-days 7)', refreshed)
row(
  'daily run, defaults: earlier posts rewritten',
  `${refreshed.refreshed} of ${refreshed.daysWithPosts} with posts`,
  '',
  refreshed.refreshed === refreshed.daysWithPosts,
)
row(
  'daily run, defaults: requests to Hugging Face',
  String(refreshed.hfRequests),
  '8 (the day and 7 before it)',
  undefined,
)
row(
  'daily run, defaults: requests to GitHub',
  String(refreshed.githubRequests),
  '2',
  refreshed.githubRequests <= 2,
)
row('daily run, defaults: commits', String(refreshed.commits), '1', refreshed.commits === 1)
const day = await oneDay(days)
againstFloor('daily run, refresh-days 0', day)
row('one day: requests to Hugging Face', String(day.hfRequests), '1', day.hfRequests === 1)
row(
  'one day: requests to GitHub',
  String(day.githubRequests),
  '2 (the branch with its state files, the commit)',
  day.githubRequests <= 2,
)
row('one day: commits', String(day.commits), '1', day.commits === 1)
if (values.only === 'daily') {
  printRows()
  process.exit(0)
}
const model = await modelDay(days)
row(
  `model summaries, a blog's first run on a Korean day of ${model.papers} papers (refresh-days 7): model requests`,
  `${model.requests} (${model.tldrRequests} for the TL;DR)`,
  '≤ 3 (two batches and the TL;DR)',
  model.requests <= 3,
)
row('  its wall time', ms(model.wall), '', undefined)
row(
  '  the same run again: model requests, commits',
  `${model.rerunRequests}, ${model.rerunCommitted ? 1 : 0}`,
  '0, 0',
  model.rerunRequests === 0 && !model.rerunCommitted,
)
const week = await periodDigest('weekly', '2025-11-26', days)
row(
  'weekly digest (2025-W48): requests to Hugging Face',
  String(week.hfRequests),
  '≤ 2',
  week.hfRequests <= 2,
)
const month = await periodDigest('monthly', '2025-11-26', days)
row(
  'monthly digest (2025-11): requests to Hugging Face',
  String(month.hfRequests),
  '≤ 10',
  month.hfRequests <= 10,
)
/** What every backfill is held to besides its requests: one commit, a post a day. */
const backfillRows = (label, run) => {
  row(`${label}: commits`, String(run.commits), '1', run.commits === 1)
  const posts = `${run.posts} of ${run.daysWithPapers} days with papers`
  row(`${label}: posts`, posts, '', run.posts === run.daysWithPapers)
}
const year = await backfill('2025-01-01', '2025-12-31', days)
row(
  'year backfill: requests to Hugging Face',
  String(year.hfRequests),
  '≤ 75 (a month at a time)',
  year.hfRequests <= 75,
)
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
backfillRows('year backfill', year)
// Hugging Face's own window without a token: 500 requests per 300 s, here with 50 ms per answer.
const RATE_LIMIT = { quota: 500, windowSeconds: 300 }
const twoYears = await backfill('2024-01-01', '2025-12-30', days, { rateLimit: RATE_LIMIT })
row(
  `two-year backfill: requests to Hugging Face`,
  String(twoYears.hfRequests),
  `≤ 150 (a day at a time: 737)`,
  twoYears.hfRequests <= 150,
)
row(
  `two-year backfill, ${RATE_LIMIT.quota} requests per ${RATE_LIMIT.windowSeconds} s: 429s met`,
  String(twoYears.rateLimited),
  '0',
  twoYears.rateLimited === 0,
)
row('two-year backfill: wall time', ms(twoYears.wall), '< 60 s', twoYears.wall < 60_000)
backfillRows('two-year backfill', twoYears)
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
const sizeOf = async (files) =>
  (await Promise.all(files.map((file) => stat(file)))).reduce((sum, { size }) => sum + size, 0)
// The code only, not the source maps beside it.
const action = await sizeOf(['dist/index.js', 'dist/action.js'])
row(
  'bundle: the action (dist/index.js, dist/action.js)',
  megabytes(action),
  '< 2 MiB',
  action < 2 * 1024 * 1024,
)
const cli = await sizeOf(['dist/cli.js', 'dist/cli-main.js'])
row('bundle: the CLI (dist/cli.js, dist/cli-main.js)', megabytes(cli), '< 2 MiB', cli < 2 * 1024 * 1024)

for (const bound of await boundRows()) row(...bound)

printRows()

function printRows() {
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
}
