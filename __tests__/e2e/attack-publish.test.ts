import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { finishPullRequest } from '../support/pull-request-outcome.js'
import { readReferenceDay, SEED_DAY } from '../support/reference-day.js'
import { everythingShown, runAction, type ActionRun } from '../support/run-action.js'
import { workspaceBesideOutside } from '../support/workspace.js'

/**
 * Attacks on the publish stage, replayed against the bundled action (dist/index.js; `npm run bundle`
 * first): links in the checked-out repository, a GitHub that cannot be reached, announces hour-long
 * waits or echoes the token, and a repository that refuses pull requests. A GitHub that hangs or
 * trickles is met at its 20 s and 40 s limits on simulated time in publish/github-limits.test.ts.
 */
const POST = '_posts/2025-12-24-daily-papers-2025-12-24.md'
const WORK = 'daily-papers/2025-12-24'
const TOKEN = 'ghs_AttackE2eToken0123456789abcdefABCDEF'
const INPUTS = { date: '2025-12-24', language: 'ko', timezone: 'Asia/Seoul', 'post-time': '09:15' }

let hf: HfServer
beforeAll(async () => {
  hf = await startHfServer({ days: new Map([[SEED_DAY, (await readReferenceDay()).items]]) })
})
afterAll(() => hf.close())

/** Runs the action against a stand-in prepared by `prepare`, then closes it. */
async function againstGitHub(
  options: GitHubServerOptions,
  prepare: (server: GitHubServer) => void,
  inputs: Record<string, string> = {},
): Promise<{ run: ActionRun; server: GitHubServer }> {
  const server = await startGitHubServer({ tokens: { [TOKEN]: 'write' }, ...options })
  try {
    prepare(server)
    const run = await runAction({
      inputs: { ...INPUTS, 'hf-api-url': hf.url, ...inputs },
      env: server.runnerEnv,
      githubToken: TOKEN,
    })
    return { run, server }
  } finally {
    await server.close()
  }
}

/** No part of the token anywhere the action writes to. */
function expectNoToken(run: ActionRun): void {
  const everything = everythingShown(run)
  expect(everything).not.toContain(TOKEN.slice(0, 12))
  expect(everything).not.toContain(TOKEN.slice(-12))
}

