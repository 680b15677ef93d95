import type { Publisher } from '../core/changes.js'
import * as github from './github.js'
import { createBranchOnce, openPullRequestOnce } from './read-back.js'

/**
 * Pull-request mode: a change set as one commit on `workBranch` (created from the target branch when
 * missing), and a pull request from it into the target branch, opened once and updated after. The work
 * branch gets what the target branch lacks; a file already on it follows `overwrite` there too: a
 * person's fix pushed to the open pull request stays under `changed` (the record on the work branch
 * says what the action wrote there) and `never`; under `always`, the action's rendering wins (the fix
 * stays in the branch's history, which is never rewritten).
 */
export function createPullRequestPublisher(
  connection: github.GitHubConnection,
  workBranch: string,
): Publisher {
  const { branch, log } = connection
  const repository = github.openRepository(connection)
  const session = github.branchSession(repository, { branch, workBranch, folders: connection.folders ?? [] })
  return {
    // The open pull request's branch holds what the action wrote last.
    readText: session.readText,

    publish: github.withRetries(connection, async (changes) => {
      const state = await session.state(changes)
      // With an open pull request, the action's last write of a refreshed post is on the work branch:
      // only there can it tell an edit from its own unmerged work.
      const target = github.filesToWrite(changes.files, state.base, changes.overwrite, log, state.work)
      if (target.pending.length === 0) return { written: [], kept: target.kept }
      let work = state.work
      if (work === undefined) {
        const { repositoryId, base } = state
        await createBranchOnce(
          repository,
          { repositoryId, base: base.name, name: workBranch, oid: base.headOid },
          log,
        )
        log.info(`Created branch ${workBranch} from ${state.base.name}`)
        work = { name: workBranch, headOid: state.base.headOid, blobs: state.base.blobs }
      }
      const { pending, kept } = github.filesToWrite(target.pending, work, changes.overwrite, log)
      const { files, kept: optedOut } = await github.withStateFiles(repository, changes, pending, work, log)
      const { message } = changes
      const commit =
        files.length > 0 ? await github.commitFiles(repository, work, files, { message, log }) : undefined
      let pullRequestUrl = state.openPullRequestUrl
      if (pullRequestUrl === undefined) {
        const [title = '', ...body] = message.split('\n')
        pullRequestUrl = await openPullRequestOnce(
          repository,
          state.repositoryId,
          {
            base: state.base.name,
            head: work.name,
            title,
            body: body.join('\n').trim() || 'Opened by hf-daily-papers.',
          },
          log,
        )
        log.info(`Opened pull request ${pullRequestUrl}`)
      } else {
        log.info(
          commit ? `Updated pull request ${pullRequestUrl}` : `Pull request ${pullRequestUrl} left as it is`,
        )
      }
      return {
        written: files.map((file) => file.path),
        kept: [...target.kept, ...kept, ...optedOut],
        commitSha: commit?.oid,
        commitUrl: commit?.url,
        commitBranch: commit ? work.name : undefined,
        pullRequestUrl,
      }
    }),
  }
}
