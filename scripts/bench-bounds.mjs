// The time and memory bounds of `npm run bench`: how long hostile input takes and how much memory a run
// under attack peaks at. They were asserted in tests, where a loaded machine made them slow and flaky and a
// pass told no figure; the tests keep what the code must do with that input, these rows tell how fast.
// Each row: what, the figure, the bound, and whether it was met.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startHfServer } from '../__tests__/support/hf-server.ts'
import { runAction } from '../__tests__/support/run-action.ts'
import './typescript-hooks.mjs'

const MiB = 1024 * 1024
const ms = (value) => `${Math.round(value)} ms`
const mb = (bytes) => `${Math.round(bytes / MiB)} MB`

/** The time `work` takes, in ms. */
function timed(work) {
  const started = performance.now()
  work()
  return performance.now() - started
}

/** A row for work that must take less than `boundMs` (and end as it must: `ok`). */
const timeRow = (what, elapsed, boundMs, ok = true) => [
  what,
  ms(elapsed),
  `< ${ms(boundMs)}`,
  ok && elapsed < boundMs,
]

/** Pure functions of src/ given megabytes of hostile text, each timed once. */
async function functionRows() {
  const { jekyllPostPath, renderPost } = await import('../src/digest/index.ts')
  const { parseDailyPapers } = await import('../src/source/paper.ts')
  const { createRedactor } = await import('../src/core/redact.ts')
  const { encodeUrl } = await import('../src/core/safe-url.ts')
  const { parseJson } = await import('../src/core/bounded-json.ts')
  const { neutraliseCommands } = await import('../src/core/workflow-commands.ts')
  const { cleanModelText } = await import('../src/enrich/plain-text.ts')
  const rows = []

  // No step may backtrack on a long run: a 150,000-backslash title once took 268 s.
  const fills = {
    backslashes: '\\',
    'backslashes before "&"': '\\\\\\&',
    '"&" before word characters': '&amp',
    braces: '{',
    'pipes after backslashes': '\\\\|',
    'a mix': '\\&{|$~\\\\#;',
  }
  for (const [name, unit] of Object.entries(fills)) {
    const title = unit.repeat(Math.ceil(MiB / unit.length))
    const summary = unit.repeat(Math.ceil((2 * MiB) / unit.length))
    const { papers } = parseDailyPapers(
      [{ paper: { id: '2501.00001', title, summary, upvotes: 1, ai_keywords: [title] } }],
      'bench',
    )
    const options = { language: 'en', title: 'Daily Papers', date: '2025-01-02 09:00:00 +0000' }
    for (const style of [{ style: 'classic' }, { style: 'digest', topPapers: 5 }]) {
      const elapsed = timed(() =>
        renderPost(papers, {
          ...options,
          ...style,
          description: true,
          categories: [],
          tags: [],
          fields: ['abstract', 'ai-summary', 'keywords'],
        }),
      )
      rows.push(timeRow(`render (${style.style}) a 1 MB title, 2 MB abstract of ${name}`, elapsed, 5_000))
    }
  }

  const redact = createRedactor(['a'.repeat(39) + 'b', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'])
  const redacting = timed(() => {
    redact('a'.repeat(2_000_000))
    redact(`${'ghs_16C7e42'.repeat(100_000)}x`)
  })
  rows.push(timeRow('redact 3 MB of near-matches of a token', redacting, 3_000))
  const url = `https://example.com/${'&a'.repeat(500_000)}${'%'.repeat(500_000)}`
  rows.push(
    timeRow(
      'percent-encode a 1.5 MB hostile URL',
      timed(() => encodeUrl(url)),
      2_000,
    ),
  )
  // A record's key, which a weekly post links by: a nested pattern once took 100 s on the first; the
  // second is a file name of dots for the slug's pattern to try.
  const postPaths = [
    `${'_posts/'.repeat(500_000)}2025-01-01-x.md`,
    `_posts/2025-01-01-${'a.'.repeat(1_750_000)}.`,
  ]
  rows.push(
    timeRow(
      'check a 3.5 MB record key as a post path (slowest of 2)',
      Math.max(...postPaths.map((path) => timed(() => jekyllPostPath(path)))),
      1_000,
    ),
  )
  const hostileJson = ['"'.repeat(4e6), '\\'.repeat(4e6), '[]'.repeat(2e6), `"${'\\"'.repeat(2e6)}`]
  const slowestJson = Math.max(
    ...hostileJson.map((text) =>
      timed(() => {
        try {
          parseJson(text)
        } catch {
          // Refused, as it must be: only the time counts here.
        }
      }),
    ),
  )
  rows.push(timeRow('refuse 4 MB of hostile JSON (slowest of 4)', slowestJson, 1_000))
  const lines = `${'\n'.repeat(500_000)}${' '.repeat(500_000)}${'\u2028 '.repeat(500_000)}:`
  rows.push(
    timeRow(
      'neutralise 2 MB of line ends and spaces',
      timed(() => neutraliseCommands(lines)),
      2_000,
    ),
  )
  const answer = 'x '.repeat(5_000_000)
  rows.push(
    timeRow(
      "clean a model's 10 MB answer",
      timed(() => cleanModelText(answer, 600)),
      200,
    ),
  )
  return rows
}

/** The Hugging Face source quoting hostile text that is no JSON (a page, a mess): each within a second. */
async function describeRows() {
  const { createHuggingFaceSource } = await import('../src/source/huggingface.ts')
  const { systemClock } = await import('../src/core/clock.ts')
  const bodies = {
    '"<title " repeated (1.2 MB)': '<title '.repeat(175_000),
    'an unclosed title (2 MB)': `<html><title>${'a'.repeat(2 * MiB)}`,
    '"<" repeated (4 MB)': '<'.repeat(4 * MiB),
    'whitespace (4 MB)': `${' \n'.repeat(2 * MiB)}x`,
    'words and whitespace (4 MB)': 'a \n\t'.repeat(MiB),
  }
  const server = await startHfServer({ days: new Map() })
  const source = createHuggingFaceSource({ baseUrl: server.url, userAgent: 'bench', clock: systemClock })
  const rows = []
  try {
    for (const [name, body] of Object.entries(bodies)) {
      server.inject({ status: 200, body })
      const started = performance.now()
      const refused = await source.fetchDay('2025-11-03').then(
        () => false,
        (error) => /with a body that is not JSON/.test(error.message),
      )
      rows.push(timeRow(`describe an answer of ${name}`, performance.now() - started, 1_000, refused))
    }
  } finally {
    await server.close()
  }
  return rows
}

/** The bundled action against a hostile Hugging Face stand-in: its wall time and peak memory. */
async function attackRows() {
  const folder = await mkdtemp(join(tmpdir(), 'bench-bounds-'))
  // Preloaded by the action's node: writes its peak resident memory (bytes) to $MAX_RSS_FILE at exit.
  const probe = join(folder, 'max-rss.cjs')
  await writeFile(
    probe,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)))\n",
  )
  const attack = async (server, inputs) => {
    const rssFile = join(folder, `${Math.random().toString(36).slice(2)}.rss`)
    const run = await runAction({
      inputs: { date: '2025-12-24', mode: 'files', 'hf-api-url': server.url, 'refresh-days': '0', ...inputs },
      env: { NODE_OPTIONS: `--require ${probe}`, MAX_RSS_FILE: rssFile },
      workspace: await mkdtemp(join(folder, 'workspace-')),
    })
    return { ...run, maxRss: Number(await readFile(rssFile, 'utf8')) }
  }
  /** The action against a stand-in of its own that answers with `faults` first. */
  const attackWith = async (faults, inputs = {}, days = new Map()) => {
    const server = await startHfServer({ days })
    for (const [fault, times] of faults) server.inject(fault, times)
    try {
      return await attack(server, inputs)
    } finally {
      await server.close()
    }
  }
  const rows = []
  try {
    for (const [name, flood] of [
      ['an endless answer', { flood: 'a', bytes: Infinity }],
      ['a 1 GB answer', { flood: '[{"paper":{"id":"1"}},', bytes: 1024 * MiB }],
      ['a 1 GB answer that announces its size', { flood: '[', bytes: 1024 * MiB, announce: true }],
    ]) {
      const run = await attackWith([[flood, 1]])
      const met = run.exitCode === 1 && run.maxRss < 300 * MiB && run.durationMs < 10_000
      rows.push([
        `${name}: peak memory, time`,
        `${mb(run.maxRss)}, ${ms(run.durationMs)}`,
        '< 300 MB, < 10 s',
        met,
      ])
    }
    const week = await attackWith([[{ flood: 'a', bytes: Infinity }, 7]], { date: '2025-12-18..2025-12-24' })
    rows.push([
      'a week of endless answers (two week= at once): peak memory',
      mb(week.maxRss),
      '< 300 MB',
      week.exitCode === 1 && week.maxRss < 300 * MiB,
    ])
    // A month (month=) and the refresh week before it (week=), each reading 32 MiB, three at once.
    const month = await attackWith([[{ flood: 'a', bytes: Infinity }, 7]], {
      date: '2025-11-01..2025-11-30',
      'refresh-days': '7',
    })
    rows.push([
      'a month of endless answers (month=, week=): peak memory',
      mb(month.maxRss),
      '< 300 MB',
      month.exitCode === 1 && month.maxRss < 300 * MiB,
    ])
    const titles = await attackWith([[{ status: 200, body: '<title '.repeat(175_000) }, 1]])
    rows.push(
      timeRow(
        'describe a 1.2 MB body of "<title ": the whole run',
        titles.durationMs,
        2_000,
        titles.exitCode === 1,
      ),
    )
    const slashes = '\\'.repeat(150_000)
    const paper = { id: '2501.30001', title: slashes, summary: `${slashes}&amp;|{`, upvotes: 1 }
    const long = await attackWith([], { fields: 'abstract' }, new Map([['2025-12-24', [{ paper }]]]))
    rows.push(
      timeRow(
        'post a title and abstract of 150,000 backslashes: the whole run',
        long.durationMs,
        15_000,
        long.exitCode === 0,
      ),
    )
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
  return rows
}

/** Every bound, as rows of the benchmark's table. */
export async function boundRows() {
  return [...(await functionRows()), ...(await describeRows()), ...(await attackRows())]
}