describe('files mode in a repository with hostile links', () => {
  it.each([
    ['_posts links out', '_posts', {}],
    ['the data folder’s parent links out', '_data', { 'data-dir': '_data/papers' }],
  ])('refuses when %s, naming the link and its target, and writes nothing', async (_, linkName, extra) => {
    const { workspace, outside } = await workspaceBesideOutside('attack-publish-')
    await symlink(outside, join(workspace, linkName))
    const run = await runAction({
      inputs: { ...INPUTS, mode: 'files', 'hf-api-url': hf.url, ...extra },
      workspace,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::Refusing to write "${linkName === '_posts' ? POST : '_data/papers/daily-2025-12-24.json'}": the folder "${linkName}" is a symbolic link to ${JSON.stringify(outside)}, outside the workspace`,
    )
    expect(await readdir(outside)).toEqual([])
    expect(await readdir(workspace)).toEqual([linkName])
  })

  it('never writes through a post that is a link to a file outside', async () => {
    const { workspace, outside } = await workspaceBesideOutside('attack-publish-')
    await writeFile(join(outside, 'authorized_keys'), 'precious\n')
    await mkdir(join(workspace, '_posts'))
    await symlink(join(outside, 'authorized_keys'), join(workspace, POST))
    const run = await runAction({ inputs: { ...INPUTS, mode: 'files', 'hf-api-url': hf.url }, workspace })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `"${POST}" is a symbolic link (to ${JSON.stringify(join(outside, 'authorized_keys'))})`,
    )
    expect(await readFile(join(outside, 'authorized_keys'), 'utf8')).toBe('precious\n')
  })
})

describe('announced waits and echoed tokens', () => {
  const inAnHour = () => String(Math.floor(Date.now() / 1000) + 3600)

  it.each([
    [
      'a used-up rate limit',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour() },
      /GitHub's rate limit is reached: GitHub asks to wait 3[56]\d\d s, until \S+Z, and the action waits at most 60 s/,
    ],
    [
      'a secondary rate limit',
      { 'retry-after': '3600' },
      /GitHub's secondary rate limit is reached: GitHub asks to wait 3600 s/,
    ],
  ])(
    'fails at once on %s announcing an hour, quoting GitHub without the token',
    async (kind, headers, said) => {
      const message =
        kind === 'a secondary rate limit'
          ? 'You have exceeded a secondary rate limit for token {token}.'
          : 'API rate limit exceeded for token {token}.'
      const { run, server } = await againstGitHub({ echoToken: true }, (server) =>
        server.failNext({ status: 403, headers, body: { message } }),
      )
      expect(run.exitCode).toBe(1)
      expect(run.durationMs).toBeLessThan(20_000)
      expect(run.stdout).toMatch(said)
      expect(run.stdout).toContain('for token ***.')
      expect(server.requests).toHaveLength(1)
      expectNoToken(run)
    },
  )

  it('quotes 500 bodies and GraphQL errors that echo the token without it', async () => {
    const failing = await againstGitHub({ echoToken: true }, (server) => {
      for (let attempt = 0; attempt < 3; attempt++)
        // `retry-after: 0`: the retries go at once (their backoff is the unit tests' to time, with a fake clock).
        server.failNext({
          status: 500,
          headers: { 'retry-after': '0' },
          body: { message: `internal error, token {token}\n::add-mask::x` },
        })
    })
    expect(failing.run.exitCode).toBe(1)
    expect(failing.run.stdout).toContain('(GitHub: "internal error, token ***\\n::add-mask::x")')
    expectNoToken(failing.run)

    const readOnly = await againstGitHub({ echoToken: true, tokens: { [TOKEN]: 'read' } }, () => undefined)
    expect(readOnly.run.exitCode).toBe(1)
    expect(readOnly.run.stdout).toContain('Resource not accessible by integration (token ***)')
    expectNoToken(readOnly.run)
  })
})

describe('pull-request mode', () => {
  it('explains the repository setting when GitHub refuses the pull request, and names the work branch', async () => {
    const { run, server } = await againstGitHub({ actionsMayCreatePullRequests: false }, () => undefined, {
      mode: 'pull-request',
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::GitHub refused to open the pull request from ${WORK} into main (GitHub: "GitHub Actions is not permitted to create or approve pull requests.").`,
    )
    expect(run.stdout).toContain('"Allow GitHub Actions to create and approve pull requests"')
    expect(run.stdout).toContain(`The post is committed on the branch ${WORK}`)
    expect(run.stdout).not.toMatch(/permissions: contents|pull-requests: write/)
    expect(server.pullRequests).toEqual([])
  })

  it('keeps a person’s fix on the work branch under overwrite: never', async () => {
    const server = await startGitHubServer({ tokens: { [TOKEN]: 'write' } })
    try {
      const inputs = { ...INPUTS, mode: 'pull-request', overwrite: 'never', 'hf-api-url': hf.url }
      const first = await runAction({ inputs, env: server.runnerEnv, githubToken: TOKEN })
      expect(first.exitCode).toBe(0)
      await server.git.commit(WORK, { [POST]: 'fixed by hand\n' }, 'Fix by hand')
      const again = await runAction({
        inputs: { ...inputs, language: 'en' },
        env: server.runnerEnv,
        githubToken: TOKEN,
      })
      expect(again.exitCode).toBe(0)
      expect(await server.git.readFile(WORK, POST)).toBe('fixed by hand\n')
      expect(again.stdout).toContain(`${POST}: differs on ${WORK}, left as it is (overwrite: never)`)
      // Said as it is: the post was kept because it differs, not because it is unchanged.
      expect(again.stdout).toContain('Nothing written: the post exists and differs; overwrite is "never".')
      expect(server.pullRequests).toHaveLength(1)
    } finally {
      await server.close()
    }
  })

  it.each([
    ['merged', 'merge'],
    ['closed without merging', 'close'],
  ] as const)(
    'fails on a work branch whose pull request was %s, and writes nothing',
    async (said, outcome) => {
      const server = await startGitHubServer({ tokens: { [TOKEN]: 'write' } })
      const refs = () => server.git.git(['for-each-ref', '--format=%(refname) %(objectname)'])
      try {
        const inputs = { ...INPUTS, mode: 'pull-request', 'hf-api-url': hf.url }
        const first = await runAction({ inputs, env: server.runnerEnv, githubToken: TOKEN })
        expect(first.exitCode).toBe(0)
        const url = first.outputs['pull-request-url']
        await finishPullRequest(server, url, outcome)
        // The merged post fixed by hand since: a pull request from the old branch would revert the fix.
        if (outcome === 'merge') await server.git.commit('main', { [POST]: 'fixed by hand\n' }, 'Fix by hand')
        const before = await refs()
        const again = await runAction({ inputs, env: server.runnerEnv, githubToken: TOKEN })
        expect(again.exitCode).toBe(1)
        expect(again.stdout.match(/^::error::.*$/gm)).toEqual([
          expect.stringContaining(
            `::error::Pull-request mode: the work branch "${WORK}" belongs to the pull request ${url}, which was ${said}; `,
          ),
        ])
        expect(again.stdout).toContain(`delete the branch (the pull request's "Delete branch" button`)
        expect(await refs()).toBe(before)
        expect(server.pullRequests).toHaveLength(1)
      } finally {
        await server.close()
      }
    },
  )
})
