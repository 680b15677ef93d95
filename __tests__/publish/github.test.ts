import { describe, expect, it } from '@jest/globals'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { seconds } from '../../src/core/wording.js'
import { between } from '../support/test-clock.js'
import { changes, dispatchFor, expectOperations, POST, publisherFor, standIn } from './github-stand-in.js'

describe('GitHub publisher', () => {
  it('commits a first post on a master default branch in one query and one mutation', async () => {
    const server = await standIn({ defaultBranch: 'master' })
    const { publisher } = publisherFor(server)
    const result = await publisher.publish(changes('# Post\n'))
    expectOperations(server, 'ReadBranch', 'CreateCommitOnBranch')
    const head = await server.git.head('master')
    expect(result).toEqual({
      written: [POST],
      kept: [],
      commitSha: head,
      commitUrl: expect.stringContaining(`/commit/${head}`),
      commitBranch: 'master',
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
    expect(await publisher.publish(changes('# Post\n'))).toEqual({
      written: [],
      kept: [{ path: POST, reason: 'unchanged' }],
    })
    expectOperations(server, 'ReadBranch')
    expect(await server.git.log('main')).toEqual(['Initial commit'])
    expect(log.lines).toContain(`${POST}: already as wanted on main, left as it is`)
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
    await server.git.git(['branch', 'gh-pages', 'main'])
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
    expectOperations(server, '/graphql')
  })

  it('keeps a commit pushed between its read and its write, and still lands the post on a linear history', async () => {
    const server = await standIn()
    server.beforeNextMutation(async () => {
      await server.git.commit('main', { 'about.md': 'hello\n' }, 'Someone else')
    })
    const { publisher, log } = publisherFor(server)
    const result = await publisher.publish(changes('# Post\n'))
    expectOperations(server, 'ReadBranch', 'CreateCommitOnBranch', 'ReadBranch', 'CreateCommitOnBranch')
    expect(result.written).toEqual([POST])
    expect(await server.git.log('main')).toEqual([
      'Add Hugging Face Daily Papers for 2025-12-24',
      'Someone else',
      'Initial commit',
    ])
    expect(await server.git.isLinear('main')).toBe(true)
    expect(await server.git.readFile('main', 'about.md')).toBe('hello\n')
    expect(log.lines).toContain(
      'main moved while we were committing; reading it again in 250 ms (attempt 2 of 4)',
    )
  })

  it('gives up after four commits the branch moved under, saying why and what to do', async () => {
    const server = await standIn()
    // Before each of the four attempts, a push of someone else's.
    let pushes = 0
    const push = async () => {
      await server.git.commit('main', { 'about.md': `push ${++pushes}\n` }, 'Someone else')
      if (pushes < 4) server.beforeNextMutation(push)
    }
    server.beforeNextMutation(push)
    const { publisher } = publisherFor(server)
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      'main moved while we were committing, 4 times in a row: something else is committing to it (another run, a person, a bot); nothing was written: run again once it is quiet, and give the workflow a `concurrency:` group so that runs wait for each other',
    )
    expect(await server.git.readFile('main', POST)).toBeUndefined()
  })

  it('leaves a post someone else wrote during the run as it is, and replaces it under overwrite: always', async () => {
    for (const overwrite of ['changed', 'always'] as const) {
      const server = await standIn()
      server.beforeNextMutation(async () => {
        await server.git.commit('main', { [POST]: '# Theirs\n' }, 'Another run, or a person')
      })
      const { publisher, log } = publisherFor(server)
      const result = await publisher.publish(changes('# Ours\n', overwrite))
      if (overwrite === 'changed') {
        expect(result).toEqual({ written: [], kept: [{ path: POST, reason: 'changed-during-run' }] })
        expect(await server.git.readFile('main', POST)).toBe('# Theirs\n')
        expect(log.lines).toContain(
          `${POST}: written on main during the run by someone else (a person, or another run), so it is left as it is; overwrite: always replaces it`,
        )
      } else {
        expect(result.written).toEqual([POST])
        expect(await server.git.readFile('main', POST)).toBe('# Ours\n')
      }
    }
  })

  it("tells a recorded post rewritten during the run as a person's or another run's, not a person's edit", async () => {
    const server = await standIn({ files: { [POST]: '# Written\n' } })
    server.beforeNextMutation(async () => {
      await server.git.commit('main', { [POST]: '# Another run\n' }, 'Another run of the day')
    })
    const { publisher, log } = publisherFor(server)
    const ours = {
      path: POST,
      content: '# Ours\n',
      policy: { kind: 'overwrite' as const, lastWritten: gitBlobOid('# Written\n') },
    }
    const result = await publisher.publish({ ...changes('# Ours\n'), files: [ours] })
    expect(result.kept).toEqual([{ path: POST, reason: 'changed-during-run' }])
    expect(await server.git.readFile('main', POST)).toBe('# Another run\n')
    expect(log.lines).toContain(
      `${POST}: written on main during the run by someone else (a person, or another run), so it is left as it is; overwrite: always replaces it`,
    )
  })

  it('sends GraphQL to the GraphQL URL it is given (GitHub Enterprise: /api/graphql)', async () => {
    const server = await standIn({ graphqlPath: '/api/graphql' })
    const { publisher } = publisherFor(server)
    await publisher.publish(changes('# Post\n'))
    expect(server.requests.map((request) => request.path)).toEqual(['/api/graphql', '/api/graphql'])
  })

  it('retries a passing 502 and a secondary rate limit, then commits', async () => {
    const server = await standIn()
    server.failNext({ status: 502, body: { message: 'Server Error' } })
    server.failNext({
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    })
    const { publisher, log, sleeps } = publisherFor(server)
    const result = await publisher.publish(changes('# Post\n'))
    expect(result.commitSha).toBe(await server.git.head('main'))
    expect(server.requests).toHaveLength(4)
    expect(log.lines.filter((line) => line.includes('trying again'))).toEqual([
      `POST ${server.graphqlUrl}: GitHub answered 502 Bad Gateway: "Server Error"; trying again in ${seconds(sleeps[0] ?? 0)} (attempt 2 of 3)`,
      `POST ${server.graphqlUrl}: GitHub answered 403 Forbidden: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."; trying again in 1 s (attempt 3 of 3)`,
    ])
    expect(sleeps).toEqual([between(500, 1_000), 1_000])
    expect(log.warnings).toEqual([])
  })

  it('reads the four folders a run writes to in one ReadBranch, and refuses a fifth', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server)
    const files = [
      '_posts/p.md',
      '_data/papers/d.json',
      '.hf-daily-papers/summaries/s.json',
      '.hf-daily-papers/posts/r.json',
    ]
    const changeSet = {
      files: files.map((path) => ({ path, content: 'x\n' })),
      message: 'm',
      overwrite: 'changed' as const,
    }
    expect((await publisher.publish(changeSet)).written).toEqual(files)
    server.requests.length = 0
    expect(await publisher.publish(changeSet)).toEqual({
      written: [],
      kept: files.map((path) => ({ path, reason: 'unchanged' })),
    })
    expectOperations(server, 'ReadBranch')
    await expect(
      publisher.publish({
        ...changeSet,
        files: [...changeSet.files, { path: 'fifth/f.md', content: 'x\n' }],
      }),
    ).rejects.toThrow(
      'A change set writes to 5 folders (_posts, _data/papers, .hf-daily-papers/summaries, .hf-daily-papers/posts, fifth), but one read covers at most 4',
    )
  })
})

