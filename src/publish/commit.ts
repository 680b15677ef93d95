import type { Publisher } from '../core/changes.js'
import { gitHubPublisher, withStateFiles } from './github.js'
import type { GitHubConnection } from './octokit.js'
import { commitOnce } from './read-back.js'

/** Only the files of the change set are touched; a branch that moved is read again (see gitHubPublisher). */
export function createCommitPublisher(connection: GitHubConnection): Publisher {
  const { log } = connection
  return gitHubPublisher(connection, undefined, async (repository, { base }, changes, target) => {
    const { files, kept } = await withStateFiles(repository, changes, target.pending, base, log)
    const allKept = [...target.kept, ...kept]
    if (files.length === 0) return { written: [], kept: allKept }
    const commit = await commitOnce(repository, base, files, { message: changes.message, log })
    return {
      written: files.map((file) => file.path),
      kept: allKept,
      commitSha: commit.oid,
      commitUrl: commit.url,
      commitBranch: base.name,
    }
  })
}
