import { describe, expect, it } from '@jest/globals'
import type { ChangeSet } from '../../src/core/changes.js'
import type { GitHubServer } from '../support/github-server.js'
import { finishPullRequest, type PullRequestOutcome } from '../support/pull-request-outcome.js'
import { changes, expectOperations, POST, publisherFor, standIn, unedited } from './github-stand-in.js'

const WORK = 'daily-papers/2025-12-24'

describe('GitHub publisher, pull-request mode', () => {
  it('opens a pull request once from a work branch, then updates it', async () => {
    const server = await standIn({ tokens: { 'write-token': 'write' } })
    const { publisher } = publisherFor(server, { workBranch: 'daily-papers/2025-12-24' })
    const first = await publisher.publish(changes('👍 4\n'))
    expectOperations(server, 'ReadBranch', 'CreateRef', 'CreateCommitOnBranch', 'CreatePullRequest')
    expect(first).toMatchObject({
      written: [POST],
      pullRequestUrl: `${server.apiUrl}/lim4349/lim4349.github.io/pull/1`,
    })
    expect(await server.git.readFile('daily-papers/2025-12-24', POST)).toBe('👍 4\n')
    expect(await server.git.readFile('main', POST)).toBeUndefined()
    expect(server.pullRequests).toMatchObject([
      {
        baseRefName: 'main',
        headRefName: 'daily-papers/2025-12-24',
        title: changes('').message,
        state: 'OPEN',
      },
    ])

    server.requests.length = 0
    const second = await publisher.publish(changes('👍 9\n'))
    expectOperations(server, 'ReadBranch', 'CreateCommitOnBranch')
    expect(second.pullRequestUrl).toBe(first.pullRequestUrl)
    expect(server.pullRequests).toHaveLength(1)
    expect(await server.git.log('daily-papers/2025-12-24')).toHaveLength(3)

    server.requests.length = 0
    expect(await publisher.publish(changes('👍 9\n'))).toEqual({
      written: [],
      kept: [{ path: POST, reason: 'unchanged' }],
      pullRequestUrl: first.pullRequestUrl,
    })
    expectOperations(server, 'ReadBranch')
  })

  it('opens nothing when the target branch already has the post', async () => {
    const server = await standIn({ files: { [POST]: 'same\n' } })
    const { publisher } = publisherFor(server, { workBranch: 'daily-papers/2025-12-24' })
    expect(await publisher.publish(changes('same\n'))).toEqual({
      written: [],
      kept: [{ path: POST, reason: 'unchanged' }],
    })
    expect(server.pullRequests).toEqual([])
  })

  it('keeps a person’s fix on the open pull request’s branch under overwrite: never', async () => {
    const server = await standIn()
    const { publisher, log } = publisherFor(server, { workBranch: WORK })
    await publisher.publish(changes('👍 4\n', 'never'))
    await server.git.commit(WORK, { [POST]: '👍 4, typo fixed by hand\n' }, 'Fix a typo')

    server.requests.length = 0
    const again = await publisher.publish(changes('👍 9\n', 'never'))
    expectOperations(server, 'ReadBranch')
    expect(again).toEqual({
      written: [],
      kept: [{ path: POST, reason: 'overwrite-never' }],
      pullRequestUrl: server.pullRequests[0]?.url,
    })
    expect(await server.git.readFile(WORK, POST)).toBe('👍 4, typo fixed by hand\n')
    expect(log.lines).toContain(`${POST}: differs on ${WORK}, left as it is (overwrite: never)`)
    expect(log.lines).toContain(`Pull request ${server.pullRequests[0]?.url} left as it is`)
  })

  it('under overwrite: changed, puts the rendering back on top of a person’s commit, which stays in the history', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { workBranch: WORK })
    await publisher.publish(changes('👍 4\n'))
    await server.git.commit(WORK, { [POST]: 'edited by hand\n' }, 'Edit by hand')
    expect((await publisher.publish(changes('👍 9\n'))).written).toEqual([POST])
    expect(await server.git.readFile(WORK, POST)).toBe('👍 9\n')
    expect(await server.git.log(WORK)).toEqual([
      'Add Hugging Face Daily Papers for 2025-12-24',
      'Edit by hand',
      'Add Hugging Face Daily Papers for 2025-12-24',
      'Initial commit',
    ])
  })
})

