import { posix } from 'node:path'
import type { FileChange } from '../core/changes.js'
import { gitBlobOid } from '../core/git-blob.js'
import type { Log } from '../core/log.js'
import { BranchMovedError, UncertainMutationError, type GitHubRepository } from './github-repository.js'
import type { BranchState } from './branch-state.js'

/**
 * Each mutation is sent once: when its outcome is unknown the repository is read back, so that a commit
 * that landed is reported and dispatches the deploy; what did not land is a BranchMovedError (tried again).
 * A commit whose answer was lost is ours when the head has our parent and files; when someone committed
 * after it, its files on the head say it landed, though not which commit it is.
 */
export async function commitOnce(
  repository: GitHubRepository,
  branch: BranchState,
  files: FileChange[],
  { message, log }: { message: string; log: Log },
): Promise<{ oid?: string; url?: string }> {
  const commit = await repository.commit(branch, files, message).catch(async (error: unknown) => {
    if (!(error instanceof UncertainMutationError)) throw error
    const folders = [...new Set(files.map((file) => posix.dirname(file.path)))]
    const { base: now } = await repository.read(branch.name, folders, undefined)
    const there = files.every((file) => now.blobs.get(file.path) === gitBlobOid(file.content))
    if (!there) throw notLanded(error, `the commit on ${branch.name}`)
    if (now.parentOid !== branch.headOid) {
      log.info(
        `${error.message}; read back, its files are on ${branch.name} all the same, which has moved on since (to ${now.headOid})`,
      )
      return {}
    }
    log.info(`${error.message}; the commit landed all the same (read back: ${now.headOid})`)
    return { oid: now.headOid, url: now.headUrl }
  })
  log.info(`Committed ${files.length} file(s) to ${branch.name}${commit.url ? `: ${commit.url}` : ''}`)
  return commit
}

/** The branch `name` at `base`'s head; one whose answer was lost is ours when it points there. */
export async function createBranchOnce(
  repository: GitHubRepository,
  repositoryId: string,
  base: BranchState,
  name: string,
  log: Log,
): Promise<BranchState> {
  const oid = base.headOid
  await repository.createBranch(repositoryId, name, oid).catch(async (error: unknown) => {
    if (!(error instanceof UncertainMutationError)) throw error
    const { work } = await repository.read(base.name, [], name)
    if (work?.headOid !== oid) throw notLanded(error, `the branch ${name} at ${oid}`)
    log.info(`${error.message}; the branch ${name} is there all the same, at ${oid}`)
  })
  log.info(`Created branch ${name} from ${base.name}`)
  return { name, headOid: oid, blobs: base.blobs }
}

/** Titled with the message's first line; one whose answer was lost is found open from `head`. */
export async function openPullRequestOnce(
  repository: GitHubRepository,
  repositoryId: string,
  { base, head, message }: { base: string; head: string; message: string },
  log: Log,
): Promise<string> {
  const [title = '', ...body] = message.split('\n')
  const pullRequest = { base, head, title, body: body.join('\n').trim() || 'Opened by hf-daily-papers.' }
  const url = await repository.createPullRequest(repositoryId, pullRequest).catch(async (error: unknown) => {
    if (!(error instanceof UncertainMutationError)) throw error
    const { openPullRequestUrl } = await repository.read(base, [], head)
    if (openPullRequestUrl === undefined) throw notLanded(error, `the pull request from ${head}`)
    log.info(`${error.message}; the pull request is open all the same: ${openPullRequestUrl}`)
    return openPullRequestUrl
  })
  log.info(`Opened pull request ${url}`)
  return url
}

function notLanded(error: Error, what: string): BranchMovedError {
  return new BranchMovedError(`${error.message}; read back, ${what} is not there`)
}
