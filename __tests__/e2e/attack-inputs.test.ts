import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { everythingShown, runAction, type ActionRun, type ActionRunOptions } from '../support/run-action.js'
import { readReferenceDay, SEED_DAY } from '../support/reference-day.js'
import { runnerCommands } from '../support/runner-commands.js'

/**
 * Hostile inputs, answers and runner environments, replayed against the bundled action (and CLI) as
 * an attacker would: no workflow command comes out of data, no token or piece of one is printed, bad
 * inputs and variables are refused with their names. `npm run bundle` first when src/ changed.
 */
const GITHUB_TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
const HF_TOKEN = 'hf_QmW7v4ZpXo2LrT9sNcYb8KdJ3eFgHu6AiE'

let seedDay: unknown[]
let hf: HfServer
let github: GitHubServer

beforeAll(async () => {
  seedDay = (await readReferenceDay()).items
  hf = await startHfServer({ days: new Map([[SEED_DAY, seedDay]]) })
  github = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' } })
})
afterAll(async () => {
  await Promise.all([hf.close(), github.close()])
})

/** Any 8 consecutive characters of `token` in `text`. */
function pieceOf(token: string, text: string): string | undefined {
  for (let start = 0; start + 8 <= token.length; start++) {
    if (text.includes(token.slice(start, start + 8))) return token.slice(start, start + 8)
  }
  return undefined
}

/** Runs the action with `inputs` against the Hugging Face stand-in: it must fail, having asked it nothing. */
async function runRefused(
  inputs: Record<string, string>,
  options: Omit<ActionRunOptions, 'inputs'> = {},
): Promise<ActionRun> {
  hf.requests.length = 0
  const run = await runAction({ inputs: { ...inputs, 'hf-api-url': hf.url }, ...options })
  expect(run.exitCode).toBe(1)
  expect(hf.requests).toEqual([])
  return run
}

