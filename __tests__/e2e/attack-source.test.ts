import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { everythingShown, runAction, type ActionRun } from '../support/run-action.js'
import { NON_PAPER_ANSWERS } from '../support/non-paper-answers.js'
import { readReferenceDay, SEED_DAY } from '../support/reference-day.js'

/**
 * Hostile Hugging Face answers against the bundled action (dist/index.js): each ends in a clear error
 * naming the URL and the limit, with nothing written and no piece of the hf-token printed. How long
 * these runs take and how much memory they peak at: npm run bench.
 */
const TOKEN = 'hf_AttackSourceToken0123456789abcdefXYZ'
const DAY = SEED_DAY
const MiB = 1024 * 1024

type Item = { paper: Record<string, unknown> }
let seedDay: Item[]
let hf: HfServer

beforeAll(async () => {
  seedDay = (await readReferenceDay()).items as Item[]
  hf = await startHfServer({ days: new Map([[DAY, seedDay]]) })
})
afterAll(() => hf.close())

interface Attack extends ActionRun {
  /** Files the run left in its workspace. */
  written: string[]
}

/**
 * Runs the action in files mode with the hf-token set. No refresh: the faults injected are for the day's
 * own request, and refreshed days would take them in turn.
 */
async function attack(inputs: Record<string, string> = {}, server = hf): Promise<Attack> {
  const workspace = await mkdtemp(join(tmpdir(), 'attack-workspace-'))
  const run = await runAction({
    inputs: {
      date: DAY,
      mode: 'files',
      'hf-api-url': server.url,
      'hf-token': TOKEN,
      'refresh-days': '0',
      ...inputs,
    },
    workspace,
  })
  return { ...run, written: await readdir(workspace, { recursive: true }) }
}

const pageUrl = (server: HfServer, page = 0, day = DAY) =>
  `GET ${server.url}/api/daily_papers?date=${day}&limit=100&p=${page}`

/** Every piece of the token of at least four characters that the run's log, summary or outputs show. */
function tokenPieces(run: ActionRun): string[] {
  const shown = everythingShown(run)
  const pieces = new Set<string>()
  for (let start = 0; start + 4 <= TOKEN.length; start++) {
    for (let end = start + 4; end <= TOKEN.length; end++) {
      if (shown.includes(TOKEN.slice(start, end))) pieces.add(TOKEN.slice(start, end))
    }
  }
  return [...pieces]
}

describe('an answer without end', () => {
  it.each([
    ['an endless answer', { flood: 'a', bytes: Infinity }],
    ['a 1 GB answer', { flood: '[{"paper":{"id":"1"}},', bytes: 1024 * MiB }],
    ['a 1 GB answer that announces its size', { flood: '[', bytes: 1024 * MiB, announce: true }],
  ])('%s stops at 8 MiB, naming the URL and the limit', async (_name, flood) => {
    hf.inject(flood)
    const run = await attack()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::${pageUrl(hf)}: Hugging Face sent more than 8 MiB, the limit for one day`,
    )
    expect(run.written).toEqual([])
  })

  it('a week of endless answers, two weeks asked at once, fails on the first with nothing written', async () => {
    // Its own stand-in: the requests not yet sent when the run fails leave their floods unused.
    const endless = await startHfServer({ days: new Map() })
    endless.inject({ flood: 'a', bytes: Infinity }, 7)
    try {
      const run = await attack({ date: '2025-12-18..2025-12-24' }, endless)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(
        /week=2025-W5[12]&limit=100&p=0: Hugging Face sent more than 32 MiB, the limit for week 2025-W5[12] \(all its pages/,
      )
      expect(run.written).toEqual([])
    } finally {
      await endless.close()
    }
  })
})

describe('pages without end', () => {
  it('stops after 10 full pages of new papers, naming the URL and the limit', async () => {
    const endless = await startHfServer({
      pages: (day, page, limit) =>
        Array.from({ length: limit }, (_, index) => {
          const item = structuredClone(seedDay[0]) as Item
          item.paper.id = `2512.${String(page * limit + index).padStart(5, '0')}`
          item.paper.submittedOnDailyAt = `${day}T00:00:00.000Z`
          return item
        }),
    })
    try {
      // The day's own pages only: the days before it would meet the same endless pages.
      const run = await attack({}, endless)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        `::error::${pageUrl(endless, 9)}: Hugging Face still sent a full page of new papers after 10 pages (1000 papers), the limit for one day`,
      )
      expect(endless.requests).toHaveLength(10)
      expect(run.written).toEqual([])
    } finally {
      await endless.close()
    }
  })
})

describe('answers that take time or stack to describe', () => {
  it('refuses JSON nested 100,000 deep, naming the URL and the limit', async () => {
    hf.inject({ status: 200, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` })
    const run = await attack()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::${pageUrl(hf)}: Hugging Face answered 200 with JSON nested deeper than 32 levels (a day of papers nests 6) where a JSON array of papers was expected`,
    )
    expect(run.stdout + run.stderr).not.toContain('Maximum call stack')
  })

  it('describes a 1.2 MB body of "<title " as not JSON', async () => {
    hf.inject({ status: 200, body: '<title '.repeat(175_000) })
    const run = await attack()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::${pageUrl(hf)}: Hugging Face answered 200 with a body that is not JSON: "<title <title `,
    )
  })
})