describe('GitHub publisher, dispatch and refusals', () => {
  it('dispatches the deploy workflow on the branch the publisher committed to, with one request', async () => {
    const server = await standIn({ defaultBranch: 'master', workflows: ['pages-deploy.yml'] })
    const { publisher } = publisherFor(server)
    const { dispatch, log } = dispatchFor(server, 'pages-deploy.yml')
    const published = await publisher.publish(changes('# Post\n'))
    expect(published).toMatchObject({ commitSha: await server.git.head('master'), commitBranch: 'master' })
    expect(server.dispatches).toEqual([])
    server.requests.length = 0
    expect(await dispatch(published.commitBranch ?? '')).toBeUndefined()
    expect(server.dispatches).toEqual([{ workflow: 'pages-deploy.yml', ref: 'master' }])
    // The publisher read the default branch's name: the dispatch is its one request.
    expect(server.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /repos/lim4349/lim4349.github.io/actions/workflows/pages-deploy.yml/dispatches',
    ])
    expect(log.lines).toContain('Dispatched pages-deploy.yml on master')
  })

  it('keeps the commit and reports a workflow that does not exist', async () => {
    const server = await standIn()
    const result = await publisherFor(server, { branch: 'main' }).publisher.publish(changes('# Post\n'))
    expect(result.commitSha).toBe(await server.git.head('main'))
    expect(await dispatchFor(server, 'deploy.yml').dispatch('main')).toEqual({
      workflow: 'deploy.yml',
      message:
        'The post was committed, but dispatching deploy.yml failed: there is no workflow "deploy.yml" in .github/workflows on main: check the "dispatch-workflow" input. Then start the deploy by hand on main (Actions, Run workflow): a re-run finds the post written and starts nothing',
    })
  })

  it('explains a protected branch and suggests pull-request mode', async () => {
    const server = await standIn({ protectedBranches: ['main'] })
    const { publisher } = publisherFor(server)
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      /^main in lim4349\/lim4349.github.io is protected and refused the commit .*use `mode: pull-request`/s,
    )
  })

  it('tells that GITHUB_TOKEN cannot write to another repository', async () => {
    const server = await standIn({ tokens: { 'read-token': 'read' } })
    const { publisher } = publisherFor(server, { token: 'read-token', otherRepository: true })
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      /GITHUB_TOKEN only reaches its own repository: pass a fine-grained PAT or a GitHub App token/,
    )
  })

  it('writes into another repository, branch and posts folder', async () => {
    const server = await standIn({ files: { 'blog/_posts/old.md': 'old\n' } })
    await server.git.git(['branch', 'source', 'main'])
    const { publisher } = publisherFor(server, { branch: 'source', otherRepository: true })
    const path = 'blog/_posts/2025-12-24-daily-papers.md'
    const result = await publisher.publish({
      files: [{ path, content: 'new\n' }],
      message: 'm',
      overwrite: 'changed',
    })
    expect(result.written).toEqual([path])
    expect(await server.git.readFile('source', path)).toBe('new\n')
    expect(await server.git.readFile('source', 'blog/_posts/old.md')).toBe('old\n')
  })
})
