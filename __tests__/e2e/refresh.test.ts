import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { loadFixtureDays, startHfServer, type HfServer } from '../support/hf-server.js'
import { runAction, type ActionRun } from '../support/run-action.js'

/**
 * refresh-days through the bundled action (dist/index.js; `npm run bundle` first): posts written from
 * a day's early list are rewritten from its settled list, in the same commit as the new day's post,
 * unless a person changed them since.
 */
const DAY = '2025-11-20'
const EARLIER = ['2025-11-17', '2025-11-18', '2025-11-19'] as const
/** The record of what the action wrote, a file per post's day. */
const record = (day: string) => `.hf-daily-papers/posts/${day}.json`
const post = (day: string) => `_posts/${day}-daily-papers-${day}.md`

type Item = { paper: { id: string; upvotes: number } }
let settled: Map<string, Item[]>
/** The list Hugging Face serves, by day; the tests switch it from early to settled. */
const listed = new Map<string, unknown[]>()
let hf: HfServer
let github: GitHubServer | undefined

/**
 * A day's list a few hours in: its five most upvoted papers of the settled list only, with few
 * upvotes, in the reverse order.
 */
function early(items: Item[]): Item[] {
  const top = [...items].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 5)
  return top.map((item, index) => ({ ...item, paper: { ...item.paper, upvotes: index + 1 } }))
}

function serve(which: 'early' | 'settled'): void {
  listed.clear()
  for (const day of EARLIER) {
    const items = settled.get(day) as Item[]
    listed.set(day, which === 'early' ? early(items) : items)
  }
  if (which === 'settled') listed.set(DAY, settled.get(DAY) as Item[])
}

beforeAll(async () => {
  settled = (await loadFixtureDays()) as Map<string, Item[]>
  hf = await startHfServer({ days: listed })
})
afterEach(async () => {
  await github?.close()
  github = undefined
})
afterAll(() => hf.close())

async function commitRun(
  inputs: Record<string, string>,
  server = github as GitHubServer,
): Promise<ActionRun> {
  const run = await runAction({
    inputs: { 'hf-api-url': hf.url, 'refresh-days': '3', ...inputs },
    env: server.runnerEnv,
    githubToken: 'write-token',
  })
  expect(run.stderr).toBe('')
  expect(run.exitCode).toBe(0)
  return run
}

/** The files the branch's last commit changed. */
async function lastCommitFiles(server: GitHubServer): Promise<string[]> {
  const names = await server.git.git(['diff-tree', '--no-commit-id', '--name-only', '-r', 'refs/heads/main'])
  return names.split('\n').filter(Boolean).sort()
}

let settledRendered: Promise<Map<string, string>> | undefined
/** The posts as the action renders them from the settled lists on a blank workspace, rendered once. */
function settledPosts(): Promise<Map<string, string>> {
  settledRendered ??= renderSettledPosts()
  return settledRendered
}

async function renderSettledPosts(): Promise<Map<string, string>> {
  serve('settled')
  const workspace = await mkdtemp(join(tmpdir(), 'refresh-settled-'))
  const run = await runAction({
    inputs: {
      date: `${EARLIER[0]}..${DAY}`,
      mode: 'files',
      'refresh-days': '0',
      'hf-api-url': hf.url,
    },
    workspace,
  })
  expect(run.exitCode).toBe(0)
  const days = [...EARLIER, DAY]
  return new Map(
    await Promise.all(
      days.map(async (day) => [day, await readFile(join(workspace, post(day)), 'utf8')] as const),
    ),
  )
}

/** `2025-11-17: 18 papers added, order changed, upvotes updated`, from the lists themselves. */
function reasons(day: string): string {
  const added = (settled.get(day) as Item[]).length - 5
  return `${added} papers added, order changed, upvotes updated`
}