describe('the hf-token echoed in an answer', () => {
  const echo = (offset: number) => `${'x'.repeat(offset)}${TOKEN}${'y'.repeat(300)}`
  it.each([0, 150, 180, 190, 196, 197, 198, 199, 200, 201, 210])(
    'shows no piece of it when it starts at offset %i of a 200 JSON object, a 401 or an HTML title',
    async (offset) => {
      hf.inject({ status: 200, body: { echo: echo(offset) } })
      hf.inject({ status: 401, body: { error: echo(offset) } })
      hf.inject({ status: 200, body: `<html><title>${echo(offset)}</title></html>` })
      // Three runs at once, one fault each, whichever takes which: all three must hide the token.
      for (const run of await Promise.all([attack(), attack(), attack()])) {
        expect(run.exitCode).toBe(1)
        expect(run.stdout).toContain(`::error::${pageUrl(hf)}`)
        expect(tokenPieces(run)).toEqual([])
      }
    },
  )
})

describe('answers for another day', () => {
  it('leaves out a paper listed on another day, naming it and both days', async () => {
    const day = structuredClone(seedDay)
    day[0]!.paper.submittedOnDailyAt = '2025-12-22T00:00:00.000Z'
    hf.inject({ status: 200, body: day })
    const run = await attack()
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      `::warning::${DAY}: left out paper 2512.19526: Hugging Face lists it on 2025-12-22, not on ${DAY}`,
    )
    const post = await readFile(join(run.workspace, `_posts/${DAY}-daily-papers-${DAY}.md`), 'utf8')
    expect(post).not.toContain('2512.19526')
    expect(run.outputs.papers).toBe('4')
  })

  it.each([
    ['with', (item: Item) => item],
    ['without', ({ paper: { submittedOnDailyAt: _, ...paper } }: Item) => ({ paper })],
  ])('fails a range whose days all get the same list, %s submittedOnDailyAt', async (_name, stamp) => {
    const deaf = await startHfServer({ pages: (_day, page) => (page === 0 ? seedDay.map(stamp) : []) })
    try {
      // Two days: a request each (three days of a week are asked with week=).
      const run = await attack({ date: '2025-12-23..2025-12-24' }, deaf)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        `::error::${deaf.url}/api/daily_papers ignored date=: all 2 days from 2025-12-23 to 2025-12-24 listed the same 5 papers. Expected a different list each day, as Hugging Face sends; check hf-api-url.`,
      )
      expect(run.written).toEqual([])
    } finally {
      await deaf.close()
    }
  })

  it('fails a week whose answer lists none of its days', async () => {
    const deaf = await startHfServer({ pages: (_asked, page) => (page === 0 ? seedDay : []) })
    try {
      const run = await attack({ date: '2025-12-15..2025-12-17' }, deaf)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        `::error::GET ${deaf.url}/api/daily_papers?week=2025-W51&limit=100&p=0 listed 5 papers, none of them on a day of week 2025-W51 (2025-12-15 to 2025-12-21) by their submittedOnDailyAt: it ignored week=.`,
      )
      expect(run.written).toEqual([])
    } finally {
      await deaf.close()
    }
  })

  it("asks a week's days one by one when its answer has a paper without submittedOnDailyAt", async () => {
    const unstamped = seedDay.map(({ paper: { submittedOnDailyAt: _, ...paper } }: Item) => ({ paper }))
    const deaf = await startHfServer({ pages: (_asked, page) => (page === 0 ? unstamped : []) })
    try {
      const run = await attack({ date: '2025-12-22..2025-12-24' }, deaf)
      expect(run.stdout).toContain(
        "::warning::2025-W52: Hugging Face's answer for week 2025-W52 has papers without a submittedOnDailyAt to place them on their day; asking for its days one by one",
      )
      const [week, ...days] = deaf.requests.map((request) => new URL(request.url, deaf.url).search)
      expect([week, days.sort()]).toEqual([
        '?week=2025-W52&limit=100&p=0',
        ['22', '23', '24'].map((day) => `?date=2025-12-${day}&limit=100&p=0`),
      ])
      // The same list for every day: the range check still tells a deaf server.
      expect(run.stdout).toContain(`::error::${deaf.url}/api/daily_papers ignored date=: all 3 days`)
    } finally {
      await deaf.close()
    }
  })
})

describe('answers a server that ignores week= would send', () => {
  it("asks a week's days one by one when its answer misses a weekday its own answer lists, and so fails", async () => {
    // The seed day's list whatever is asked, as a server that ignores week= (and date=) sends it.
    const deaf = await startHfServer({ pages: (_asked, page) => (page === 0 ? seedDay : []) })
    try {
      const run = await attack({ date: DAY, digest: 'weekly' }, deaf)
      expect(run.stdout).toContain(
        "::warning::2025-W52: Hugging Face's answer for week 2025-W52 lists no paper on 2025-12-26, a weekday whose own answer (date=) lists some: it is not the whole week; asking for its days one by one",
      )
      expect(run.stdout).toContain(`::error::${deaf.url}/api/daily_papers ignored date=`)
      expect(run.exitCode).toBe(1)
      expect(run.written).toEqual([])
    } finally {
      await deaf.close()
    }
  })

  it("places a paper stamped without a zone on its UTC day, whatever the machine's zone", async () => {
    const zoneless = seedDay.map((item) => ({
      paper: { ...item.paper, submittedOnDailyAt: `${DAY}T00:00:00` },
    }))
    hf.inject({ status: 200, body: zoneless })
    const workspace = await mkdtemp(join(tmpdir(), 'attack-workspace-'))
    const run = await runAction({
      inputs: { date: DAY, mode: 'files', 'hf-api-url': hf.url, 'refresh-days': '0' },
      env: { TZ: 'Asia/Seoul' },
      workspace,
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.papers).toBe(String(seedDay.length))
    expect(run.stdout).not.toContain('left out paper')
  })
})

describe('answers that are not papers keep their messages', () => {
  it.each(NON_PAPER_ANSWERS)('%s', async (_name, fault, message) => {
    hf.inject(fault)
    const run = await attack()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::${pageUrl(hf)}${message} a JSON array of papers was expected`)
  })
})
