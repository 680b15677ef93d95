import type { Publisher } from '../core/changes.js'
import {
  commitFiles,
  filesToWrite,
  foldersOf,
  openRepository,
  readState,
  recordFiles,
  withRetries,
  type GitHubConnection,
} from './github.js'

/**
 * Commit mode: a change set as one commit on the target branch, through the GitHub API; only the files
 * of the change set are touched, and a branch that moved is read again (see withRetries).
 */
export function createCommitPublisher(connection: GitHubConnection): Publisher {
  const { branch, log } = connection
  const repository = openRepository(connection)
  return {
    async readText(path) {
      const read = await readState(repository, branch, path)
      if (read === 'missing') throw new Error(repository.missingBranch(branch))
      return read.text
    },

    publish: withRetries(connection, async (changes) => {
      const state = await repository.read(branch, foldersOf(changes), undefined)
      const { pending, kept } = filesToWrite(changes.files, state.base, changes.overwrite, log)
      if (pending.length === 0) return { written: [], kept }
      const files = [...pending, ...(await recordFiles(repository, changes, pending, state.base))]
      const commit = await commitFiles(repository, state.base, files, { message: changes.message, log })
      return {
        written: files.map((file) => file.path),
        kept,
        commitSha: commit.oid,
        commitUrl: commit.url,
        commitBranch: state.base.name,
      }
    }),
  }
}