describe('refresh-days in commit mode', () => {
  /** The blog after a run of the earlier days from their early lists: each test starts from a copy. */
  let earlyBlog: GitHubServer
  beforeAll(async () => {
    earlyBlog = await startGitHubServer()
    serve('early')
    await commitRun({ date: `${EARLIER[0]}..${EARLIER[2]}` }, earlyBlog)
  })
  afterAll(() => earlyBlog.close())

  it('rewrites the earlier posts in the commit of the new day, then commits nothing on a re-run', async () => {
    const expected = await settledPosts()
    github = await startGitHubServer({ copyOf: earlyBlog.git })
    const early = await Promise.all(EARLIER.map((day) => github!.git.readFile('main', post(day))))
    expect(early.map((content) => new Set(content?.match(/huggingface\.co\/papers\/[\d.]+/g)).size)).toEqual([
      5, 5, 5,
    ])

    serve('settled')
    hf.requests.length = 0
    github.requests.length = 0
    const run = await commitRun({ date: DAY })
    expect(await github.git.log('main')).toHaveLength(3)
    expect(await lastCommitFiles(github)).toEqual(
      [...[...EARLIER, DAY].map(record), ...[...EARLIER, DAY].map(post)].sort(),
    )
    for (const day of [...EARLIER, DAY]) {
      expect(await github.git.readFile('main', post(day))).toBe(expected.get(day))
    }
    expect(
      hf.requests.map((request) => new URL(request.url, hf.url).searchParams.get('date')).sort(),
    ).toEqual([...EARLIER, DAY])
    // Two requests: the branch with its record files, then the commit.
    expect(github.requests.map((request) => request.operation)).toEqual([
      'ReadBranch',
      'CreateCommitOnBranch',
    ])
    for (const day of EARLIER) {
      expect(run.stdout).toContain(`Refreshed ${day} (${post(day)}): ${reasons(day)}`)
      expect(run.summary).toContain(`<li>${day} <code>${post(day)}</code>: ${reasons(day)}</li>`)
    }
    expect(run.outputs).toMatchObject({ posts: JSON.stringify([post(DAY)]), skipped: 'false' })

    // The record holds what was written, so that tomorrow's run can refresh today's post too.
    for (const day of [...EARLIER, DAY]) {
      const entries = JSON.parse((await github.git.readFile('main', record(day))) ?? '') as {
        posts: Record<string, unknown>
      }
      expect(Object.keys(entries.posts)).toEqual([post(day)])
    }
    const today = JSON.parse((await github.git.readFile('main', record(DAY))) ?? '') as {
      posts: Record<string, { blob: string; papers: Array<[string, number]> }>
    }
    const blob = await github.git.git(['rev-parse', `refs/heads/main:${post(DAY)}`])
    expect(today.posts[post(DAY)]?.blob).toBe(blob.trim())
    expect(today.posts[post(DAY)]?.papers.map(([, upvotes]) => upvotes)).toEqual(
      (settled.get(DAY) as Item[]).map((item) => item.paper.upvotes).sort((a, b) => b - a),
    )

    github.requests.length = 0
    const again = await commitRun({ date: DAY })
    expect(await github.git.log('main')).toHaveLength(3)
    expect(github.requests.map((request) => request.operation)).toEqual(['ReadBranch'])
    expect(again.outputs).toMatchObject({ posts: '[]', 'commit-sha': '', skipped: 'true' })
    expect(again.stdout).toContain(
      `Ranking unchanged since the action wrote them, not rewritten: ${EARLIER.join(', ')}`,
    )
  })

  it("keeps a person's edit byte for byte and says so", async () => {
    github = await startGitHubServer({ copyOf: earlyBlog.git })
    const edited = `${await github.git.readFile('main', post(EARLIER[1]))}\nA note of my own.\n`
    await github.git.commit('main', { [post(EARLIER[1])]: edited }, 'Add a note')
    const recordBefore = await github.git.readFile('main', record(EARLIER[1]))

    serve('settled')
    const run = await commitRun({ date: DAY })
    expect(await github.git.log('main')).toHaveLength(4)
    expect(await lastCommitFiles(github)).toEqual(
      [EARLIER[0], EARLIER[2], DAY].flatMap((day) => [record(day), post(day)]).sort(),
    )
    expect(await github.git.readFile('main', post(EARLIER[1]))).toBe(edited)
    const notice = `::notice::${EARLIER[1]}: ${post(EARLIER[1])} changed since the action wrote it, left as it is`
    expect(run.stdout).toContain(notice)
    expect(run.summary).toContain(
      `<li>${EARLIER[1]} <code>${post(EARLIER[1])}</code>: changed since the action wrote it, left as it is</li>`,
    )
    // The edited post keeps its old entry: the record says what the action wrote, not what is there.
    const entry = (text: string | undefined) =>
      (JSON.parse(text ?? '') as { posts: Record<string, unknown> }).posts[post(EARLIER[1])]
    expect(entry(await github.git.readFile('main', record(EARLIER[1])))).toEqual(entry(recordBefore))

    const again = await commitRun({ date: DAY })
    expect(await github.git.log('main')).toHaveLength(4)
    expect(again.stdout).toContain(notice)
  })

  it('in pull-request mode, leaves the earlier posts an open pull request refreshes to it', async () => {
    github = await startGitHubServer({ copyOf: earlyBlog.git })
    serve('settled')
    const NEXT = '2025-11-21'
    listed.set(NEXT, settled.get(NEXT) as Item[])
    const first = await commitRun({ date: DAY, mode: 'pull-request' })
    const next = await commitRun({ date: NEXT, mode: 'pull-request' })
    expect(github.pullRequests.map(({ headRefName, state }) => [headRefName, state])).toEqual([
      [`daily-papers/${DAY}`, 'OPEN'],
      [`daily-papers/${NEXT}`, 'OPEN'],
    ])
    const changedBy = async (day: string) =>
      (await github!.git.git(['diff', '--name-only', `main...daily-papers/${day}`]))
        .split('\n')
        .filter(Boolean)
    expect(await changedBy(DAY)).toEqual([...EARLIER, DAY].flatMap((day) => [record(day), post(day)]).sort())
    // The day before NEXT is in the first pull request, not yet on main: nothing of it to refresh.
    expect(await changedBy(NEXT)).toEqual([record(NEXT), post(NEXT)])
    for (const day of EARLIER.slice(1)) {
      expect(next.stdout).toContain(
        `${day}: ${post(day)} is changed by the open pull request ${first.outputs['pull-request-url']} too, so it is left to it`,
      )
      expect(next.summary).toContain(
        `<li>${day} <code>${post(day)}</code>: another open pull request changes it too, left to it</li>`,
      )
    }
  })

  it('leaves earlier posts alone under overwrite: never, and fetches no earlier day', async () => {
    github = await startGitHubServer({ copyOf: earlyBlog.git })
    const before = await Promise.all(EARLIER.map((day) => github!.git.readFile('main', post(day))))

    serve('settled')
    hf.requests.length = 0
    const run = await commitRun({ date: DAY, overwrite: 'never' })
    expect(hf.requests.map((request) => new URL(request.url, hf.url).searchParams.get('date'))).toEqual([DAY])
    expect(await lastCommitFiles(github)).toEqual([record(DAY), post(DAY)])
    expect(await Promise.all(EARLIER.map((day) => github!.git.readFile('main', post(day))))).toEqual(before)
    expect(run.stdout).toContain('overwrite is "never": earlier posts are left as they are (refresh-days)')
  })
})

