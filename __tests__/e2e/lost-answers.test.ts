import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { readReferenceDay, REFERENCE_INPUTS, SEED_DAY, SEED_POST } from '../support/reference-day.js'
import { runAction } from '../support/run-action.js'

/**
 * Mutations whose answer is lost after GitHub carried them out (a reset connection, a proxy's 502),
 * through the bundled action (dist/index.js; `npm run bundle` first): never sent again blindly, the
 * action reads back and recognises its own commit, branch and pull request, then reports and
 * dispatches as usual.
 */
const WORK = `daily-papers/${SEED_DAY}`

let hf: HfServer
let seedPost: string
beforeAll(async () => {
  const reference = await readReferenceDay()
  seedPost = reference.post
  hf = await startHfServer({ days: new Map([[SEED_DAY, reference.items]]) })
})
afterAll(() => hf.close())

async function withGitHub(work: (server: GitHubServer) => Promise<void>): Promise<void> {
  const server = await startGitHubServer({ workflows: ['pages-deploy.yml'] })
  try {
    await work(server)
  } finally {
    await server.close()
  }
}

describe('a commit whose answer is lost', () => {
  it.each([
    ['the connection is reset', 'reset' as const],
    ['a 502 comes instead', 502],
    ["a proxy's page comes with a 200", 200],
  ])('is recognised when %s: reported with its sha, deployed once, committed once', async (_, answer) => {
    await withGitHub(async (server) => {
      server.loseNextMutationAnswer({ operation: 'CreateCommitOnBranch', answer })
      const run = await runAction({
        inputs: { ...REFERENCE_INPUTS, 'dispatch-workflow': 'pages-deploy.yml', 'hf-api-url': hf.url },
        env: server.runnerEnv,
        githubToken: 'write-token',
      })
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      const head = await server.git.head('main')
      expect(run.outputs).toMatchObject({ 'commit-sha': head, skipped: 'false', 'post-path': SEED_POST })
      expect(run.outputs['commit-url']).toBe(`${server.apiUrl}/octo/blog/commit/${head}`)
      expect(run.stdout).toContain(`the commit landed all the same (read back: ${head})`)
      expect(server.dispatches).toEqual([{ workflow: 'pages-deploy.yml', ref: 'main' }])
      expect(await server.git.log('main')).toEqual([
        `Add Hugging Face Daily Papers for ${SEED_DAY}`,
        'Initial commit',
      ])
      // Sent once: the commit was read back, never sent again.
      const operations = server.requests.map((request) => request.operation)
      expect(operations.filter((operation) => operation === 'CreateCommitOnBranch')).toHaveLength(1)
    })
  })

  it('is recognised by its files when someone commits before it is read back: deployed once, committed once', async () => {
    await withGitHub(async (server) => {
      server.loseNextMutationAnswer({
        operation: 'CreateCommitOnBranch',
        answer: 'reset',
        then: async () => void (await server.git.commit('main', { 'about.md': 'Me\n' }, 'Someone else')),
      })
      const run = await runAction({
        inputs: { ...REFERENCE_INPUTS, 'dispatch-workflow': 'pages-deploy.yml', 'hf-api-url': hf.url },
        env: server.runnerEnv,
        githubToken: 'write-token',
      })
      expect(run.exitCode).toBe(0)
      // Which commit is ours the read-back cannot tell: the head is someone else's.
      expect(run.outputs).toMatchObject({ 'commit-sha': '', skipped: 'false', 'post-path': SEED_POST })
      expect(run.stdout).toContain('read back, its files are on main all the same, which has moved on since')
      expect(await server.git.readFile('main', SEED_POST)).toBe(seedPost)
      expect(server.dispatches).toEqual([{ workflow: 'pages-deploy.yml', ref: 'main' }])
      expect(await server.git.log('main')).toEqual([
        'Someone else',
        `Add Hugging Face Daily Papers for ${SEED_DAY}`,
        'Initial commit',
      ])
      const operations = server.requests.map((request) => request.operation)
      expect(operations.filter((operation) => operation === 'CreateCommitOnBranch')).toHaveLength(1)
    })
  })

  it('is sent again after reading back that it did not land', async () => {
    await withGitHub(async (server) => {
      server.loseNextMutationAnswer({ operation: 'CreateCommitOnBranch', answer: 502, applied: false })
      const run = await runAction({
        inputs: { ...REFERENCE_INPUTS, 'hf-api-url': hf.url },
        env: server.runnerEnv,
        githubToken: 'write-token',
      })
      expect(run.exitCode).toBe(0)
      expect(run.outputs['commit-sha']).toBe(await server.git.head('main'))
      expect(await server.git.log('main')).toHaveLength(2)
      expect(run.stdout).toContain('read back, the commit on main is not there; reading it again in')
      const operations = server.requests.map((request) => request.operation)
      expect(operations.filter((operation) => operation === 'CreateCommitOnBranch')).toHaveLength(2)
    })
  })
})

describe('pull-request mode with lost answers', () => {
  it('recognises the work branch and the pull request it created, and reports the pull request', async () => {
    await withGitHub(async (server) => {
      server.loseNextMutationAnswer({ operation: 'CreateRef', answer: 'reset' })
      server.loseNextMutationAnswer({ operation: 'CreatePullRequest', answer: 502 })
      const run = await runAction({
        inputs: { ...REFERENCE_INPUTS, mode: 'pull-request', 'hf-api-url': hf.url },
        env: server.runnerEnv,
        githubToken: 'write-token',
      })
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(server.pullRequests).toHaveLength(1)
      expect(run.outputs).toMatchObject({
        'pull-request-url': server.pullRequests[0]?.url,
        'commit-sha': await server.git.head(WORK),
        skipped: 'false',
      })
      expect(await server.git.readFile(WORK, SEED_POST)).toBe(seedPost)
      expect(run.stdout).toContain(`the branch ${WORK} is there all the same`)
      expect(run.stdout).toContain('the pull request is open all the same')
    })
  })
})
