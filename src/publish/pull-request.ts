import type { Publisher } from '../core/changes.js'
import { commitPending, filesToWrite, gitHubPublisher } from './github.js'
import type { GitHubConnection } from './octokit.js'
import { createBranchOnce, openPullRequestOnce } from './read-back.js'

/**
 * A file already on the work branch follows `overwrite` there too: a person's fix pushed to the open pull
 * request stays under `changed` and `never`; under `always` it stays in the history, never rewritten.
 */
export function createPullRequestPublisher(connection: GitHubConnection, workBranch: string): Publisher {
  const { log } = connection
  return gitHubPublisher(connection, workBranch, async (repository, state, changes, target) => {
    const { repositoryId, base } = state
    const work = state.work ?? (await createBranchOnce(repository, repositoryId, base, workBranch, log))
    const { pending, kept } = filesToWrite(target.pending, work, changes.overwrite, log)
    const result = await commitPending(repository, changes, pending, work, log)
    const opened = state.openPullRequestUrl
    if (opened !== undefined)
      log.info(result.commitSha ? `Updated pull request ${opened}` : `Pull request ${opened} left as it is`)
    const request = { base: base.name, head: work.name, message: changes.message }
    const pullRequestUrl = opened ?? (await openPullRequestOnce(repository, repositoryId, request, log))
    return { ...result, kept: [...target.kept, ...kept, ...result.kept], pullRequestUrl }
  })
}
