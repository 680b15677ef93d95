import type { FileChange, Publisher, PublishResult } from '../core/changes.js'
import type { Log } from '../core/log.js'
import { finishedWorkBranch } from './explain.js'
import { commitPending, filesToWrite, gitHubPublisher } from './github.js'
import type { GitHubConnection } from './octokit.js'
import { createBranchOnce, openPullRequestOnce } from './read-back.js'
import { logKept } from './write-policy.js'

/**
 * A file already on the work branch follows `overwrite` there too: a person's fix pushed to the open pull
 * request stays under `changed` and `never`; under `always` it stays in the history, never rewritten.
 * A work branch whose pull request was merged or closed carries that one's history, which a new pull request
 * would bring back; refused here, before the first write, so that a re-run with nothing to write stays a skip.
 */
export function createPullRequestPublisher(connection: GitHubConnection, workBranch: string): Publisher {
  const { log } = connection
  return gitHubPublisher(connection, workBranch, async (repository, state, changes, pending) => {
    const { repositoryId, base, finishedPullRequest } = state
    if (finishedPullRequest !== undefined)
      throw new Error(finishedWorkBranch(workBranch, base.name, finishedPullRequest))
    const { ours, elsewhere } = leftToOtherPullRequests(pending, state.otherPullRequests, log)
    if (ours.length === 0 && state.work === undefined) return { written: [], kept: elsewhere }
    const work = state.work ?? (await createBranchOnce(repository, repositoryId, base, workBranch, log))
    const target = filesToWrite(ours, work, { overwrite: changes.overwrite, log })
    const result = await commitPending(repository, changes, target.pending, work, log)
    const opened = state.openPullRequestUrl
    if (opened !== undefined)
      log.info(
        result.written.length > 0 ? `Updated pull request ${opened}` : `Pull request ${opened} left as it is`,
      )
    const request = { base: base.name, head: work.name, message: changes.message }
    const pullRequestUrl = opened ?? (await openPullRequestOnce(repository, repositoryId, request, log))
    return { ...result, kept: [...elsewhere, ...target.kept, ...result.kept], pullRequestUrl }
  })
}

/**
 * A file another open pull request changes too is not written: whichever of the two is merged second would
 * conflict. A run after that one is merged writes it (a refreshed post, while within refresh-days).
 */
function leftToOtherPullRequests(
  files: readonly FileChange[],
  others: ReadonlyMap<string, string>,
  log: Log,
): { ours: FileChange[]; elsewhere: PublishResult['kept'] } {
  const elsewhere = files.flatMap((file) => {
    const url = others.get(file.path)
    if (url === undefined) return []
    logKept(log, file, 'other-pull-request', `by the open pull request ${url}`)
    return [{ path: file.path, reason: 'other-pull-request' as const }]
  })
  return { ours: files.filter((file) => !others.has(file.path)), elsewhere }
}