describe('refresh-days in files mode', () => {
  it('rewrites unedited posts in the workspace, keeps an edited one and does not bring back a deleted one', async () => {
    const expected = await settledPosts()
    const workspace = await mkdtemp(join(tmpdir(), 'refresh-files-'))
    const filesRun = async (date: string) => {
      const run = await runAction({
        inputs: { date, mode: 'files', 'refresh-days': '3', 'hf-api-url': hf.url },
        workspace,
      })
      expect(run.exitCode).toBe(0)
      return run
    }
    const read = (day: string) => readFile(join(workspace, post(day)), 'utf8').catch(() => undefined)
    serve('early')
    await filesRun(`${EARLIER[0]}..${EARLIER[2]}`)
    const edited = `${await read(EARLIER[1])}\nA note of my own.\n`
    await writeFile(join(workspace, post(EARLIER[1])), edited)
    await rm(join(workspace, post(EARLIER[2])))

    serve('settled')
    const run = await filesRun(DAY)
    expect(await read(EARLIER[0])).toBe(expected.get(EARLIER[0]))
    expect(await read(EARLIER[1])).toBe(edited)
    expect(await read(EARLIER[2])).toBeUndefined()
    expect(await read(DAY)).toBe(expected.get(DAY))
    expect(run.stdout).toContain(`Refreshed ${EARLIER[0]} (${post(EARLIER[0])}): ${reasons(EARLIER[0])}`)
    expect(run.stdout).toContain(
      `::notice::${EARLIER[1]}: ${post(EARLIER[1])} changed since the action wrote it, left as it is`,
    )
    expect(run.stdout).toContain(
      `::notice::${EARLIER[2]}: ${post(EARLIER[2])} was deleted since the action wrote it, not written again`,
    )

    const recorded = await readFile(join(workspace, record(EARLIER[0])), 'utf8')
    const again = await filesRun(DAY)
    expect(again.outputs).toMatchObject({ posts: '[]', skipped: 'true' })
    expect(await readFile(join(workspace, record(EARLIER[0])), 'utf8')).toBe(recorded)
  })
})
