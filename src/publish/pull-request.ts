import type { Publisher } from '../core/changes.js'
import { filesToWrite, gitHubPublisher, withStateFiles } from './github.js'
import type { GitHubConnection } from './octokit.js'
import { commitOnce, createBranchOnce, openPullRequestOnce } from './read-back.js'

/**
 * A file already on the work branch follows `overwrite` there too: a person's fix pushed to the open pull
 * request stays under `changed` and `never`; under `always` it stays in the history, never rewritten.
 */
export function createPullRequestPublisher(connection: GitHubConnection, workBranch: string): Publisher {
  const { log } = connection
  return gitHubPublisher(connection, workBranch, async (repository, state, changes, target) => {
    const { repositoryId, base } = state
    let work = state.work
    if (work === undefined) {
      await createBranchOnce(
        repository,
        { repositoryId, base: base.name, name: workBranch, oid: base.headOid },
        log,
      )
      log.info(`Created branch ${workBranch} from ${base.name}`)
      work = { name: workBranch, headOid: base.headOid, blobs: base.blobs }
    }
    const { pending, kept } = filesToWrite(target.pending, work, changes.overwrite, log)
    const { files, kept: optedOut } = await withStateFiles(repository, changes, pending, work, log)
    const { message } = changes
    const commit = files.length > 0 ? await commitOnce(repository, work, files, { message, log }) : undefined
    let pullRequestUrl = state.openPullRequestUrl
    if (pullRequestUrl === undefined) {
      const [title = '', ...body] = message.split('\n')
      pullRequestUrl = await openPullRequestOnce(
        repository,
        repositoryId,
        {
          base: base.name,
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
  })
}
