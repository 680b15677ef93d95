import type { Publisher } from '../core/changes.js'
import { commitPending, gitHubPublisher } from './github.js'
import type { GitHubConnection } from './octokit.js'

/** Only the files of the change set are touched; a branch that moved is read again (see gitHubPublisher). */
export function createCommitPublisher(connection: GitHubConnection): Publisher {
  return gitHubPublisher(connection, undefined, async (repository, { base }, changes, target) => {
    const result = await commitPending(repository, changes, target.pending, base, connection.log)
    return { ...result, kept: [...target.kept, ...result.kept] }
  })
}
