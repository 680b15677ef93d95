import type { Publisher } from '../core/changes.js'
import * as github from './github.js'

/**
 * Commit mode: a change set as one commit on the target branch, through the GitHub API; only the files
 * of the change set are touched, and a branch that moved is read again (see withRetries).
 */
export function createCommitPublisher(connection: github.GitHubConnection): Publisher {
  const { branch, log } = connection
  const repository = github.openRepository(connection)
  const session = github.branchSession(repository, { branch, folders: connection.folders ?? [] })
  return {
    readText: session.readText,

    publish: github.withRetries(connection, async (changes) => {
      const state = await session.state(changes)
      const target = github.filesToWrite(changes.files, state.base, changes.overwrite, log)
      if (target.pending.length === 0) return { written: [], kept: target.kept }
      const withState = await github.withStateFiles(repository, changes, target.pending, state.base, log)
      const { files } = withState
      const kept = [...target.kept, ...withState.kept]
      if (files.length === 0) return { written: [], kept }
      const commit = await github.commitFiles(repository, state.base, files, {
        message: changes.message,
        log,
      })
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
