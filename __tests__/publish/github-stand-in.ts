import { afterEach, expect } from '@jest/globals'
import { createMemoryLog } from '../support/memory-log.js'
import { createWorkflowDispatch } from '../../src/publish/dispatch.js'
import { createCommitPublisher } from '../../src/publish/github.js'
import type { GitHubConnection } from '../../src/publish/octokit.js'
import { createPullRequestPublisher } from '../../src/publish/pull-request.js'
import type { ChangeSet, FileChange } from '../../src/core/changes.js'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js'
import { testClock } from '../support/test-clock.js'

/**
 * What the GitHub publisher tests share: the stand-in for one test, a publisher pointed at it, the changes
 * they publish, and the check of the requests the stand-in received.
 */
export const POST = '_posts/2025-12-24-daily-papers.md'

const servers: GitHubServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A stand-in for lim4349/lim4349.github.io, closed after the test. */
export async function standIn(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const server = await startGitHubServer({ owner: 'lim4349', repo: 'lim4349.github.io', ...options })
  servers.push(server)
  return server
}

export interface Extra extends Partial<
  Pick<
    GitHubConnection,
    'token' | 'branch' | 'otherRepository' | 'dispatcher' | 'graphqlUrl' | 'apiUrl' | 'folders'
  >
> {
  repo?: string
  /** Pull-request mode, from this branch; commit mode without it. */
  workBranch?: string
}

/**
 * How the publisher and the dispatch reach `server`: the reference blog, a write token, and simulated time
 * (support/test-clock.ts), whose deadlines the stand-in's stalls bring about.
 */
function connection(server: GitHubServer, repo: string | undefined, extra: Omit<Extra, 'repo'>) {
  const clock = testClock()
  server.onStall = clock.stall
  return {
    token: 'write-token',
    apiUrl: server.apiUrl,
    graphqlUrl: server.graphqlUrl,
    userAgent: 'hf-daily-papers/test',
    clock,
    random: () => 0.5,
    ...extra,
    repository: { owner: 'lim4349', repo: repo ?? 'lim4349.github.io' },
  }
}

/** A publisher for `server` whose waits are recorded instead of slept. */
export function publisherFor(server: GitHubServer, { repo, workBranch, ...extra }: Extra = {}) {
  const log = createMemoryLog()
  const github = { ...connection(server, repo, extra), log }
  const publisher =
    workBranch === undefined ? createCommitPublisher(github) : createPullRequestPublisher(github, workBranch)
  return { publisher, log, sleeps: github.clock.sleeps, clock: github.clock }
}

/** The workflow dispatch of commit mode, for `server`, with the publisher's defaults. */
export function dispatchFor(
  server: GitHubServer,
  workflow: string,
  { repo, ...extra }: Omit<Extra, 'workBranch'> = {},
) {
  const log = createMemoryLog()
  const dispatch = createWorkflowDispatch({ ...connection(server, repo, extra), workflow, log })
  return { dispatch, log }
}

export const changes = (content: string, overwrite: ChangeSet['overwrite'] = 'changed'): ChangeSet => ({
  files: [{ path: POST, content }],
  message: 'Add Hugging Face Daily Papers for 2025-12-24',
  overwrite,
})

/** `content` for `path`, written only while the file is still what the action last wrote there. */
export const unedited = (path: string, content: string, lastWritten: string): FileChange => ({
  path,
  content,
  policy: { kind: 'unedited', lastWritten: gitBlobOid(lastWritten) },
})

/** Asserts the requests `server` received, in order: each GraphQL operation's name, or the path of any other. */
export function expectOperations(server: GitHubServer, ...expected: string[]): void {
  expect(server.requests.map((request) => request.operation ?? request.path)).toEqual(expected)
}
