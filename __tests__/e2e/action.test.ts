import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { REFERENCE_INPUTS, readReferenceDay, SEED_POST } from '../support/reference-day.js'
import { runAction } from '../support/run-action.js'

/**
 * The bundled action (dist/index.js, as committed) run the way a runner runs it, against local
 * stand-ins for Hugging Face and GitHub. `npm run bundle` first when src/ changed.
 */
const POST = SEED_POST

let seedPost: string
let seedDay: unknown[]
let hf: HfServer
let github: GitHubServer

beforeAll(async () => {
  const reference = await readReferenceDay()
  seedPost = reference.post
  seedDay = reference.items
  hf = await startHfServer({ days: new Map([['2025-12-24', seedDay]]) })
  github = await startGitHubServer({ owner: 'lim4349', repo: 'lim4349.github.io', defaultBranch: 'master' })
})
afterAll(async () => {
  await Promise.all([hf.close(), github.close()])
})

describe('the bundled action', () => {
  it('ends at once, failed and without a stack, when its stdout is closed (the runner gone)', async () => {
    const run = await runAction({
      inputs: { date: '2025-12-24', mode: 'dry-run', 'hf-api-url': hf.url },
      closeStdout: true,
    })
    // Before, each failed write was an uncaught error whose report failed again, for ever.
    expect({ exitCode: run.exitCode, signal: run.signal, stderr: run.stderr }).toEqual({
      exitCode: 1,
      signal: null,
      stderr: '',
    })
  })

  it('commits the reference post byte for byte, then makes no commit on an identical re-run', async () => {
    hf.requests.length = 0
    github.requests.length = 0
    const first = await runAction({
      inputs: { ...REFERENCE_INPUTS, 'hf-api-url': hf.url },
      env: github.runnerEnv,
      githubToken: 'write-token',
    })
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(await github.git.readFile('master', POST)).toBe(seedPost)
    expect(await github.git.log('master')).toEqual([
      'Add Hugging Face Daily Papers for 2025-12-24',
      'Initial commit',
    ])

    // The day first, then the 7 days before it (refresh-days), which have no posts here.
    expect(hf.requests[0]?.url).toBe('/api/daily_papers?date=2025-12-24&limit=100&p=0')
    expect(hf.requests.map((request) => request.url).sort()).toEqual(
      ['17', '18', '19', '20', '21', '22', '23', '24'].map(
        (day) => `/api/daily_papers?date=2025-12-${day}&limit=100&p=0`,
      ),
    )
    // The action's name and version: no address, as the action lives wherever its user installed it from.
    expect(hf.requests[0]?.headers['user-agent']).toBe('hf-daily-papers/2.0.0')
    // Two requests: the branch with the record of what the action wrote, read while Hugging Face answers,
    // then the commit, with the post.
    expect(github.requests.map((request) => request.operation)).toEqual([
      'ReadBranch',
      'CreateCommitOnBranch',
    ])

    const head = await github.git.head('master')
    expect(first.outputs).toEqual({
      posts: JSON.stringify([POST]),
      'post-path': POST,
      papers: '5',
      'commit-sha': head,
      'commit-url': `${github.apiUrl}/lim4349/lim4349.github.io/commit/${head}`,
      'pull-request-url': '',
      skipped: 'false',
    })
    expect(first.summary).toContain(
      `5 papers committed to <code>${POST}</code> in commit <a href="${github.apiUrl}`,
    )
    expect(first.summary).toContain(
      '<tr><td>1</td><td><a href="https://huggingface.co/papers/2512.20617">SpatialTree: How Spatial Abilities Branch Out in MLLMs</a></td><td>11</td><td>ByteDance Seed</td></tr>',
    )
    expect(first.stdout).toContain('::group::Fetch papers (2025-12-24; refresh 2025-12-17..2025-12-23)')
    expect(first.stdout).toContain('::group::Publish (commit)')
    // The runner takes the token as a secret first (it shows `::add-mask::***`); nothing else prints it.
    expect(first.stdout.startsWith('::add-mask::write-token\n')).toBe(true)
    expect(first.stdout.replace('::add-mask::write-token\n', '')).not.toContain('write-token')

    github.requests.length = 0
    const again = await runAction({
      inputs: { ...REFERENCE_INPUTS, 'hf-api-url': hf.url },
      env: github.runnerEnv,
      githubToken: 'write-token',
    })
    expect(again.exitCode).toBe(0)
    expect(github.requests.map((request) => request.operation)).toEqual(['ReadBranch'])
    expect(await github.git.log('master')).toHaveLength(2)
    expect(again.outputs).toMatchObject({ posts: '[]', 'commit-sha': '', skipped: 'true' })
    expect(again.summary).toContain('Nothing written: the post is unchanged.')
  })

  it('writes the reference post byte for byte into the workspace in files mode', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'workspace-'))
    const run = await runAction({
      inputs: { ...REFERENCE_INPUTS, mode: 'files', 'hf-api-url': hf.url },
      workspace,
    })
    expect(run.exitCode).toBe(0)
    expect(await readFile(join(workspace, POST), 'utf8')).toBe(seedPost)
    expect(run.outputs['post-path']).toBe(POST)
  })

  it('fetches over HTTPS and takes up HTTP/2 when Hugging Face offers it', async () => {
    const tls = resolve(process.cwd(), '__tests__/fixtures/tls')
    const [key, cert] = await Promise.all([
      readFile(join(tls, 'key.pem'), 'utf8'),
      readFile(join(tls, 'cert.pem'), 'utf8'),
    ])
    const secure = await startHfServer({ days: new Map([['2025-12-24', seedDay]]), tls: { key, cert } })
    try {
      const workspace = await mkdtemp(join(tmpdir(), 'workspace-'))
      const run = await runAction({
        inputs: { ...REFERENCE_INPUTS, mode: 'files', 'hf-api-url': secure.url },
        // The stand-in's self-signed certificate, trusted the way a runner trusts a company's own CA.
        env: { NODE_EXTRA_CA_CERTS: join(tls, 'cert.pem') },
        workspace,
      })
      expect(run.exitCode).toBe(0)
      expect(await readFile(join(workspace, POST), 'utf8')).toBe(seedPost)
      // The day and the 7 days before it (refresh-days).
      expect(secure.requests.map((request) => request.httpVersion)).toEqual(Array(8).fill('2.0'))
    } finally {
      await secure.close()
    }
  })

  it('fails on bad inputs, naming each, before any request', async () => {
    hf.requests.length = 0
    github.requests.length = 0
    const run = await runAction({
      inputs: { date: '2025-02-30', language: 'zh', 'posts-dir': '../elsewhere', 'hf-api-url': hf.url },
      env: github.runnerEnv,
      githubToken: 'write-token',
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Input "date": "2025-02-30" is not a date/)
    expect(run.stdout).toMatch(/Input "language": "zh" does not say which Chinese: use zh-CN .* or zh-TW/)
    expect(run.stdout).toMatch(
      /Input "posts-dir": "..\/elsewhere" must be a folder below the repository root/,
    )
    expect(hf.requests).toEqual([])
    expect(github.requests).toEqual([])
  })

  it('fails with the status and URL when Hugging Face refuses, and commits nothing', async () => {
    github.requests.length = 0
    hf.inject({ status: 404, body: { error: 'Not found' } })
    const run = await runAction({
      inputs: { ...REFERENCE_INPUTS, date: '2025-12-23', 'hf-api-url': hf.url },
      env: github.runnerEnv,
      githubToken: 'write-token',
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::GET ${hf.url}/api/daily_papers?date=2025-12-23&limit=100&p=0: Hugging Face answered 404 Not Found: "Not found"`,
    )
    // At most the record of what the action wrote was read, while Hugging Face was failing.
    expect(github.requests.filter((request) => request.operation !== 'ReadBranch')).toEqual([])
  })
})

describe('the bundled action, publishing options', () => {
  it('opens a pull request in pull-request mode and updates it on the next run', async () => {
    const server = await startGitHubServer({ owner: 'lim4349', repo: 'lim4349.github.io' })
    try {
      const env = server.runnerEnv
      const inputs = { ...REFERENCE_INPUTS, mode: 'pull-request', 'hf-api-url': hf.url }
      const first = await runAction({ inputs, env, githubToken: 'write-token' })
      expect(first.exitCode).toBe(0)
      expect(first.outputs['pull-request-url']).toBe(`${server.apiUrl}/lim4349/lim4349.github.io/pull/1`)
      expect(await server.git.readFile('daily-papers/2025-12-24', POST)).toBe(seedPost)
      expect(first.summary).toContain('pull request <a href=')

      const again = await runAction({
        inputs: { ...inputs, language: 'en' },
        env,
        githubToken: 'write-token',
      })
      expect(again.outputs).toMatchObject({
        'pull-request-url': first.outputs['pull-request-url'],
        skipped: 'false',
      })
      expect(server.pullRequests).toHaveLength(1)
      expect(await server.git.readFile('daily-papers/2025-12-24', POST)).toContain('papers were collected')
    } finally {
      await server.close()
    }
  })

  it('dispatches the deploy workflow after a commit and not after a skip', async () => {
    const server = await startGitHubServer({
      owner: 'lim4349',
      repo: 'lim4349.github.io',
      workflows: ['pages-deploy.yml'],
    })
    try {
      const env = server.runnerEnv
      const inputs = { ...REFERENCE_INPUTS, 'dispatch-workflow': 'pages-deploy.yml', 'hf-api-url': hf.url }
      expect((await runAction({ inputs, env, githubToken: 'write-token' })).exitCode).toBe(0)
      expect(server.dispatches).toEqual([{ workflow: 'pages-deploy.yml', ref: 'main' }])
      const skipped = await runAction({ inputs, env, githubToken: 'write-token' })
      expect(skipped.outputs.skipped).toBe('true')
      expect(server.dispatches).toHaveLength(1)
    } finally {
      await server.close()
    }
  })

  it('fails the run after the commit when the workflow to dispatch does not exist, outputs set', async () => {
    const server = await startGitHubServer({ owner: 'lim4349', repo: 'lim4349.github.io' })
    try {
      const inputs = { ...REFERENCE_INPUTS, 'dispatch-workflow': 'deploy.yml', 'hf-api-url': hf.url }
      const run = await runAction({ inputs, env: server.runnerEnv, githubToken: 'write-token' })
      expect(run.exitCode).toBe(1)
      expect(run.outputs['commit-sha']).toBe(await server.git.head('main'))
      expect(run.stdout).toContain(
        '::error::The post was committed, but dispatching deploy.yml failed: there is no workflow "deploy.yml" in .github/workflows on main: check the "dispatch-workflow" input. Then start the deploy by hand on main (Actions, Run workflow): a re-run finds the post written and starts nothing',
      )
      expect(server.dispatches).toEqual([])
    } finally {
      await server.close()
    }
  })
})

describe('the bundled action, backfill', () => {
  it('backfills across a month boundary with an empty weekend in one commit, then changes nothing', async () => {
    const fixtures = await startHfServer()
    const server = await startGitHubServer({ owner: 'octo', repo: 'blog' })
    try {
      const env = server.runnerEnv
      const inputs = {
        date: '2024-01-05..2024-01-08',
        'data-dir': '_data/papers',
        'hf-api-url': fixtures.url,
      }
      const first = await runAction({ inputs, env, githubToken: 'write-token' })
      expect(first.exitCode).toBe(0)
      const posts = ['2024-01-05', '2024-01-07', '2024-01-08'].map(
        (day) => `_posts/${day}-daily-papers-${day}.md`,
      )
      expect(JSON.parse(first.outputs.posts ?? '')).toEqual(posts)
      expect(await server.git.log('main')).toEqual([
        'Add Hugging Face Daily Papers for 2024-01-05..2024-01-08',
        'Initial commit',
      ])
      expect(
        await server.git.readFile('main', '_posts/2024-01-06-daily-papers-2024-01-06.md'),
      ).toBeUndefined()
      expect(
        JSON.parse((await server.git.readFile('main', '_data/papers/daily-2024-01-07.json')) ?? ''),
      ).toHaveLength(1)
      // The 4 days, then the 7 before them (refresh-days), none with a post of the action's: 11 days
      // from 2023-12-29, logged as each comes in.
      expect(first.stdout).toMatch(/\[11\/11\] (?:2023-12-(?:29|30|31)|2024-01-0\d): \d+ papers/)
      expect(first.summary).toContain('<tr><td>2024-01-06</td><td>0</td><td>no post</td></tr>')

      const again = await runAction({ inputs, env, githubToken: 'write-token' })
      expect(again.outputs.skipped).toBe('true')
      expect(await server.git.log('main')).toHaveLength(2)
    } finally {
      await Promise.all([fixtures.close(), server.close()])
    }
  })
})