describe('hostile inputs', () => {
  it('print no workflow command through posts-dir, filename or title, and are refused by name', async () => {
    const run = await runRefused({
      date: '2025-12-24',
      mode: 'dry-run',
      'posts-dir': '_posts\n::add-mask::posts',
      filename: '{date}\r::stop-commands::resume.md',
      title: 'Papers\u2028::warning::fake ##[add-mask]title',
      author: 'me\u202e',
    })
    expect(runnerCommands(run.stdout)).toEqual(['error'])
    for (const name of ['posts-dir', 'filename', 'title', 'author']) {
      expect(run.stdout).toMatch(new RegExp(`Input "${name}": has a control character \\(U\\+[0-9A-F]{4}\\)`))
    }
  })

  it('refuse .git, octo/.., ..yml and a range whose posts would share a file, all at once', async () => {
    const run = await runRefused(
      {
        date: '2025-12-01..2025-12-24',
        filename: '{month}-papers.md',
        'posts-dir': '.git/hooks',
        repository: 'octo/..',
        'dispatch-workflow': '..yml',
      },
      { env: github.runnerEnv, githubToken: GITHUB_TOKEN },
    )
    const [error] = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(decodeURIComponent(error ?? '').split('\n')).toEqual([
      expect.stringMatching(
        /^::error::Input "repository": "octo\/\.\." is not a repository; use owner\/name: /,
      ),
      expect.stringMatching(/^Input "posts-dir": "\.git\/hooks" must be a folder below the repository root/),
      expect.stringMatching(/^Input "dispatch-workflow": "\.\.yml" is not a workflow file/),
      'Input "filename": "{month}-papers.md" gives the posts of 2025-12-01 and 2025-12-02 the same file, "2025-12-papers.md", so one would replace the other; put {date} in it for a range of days, e.g. {date}-daily-papers-{date}.md',
    ])
    expect(github.requests).toEqual([])
  })

  it.each([
    [
      { filename: 'papers-{date}.md' },
      '"filename": "papers-{date}.md" makes "papers-2025-12-24.md", a file Jekyll',
    ],
    [{ 'posts-dir': '_Posts' }, '"posts-dir": "_Posts" is not a folder Jekyll reads posts from'],
    [
      { 'posts-dir': '_drafts/_posts' },
      '"posts-dir": "_drafts/_posts" is inside "_drafts", a folder Jekyll skips',
    ],
    [{ filename: 'daily-papers.md' }, '"filename": "daily-papers.md" names no day ({date})'],
    [
      { digest: 'weekly', filename: '{date}-papers.md' },
      '"filename": "{date}-papers.md" names no week ({week})',
    ],
    [
      { digest: 'monthly', filename: '{date}-p-{week}.md' },
      '"filename": "{date}-p-{week}.md" names no month',
    ],
  ])('refuse names Jekyll would not publish or two posts would share: %j', async (inputs, message) => {
    github.requests.length = 0
    const run = await runRefused(
      { date: '2025-12-24', ...inputs },
      { env: github.runnerEnv, githubToken: GITHUB_TOKEN },
    )
    expect(run.stdout).toContain(`::error::Input ${message}`)
    expect(github.requests).toEqual([])
  })

  it('refuse a token with a line break without quoting any of it', async () => {
    const token = `${HF_TOKEN.slice(0, 18)}\n${HF_TOKEN.slice(18)}`
    const run = await runAction({
      inputs: { date: '2025-12-24', mode: 'dry-run', 'hf-token': token, 'hf-api-url': hf.url },
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      'Input "hf-token": contains a character that cannot be sent in an HTTP header',
    )
    expect(pieceOf(HF_TOKEN, everythingShown(run))).toBeUndefined()
  })
})

describe('hostile papers', () => {
  it('print no workflow command when the dry run shows their post and data in the log', async () => {
    const [seedItem] = seedDay as Array<{ paper: Record<string, unknown> }>
    const command = '\n::add-mask::x\r::stop-commands::y\u2028::error::z ##[set-output name=a]b'
    const hostile = {
      ...seedItem,
      paper: {
        ...seedItem?.paper,
        title: `Title${command}`,
        summary: `Abstract${command}`,
        ai_summary: `Summary${command}`,
        ai_keywords: [`keyword${command}`],
        organization: { name: 'org', fullname: `Org${command}` },
      },
    }
    const server = await startHfServer({ days: new Map([['2025-12-24', [hostile]]]) })
    try {
      const run = await runAction({
        inputs: {
          date: '2025-12-24',
          mode: 'dry-run',
          fields: 'organization, ai-summary, keywords, abstract',
          'data-dir': '_data/papers',
          'hf-api-url': server.url,
        },
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain('Title')
      expect(new Set(runnerCommands(run.stdout))).toEqual(new Set(['group', 'endgroup']))
    } finally {
      await server.close()
    }
  })
})

describe('answers that echo a token', () => {
  it('never show the GitHub token a refusal quotes, in the log, summary or outputs', async () => {
    github.failNext({
      status: 403,
      body: { message: `Resource not accessible by integration (token ${GITHUB_TOKEN})` },
    })
    const run = await runAction({
      inputs: { date: '2025-12-24', 'hf-api-url': hf.url },
      env: github.runnerEnv,
      githubToken: GITHUB_TOKEN,
    })
    expect(run.exitCode).toBe(1)
    expect(pieceOf(GITHUB_TOKEN, everythingShown(run))).toBeUndefined()
    expect(run.stdout).toContain('Resource not accessible by integration (token ***)')
    expect(run.stdout.startsWith(`::add-mask::${GITHUB_TOKEN}\n`)).toBe(true)
  })

  it('never show the half of the Hugging Face token that a quote limit leaves', async () => {
    // The token straddles the 200 characters Hugging Face's answers are quoted to.
    const message = `Invalid credentials in Authorization header ${'.'.repeat(140)} ${HF_TOKEN} rejected`
    expect(message.indexOf(HF_TOKEN)).toBeLessThan(200)
    expect(message.indexOf(HF_TOKEN) + HF_TOKEN.length).toBeGreaterThan(200)
    hf.inject({ status: 401, body: { error: message } })
    const run = await runAction({
      inputs: { date: '2025-12-24', mode: 'dry-run', 'hf-token': HF_TOKEN, 'hf-api-url': hf.url },
    })
    expect(run.exitCode).toBe(1)
    expect(pieceOf(HF_TOKEN, everythingShown(run))).toBeUndefined()
    expect(run.stdout).toMatch(
      /Hugging Face answered 401 Unauthorized: "Invalid credentials in Authorization header \.+ \*\*\*/,
    )
  })
})

describe('the runner’s environment', () => {
  it('refuses a GITHUB_API_URL that is no URL, even in dry-run, without a stack trace', async () => {
    const run = await runAction({
      inputs: { date: '2025-12-24', mode: 'dry-run', 'hf-api-url': hf.url },
      env: { GITHUB_API_URL: 'api.github.com', GITHUB_REPOSITORY: 'octo/../x' },
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      'Environment variable GITHUB_API_URL: "api.github.com" is not an http(s) URL',
    )
    expect(run.stdout).toContain('Environment variable GITHUB_REPOSITORY: "octo/../x" is not a repository')
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /)
  })

  it('warns, and succeeds, when the outputs and summary cannot be written after the commit', async () => {
    const run = await runAction({
      inputs: { date: '2025-12-24', 'hf-api-url': hf.url },
      env: { ...github.runnerEnv, GITHUB_OUTPUT: '/dev/full', GITHUB_STEP_SUMMARY: '/dev/full' },
      githubToken: GITHUB_TOKEN,
    })
    expect(run.exitCode).toBe(0)
    expect(await github.git.readFile('main', '_posts/2025-12-24-daily-papers-2025-12-24.md')).toContain(
      "categories: ['Daily-Papers']",
    )
    expect(run.stdout).toContain(
      "::warning::Could not write the step's outputs to /dev/full (GITHUB_OUTPUT): ENOSPC: no space left on device",
    )
    expect(run.stdout).toContain(
      '::warning::Could not write the job summary to /dev/full (GITHUB_STEP_SUMMARY): ENOSPC: no space left on device',
    )
    expect(runnerCommands(run.stdout)).not.toContain('error')
  })
})

describe('the bundled CLI', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ['dist/cli.js', ...args],
        { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      )
    })

  it('asks for GITHUB_TOKEN in commit mode without one, not for a workflow expression', async () => {
    const run = await cli(['--mode', 'commit', '--repository', 'octo/blog', '--date', '2025-12-24'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('set GITHUB_TOKEN (or pass --token)')
    expect(run.stderr).not.toContain('${{')
  })

  it('never prints a piece of HF_TOKEN that an answer echoes', async () => {
    hf.inject({ status: 401, body: { error: `bad token ${'.'.repeat(175)} ${HF_TOKEN}` } })
    const out = await mkdtemp(join(tmpdir(), 'cli-'))
    const run = await cli(['--date', '2025-12-24', '--hf-api-url', hf.url, '--out', out], { HF_TOKEN })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Hugging Face answered 401')
    expect(pieceOf(HF_TOKEN, `${run.stdout}${run.stderr}`)).toBeUndefined()
  })
})

describe('paths that cannot all be written', () => {
  it('refuses a data-dir that is the post itself, and commits nothing', async () => {
    const server = await startGitHubServer()
    try {
      const post = `_posts/${SEED_DAY}-daily-papers-${SEED_DAY}.md`
      const run = await runAction({
        inputs: { date: SEED_DAY, 'data-dir': post, 'refresh-days': '0', 'hf-api-url': hf.url },
        env: server.runnerEnv,
        githubToken: 'write-token',
      })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        `::error::Nothing written: "${post}" would be both a file the run writes and the folder of "${post}/daily-${SEED_DAY}.json": give data-dir, posts-dir and filename paths apart`,
      )
      expect(await server.git.log('main')).toEqual(['Initial commit'])
    } finally {
      await server.close()
    }
  })
})
