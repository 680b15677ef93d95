import { afterEach, describe, expect, it } from '@jest/globals'
import { createMemoryLog } from '../../src/log.js'
import { createGitHubPublisher, gitBlobOid } from '../../src/publish/github.js'
import type { ChangeSet } from '../../src/publish/publisher.js'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js'

const POST = '_posts/2025-12-24-daily-papers.md'
const servers: GitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function standIn(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const server = await startGitHubServer({ owner: 'lim4349', repo: 'lim4349.github.io', ...options })
  servers.push(server)
  return server
}

function publisherFor(server: GitHubServer, extra: { token?: string; branch?: string; repo?: string } = {}) {
  const log = createMemoryLog()
  const publisher = createGitHubPublisher({
    token: extra.token ?? 'write-token',
    apiUrl: server.apiUrl,
    graphqlUrl: server.graphqlUrl,
    repository: { owner: 'lim4349', repo: extra.repo ?? 'lim4349.github.io' },
    branch: extra.branch,
    userAgent: 'hf-daily-papers/test',
    log,
    retryAfterBaseValue: 0,
  })
  return { publisher, log }
}

const changes = (content: string, overwrite: ChangeSet['overwrite'] = 'changed'): ChangeSet => ({
  files: [{ path: POST, content }],
  message: 'Add Hugging Face Daily Papers for 2025-12-24',
  overwrite,
})
const operations = (server: GitHubServer) =>
  server.requests.map((request) => request.operation ?? request.path)

describe('GitHub publisher', () => {
  it('commits a first post on a master default branch in one query and one mutation', async () => {
    const server = await standIn({ defaultBranch: 'master' })
    const { publisher } = publisherFor(server)
    const result = await publisher.publish(changes('# Post\n'))
    expect(operations(server)).toEqual(['ReadBranch', 'CreateCommitOnBranch'])
    const head = await server.git.head('master')
    expect(result).toEqual({
      written: [POST],
      commitSha: head,
      commitUrl: expect.stringContaining(`/commit/${head}`),
    })
    expect(await server.git.readFile('master', POST)).toBe('# Post\n')
    expect(await server.git.log('master')).toEqual([
      'Add Hugging Face Daily Papers for 2025-12-24',
      'Initial commit',
    ])
  })

  it('makes no commit when the post is already there, unchanged (one request)', async () => {
    const server = await standIn({ files: { [POST]: '# Post\n' } })
    const { publisher, log } = publisherFor(server)
    expect(await publisher.publish(changes('# Post\n'))).toEqual({ written: [] })
    expect(operations(server)).toEqual(['ReadBranch'])
    expect(await server.git.log('main')).toEqual(['Initial commit'])
    expect(log.lines).toContain(`${POST}: unchanged on main, left as it is`)
  })

  it('updates a post whose content changed, and leaves it alone under overwrite: never', async () => {
    const server = await standIn({ files: { [POST]: '👍 4\n' } })
    const { publisher } = publisherFor(server)
    expect((await publisher.publish(changes('👍 9\n', 'never'))).written).toEqual([])
    expect(await server.git.readFile('main', POST)).toBe('👍 4\n')
    expect((await publisher.publish(changes('👍 9\n'))).written).toEqual([POST])
    expect(await server.git.readFile('main', POST)).toBe('👍 9\n')
  })

  it('commits to the branch it is given', async () => {
    const server = await standIn()
    await server.git.commit('gh-pages', {}, 'branch point', { allowNewBranch: true })
    const { publisher } = publisherFor(server, { branch: 'gh-pages' })
    await publisher.publish(changes('# Post\n'))
    expect(await server.git.readFile('gh-pages', POST)).toBe('# Post\n')
    expect(await server.git.readFile('main', POST)).toBeUndefined()
  })

  it('names a missing branch and the input to fix', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { branch: 'blog' })
    await expect(publisher.publish(changes('x'))).rejects.toThrow(
      'Branch "blog" does not exist in lim4349/lim4349.github.io: check the "branch" input, or leave it empty for the default branch',
    )
  })

  it('names a repository it cannot find', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { repo: 'missing' })
    await expect(publisher.publish(changes('x'))).rejects.toThrow(
      /^Repository lim4349\/missing was not found, or the token cannot see it: check the "repository" input/,
    )
  })

  it('explains a read-only token with contents: write, and commits nothing', async () => {
    const server = await standIn({ tokens: { 'read-token': 'read' } })
    const { publisher } = publisherFor(server, { token: 'read-token' })
    const failure = publisher.publish(changes('x'))
    await expect(failure).rejects.toThrow(/permissions: contents: write/)
    await expect(failure).rejects.toThrow(/Resource not accessible by integration/)
    expect(await server.git.log('main')).toEqual(['Initial commit'])
  })

  it('explains a bad token without printing it', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { token: 'ghs_wrong_secret' })
    const failure = publisher.publish(changes('x'))
    await expect(failure).rejects.toThrow(
      /GitHub rejected the token \(401 Bad credentials\): check the "token" input/,
    )
    await expect(failure).rejects.not.toThrow(/ghs_wrong_secret/)
    expect(operations(server)).toEqual(['/graphql'])
  })

  it('keeps a commit pushed between its read and its write, and still lands the post on a linear history', async () => {
    const server = await standIn()
    server.beforeNextMutation(async () => {
      await server.git.commit('main', { 'about.md': 'hello\n' }, 'Someone else')
    })
    const { publisher, log } = publisherFor(server)
    const result = await publisher.publish(changes('# Post\n'))
    expect(operations(server)).toEqual([
      'ReadBranch',
      'CreateCommitOnBranch',
      'ReadBranch',
      'CreateCommitOnBranch',
    ])
    expect(result.written).toEqual([POST])
    expect(await server.git.log('main')).toEqual([
      'Add Hugging Face Daily Papers for 2025-12-24',
      'Someone else',
      'Initial commit',
    ])
    expect(await server.git.isLinear('main')).toBe(true)
    expect(await server.git.readFile('main', 'about.md')).toBe('hello\n')
    expect(log.lines).toContain('main moved while we were committing; reading it again (attempt 2)')
  })

  it('sends GraphQL to the GraphQL URL it is given (GitHub Enterprise: /api/graphql)', async () => {
    const server = await standIn({ graphqlPath: '/api/graphql' })
    const { publisher } = publisherFor(server)
    await publisher.publish(changes('# Post\n'))
    expect(server.requests.map((request) => request.path)).toEqual(['/api/graphql', '/api/graphql'])
  })

  it('computes git blob ids as git does', () => {
    expect(gitBlobOid('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')
    expect(gitBlobOid('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a')
  })
})