describe('GitHub publisher, a work branch whose pull request was merged or closed', () => {
  const refs = (server: GitHubServer) => server.git.git(['for-each-ref', '--format=%(refname) %(objectname)'])
  /** A run's pull request, then what a person did with it. */
  const finished = async (outcome: PullRequestOutcome) => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { workBranch: WORK })
    const { pullRequestUrl } = await publisher.publish(changes('👍 4\n'))
    await finishPullRequest(server, pullRequestUrl, outcome)
    return { server, publisher, pullRequestUrl }
  }

  it.each([
    ['merge', 'merged', 'could revert edits made on main since'],
    ['squash', 'merged', 'could revert edits made on main since'],
    ['close', 'closed without merging', 'would propose again what was turned down'],
  ] as const)(
    'after a %s, fails naming the branch and the pull request, and writes nothing',
    async (outcome, said, risk) => {
      const { server, pullRequestUrl } = await finished(outcome)
      const before = await refs(server)

      server.requests.length = 0
      const again = publisherFor(server, { workBranch: WORK }).publisher.publish(changes('👍 9\n'))
      await expect(again).rejects.toThrow(
        `Pull-request mode: the work branch "${WORK}" belongs to the pull request ${pullRequestUrl}, which was ${said}; ` +
          `a run writes only to a work branch whose pull request is open, or that has none, since a new pull request from this one would carry that pull request's history and ${risk}. ` +
          `Nothing was written: delete the branch (the pull request's "Delete branch" button, or \`git push origin --delete ${WORK}\`) and run again`,
      )
      expectOperations(server, 'ReadBranch')
      expect(await refs(server)).toBe(before)
      expect(server.pullRequests).toHaveLength(1)
    },
  )

  it('keeps an earlier post a person edited on the base, which the open pull request leaves alone', async () => {
    const EARLIER = '_posts/2025-12-23-daily-papers.md'
    const server = await standIn({ files: { [EARLIER]: 'written by the action\n' } })
    const { publisher, log } = publisherFor(server, { workBranch: WORK })
    await publisher.publish(changes('👍 4\n'))
    await server.git.commit('main', { [EARLIER]: 'fixed by a person\n' }, 'Fix a typo')
    const refresh = unedited(EARLIER, 'refreshed\n', 'written by the action\n')
    const again = await publisher.publish({
      ...changes('👍 9\n'),
      files: [changes('👍 9\n').files[0]!, refresh],
    })
    expect(again.written).toEqual([POST])
    expect(again.kept).toEqual([{ path: EARLIER, reason: 'edited' }])
    // The work branch's copy is main's from before the fix: rewriting it there would conflict with the fix.
    expect(await server.git.readFile(WORK, EARLIER)).toBe('written by the action\n')
    expect(log.lines).toContain(
      `${EARLIER}: changed on main since the action wrote it (a person's edit), left as it is`,
    )
  })

  it('writes nothing and fails nothing when the merged post is what the run would write', async () => {
    const { server, publisher } = await finished('merge')
    expect(await publisher.publish(changes('👍 4\n'))).toEqual({
      written: [],
      kept: [{ path: POST, reason: 'unchanged' }],
    })
    expect(server.pullRequests).toHaveLength(1)
  })

  it('updates a pull request opened again from the branch by hand, the open one counting first', async () => {
    const { server, publisher, pullRequestUrl } = await finished('close')
    const reopened = {
      ...server.pullRequests[0]!,
      number: 2,
      url: `${pullRequestUrl}-again`,
      state: 'OPEN' as const,
    }
    server.pullRequests.push(reopened)
    expect(await publisher.publish(changes('👍 9\n'))).toMatchObject({
      written: [POST],
      pullRequestUrl: reopened.url,
    })
    expect(await server.git.readFile(WORK, POST)).toBe('👍 9\n')
  })
})

describe('GitHub publisher, two open pull requests', () => {
  const EARLIER = '_posts/2025-12-20-daily-papers.md'
  const YESTERDAY = '_posts/2025-12-23-daily-papers.md'
  const dayOf = (files: Record<string, string>): ChangeSet => ({
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    message: 'Add Hugging Face Daily Papers',
    overwrite: 'changed',
  })
  const changedBy = async (server: GitHubServer, branch: string) =>
    (await server.git.git(['diff', '--name-only', `main...${branch}`])).split('\n').filter(Boolean)

  it('leaves a file the other one changes to it, so that both merge without a conflict', async () => {
    const server = await standIn({ files: { [EARLIER]: '👍 1\n' } })
    const yesterday = publisherFor(server, { workBranch: 'daily-papers/2025-12-23' })
    await yesterday.publisher.publish(dayOf({ [EARLIER]: '👍 5\n', [YESTERDAY]: '👍 2\n' }))
    const [opened] = server.pullRequests

    const today = publisherFor(server, { workBranch: WORK })
    expect(await today.publisher.publish(dayOf({ [EARLIER]: '👍 7\n', [POST]: '👍 3\n' }))).toMatchObject({
      written: [POST],
      kept: [{ path: EARLIER, reason: 'other-pull-request' }],
    })
    expect(today.log.lines).toContain(
      `${EARLIER}: changed by the open pull request ${opened?.url} too, so left to it (the second merged would conflict); a run after it is merged writes it`,
    )
    expect(await changedBy(server, WORK)).toEqual([POST])
    expect(await changedBy(server, 'daily-papers/2025-12-23')).toEqual([EARLIER, YESTERDAY])
  })

  it('writes a file a pull request from a fork changes: anyone may open one', async () => {
    const server = await standIn({ files: { [EARLIER]: '👍 1\n' } })
    await server.git.git(['update-ref', 'refs/heads/spam', (await server.git.head('main'))!])
    await server.git.commit('spam', { [POST]: 'not a post\n', [EARLIER]: 'spam\n' }, 'Spam')
    server.pullRequests.push({
      number: 1,
      url: `${server.apiUrl}/lim4349/lim4349.github.io/pull/1`,
      baseRefName: 'main',
      headRefName: 'spam',
      title: 'Spam',
      body: '',
      state: 'OPEN',
      fromFork: true,
    })
    const today = publisherFor(server, { workBranch: WORK })
    expect(await today.publisher.publish(dayOf({ [EARLIER]: '👍 7\n', [POST]: '👍 3\n' }))).toMatchObject({
      written: [EARLIER, POST],
      kept: [],
    })
  })

  it('opens nothing when the other one changes every file', async () => {
    const server = await standIn({ files: { [EARLIER]: '👍 1\n' } })
    await publisherFor(server, { workBranch: 'daily-papers/2025-12-23' }).publisher.publish(
      dayOf({ [EARLIER]: '👍 5\n' }),
    )
    server.requests.length = 0
    const today = publisherFor(server, { workBranch: WORK })
    expect(await today.publisher.publish(dayOf({ [EARLIER]: '👍 7\n' }))).toEqual({
      written: [],
      kept: [{ path: EARLIER, reason: 'other-pull-request' }],
    })
    expectOperations(server, 'ReadBranch')
    expect(server.pullRequests).toHaveLength(1)
  })
})

describe('GitHub publisher, pull request refused by the repository setting', () => {
  it('names the setting and the work branch that holds the commit, and gives no permissions advice', async () => {
    const server = await standIn({ actionsMayCreatePullRequests: false })
    const { publisher } = publisherFor(server, { workBranch: WORK })
    const failure = publisher.publish(changes('👍 4\n'))
    await expect(failure).rejects.toThrow(
      `GitHub refused to open the pull request from ${WORK} into main (GitHub: "GitHub Actions is not permitted to create or approve pull requests."). ` +
        'A workflow\'s GITHUB_TOKEN may open pull requests only when the repository setting "Allow GitHub Actions to create and approve pull requests" is on (Settings → Actions → General → Workflow permissions; off by default)',
    )
    await expect(failure).rejects.toThrow(`The post is committed on the branch ${WORK}`)
    await expect(failure).rejects.not.toThrow(/permissions: contents|pull-requests: write/)
    expect(await server.git.readFile(WORK, POST)).toBe('👍 4\n')
    expect(server.pullRequests).toEqual([])
  })

  it('opens the pull request on the next run once the setting is on, without a second commit', async () => {
    const refused = await standIn({ actionsMayCreatePullRequests: false })
    await expect(
      publisherFor(refused, { workBranch: WORK }).publisher.publish(changes('👍 4\n')),
    ).rejects.toThrow()
    // The same repository with the setting turned on.
    const allowed = await standIn()
    await allowed.git.git(['fetch', '--quiet', refused.git.dir, `+refs/heads/*:refs/heads/*`])
    const result = await publisherFor(allowed, { workBranch: WORK }).publisher.publish(changes('👍 4\n'))
    expectOperations(allowed, 'ReadBranch', 'CreatePullRequest')
    expect(result).toEqual({
      written: [],
      kept: [{ path: POST, reason: 'unchanged' }],
      pullRequestUrl: allowed.pullRequests[0]?.url,
    })
  })
})
