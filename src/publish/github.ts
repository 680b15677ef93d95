import { backoffMs } from '../core/backoff.js'
import { posix } from 'node:path'
import type { Dispatcher } from 'undici'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import { BranchMovedError, GitHubRepository, type BranchState } from './github-repository.js'
import { commitOnce } from './read-back.js'
import { createGitHubClient } from './octokit.js'
import { POST_RECORD, recordChanges } from '../core/post-record.js'
import type { ChangeSet, FileChange, KeptReason, PublishResult } from '../core/changes.js'
import { logKept, writeDecision } from './write-policy.js'
import { MAX_STATE_FILE_BYTES, readStateFile } from '../core/state-file.js'

/** How the action reaches the blog repository: the commit modes' GitHubTarget, with the client's knobs. */
export interface GitHubConnection {
  token: string
  apiUrl: string
  /** GitHub Enterprise serves GraphQL at `/api/graphql`, not under the REST base: taken as given. */
  graphqlUrl: string
  repository: { owner: string; repo: string }
  /** Set when `repository` is not the workflow's own: GITHUB_TOKEN cannot write there. */
  otherRepository?: boolean
  /** Undefined: the repository's default branch. */
  branch?: string
  userAgent: string
  log: Log
  clock: Clock
  random?: () => number
  /** Under Octokit: core/http's shared dispatcher unless given. */
  dispatcher?: Dispatcher
}

/** The blog repository over GraphQL, every request bounded and retried (see octokit.ts). */
export function openRepository(connection: GitHubConnection): GitHubRepository {
  const client = createGitHubClient(connection)
  return new GitHubRepository(client, { ...connection, secrets: [connection.token] })
}

/** Attempts when the branch moves between our read and our commit. */
const MAX_COMMIT_ATTEMPTS = 4
const BACKOFF_BASE_MS = 500

/**
 * The compare-and-swap loop both commit modes share: `attempt` reads the branch and commits with
 * `expectedHeadOid`; when someone else committed in between (BranchMovedError) it runs again on what
 * the branch holds now, after a jittered backoff. Never forced.
 */
export function withRetries(
  { log, clock, random = Math.random }: Pick<GitHubConnection, 'log' | 'clock' | 'random'>,
  attempt: (changes: ChangeSet) => Promise<PublishResult>,
): (changes: ChangeSet) => Promise<PublishResult> {
  return async (changes) => {
    for (let count = 1; ; count++) {
      try {
        return await attempt(changes)
      } catch (error) {
        if (!(error instanceof BranchMovedError) || count === MAX_COMMIT_ATTEMPTS) throw error
        const wait = backoffMs(count, { baseMs: BACKOFF_BASE_MS, random, jitter: 'full' })
        log.info(
          `${error.message}; reading it again in ${wait} ms (attempt ${count + 1} of ${MAX_COMMIT_ATTEMPTS})`,
        )
        await clock.sleep(wait)
      }
    }
  }
}

/** The folders a change set writes to, its record files' included: what one read of the branch covers. */
export function foldersOf(changes: ChangeSet): string[] {
  const paths = [...changes.files.map((file) => file.path), ...(changes.record?.files.keys() ?? [])]
  return [...new Set(paths.map((path) => posix.dirname(path)))]
}

/** A state file on `branch` (undefined: the default branch): its text, or `missing` when the branch is. */
export function readState(
  repository: GitHubRepository,
  branch: string | undefined,
  path: string,
): Promise<{ text: string | undefined } | 'missing'> {
  return repository.readText(branch, path, MAX_STATE_FILE_BYTES)
}

/** A state file's text on `branch`, undefined when the file or the branch is not there. */
async function branchText(
  repository: GitHubRepository,
  branch: string,
  path: string,
): Promise<string | undefined> {
  const read = await readState(repository, branch, path)
  return read === 'missing' ? undefined : read.text
}

/** Commits `files` onto `branch` with compare-and-swap, and says so. */
export async function commitFiles(
  repository: GitHubRepository,
  branch: BranchState,
  files: FileChange[],
  { message, log }: { message: string; log: Log },
): Promise<{ oid: string; url: string }> {
  const commit = await commitOnce(repository, branch, files, message, log)
  log.info(`Committed ${files.length} file(s) to ${branch.name}: ${commit.url}`)
  return commit
}

/**
 * The record files to commit with `pending` onto `branch`. A record that changed on the branch since
 * the pipeline read it (another run committed in between) is read again, so no entry is lost.
 */
export async function recordFiles(
  repository: GitHubRepository,
  changes: ChangeSet,
  pending: FileChange[],
  branch: BranchState,
  log: Log,
): Promise<FileChange[]> {
  const update = changes.record
  if (update === undefined) return []
  const files = new Map(update.files)
  for (const [path, file] of update.files) {
    const readOid = branch.blobs.get(path)
    if (readOid === file.readOid) continue
    const read = await readStateFile(
      POST_RECORD,
      path,
      (path) => branchText(repository, branch.name, path),
      log,
    )
    files.set(path, read)
  }
  return recordChanges({ ...update, files }, pending).filter((file) => {
    const decision = writeDecision(file, branch.blobs.get(file.path), 'changed')
    if (!decision.write && decision.reason === 'too-large')
      logKept(log, file.path, decision.reason, `on ${branch.name}`)
    return decision.write
  })
}

/**
 * The files of the change set that `branch` should get (see write-policy.ts); the others are logged.
 * With `work`, an existing pull-request branch, a refreshed post that differs from what the action last
 * wrote is left for the work branch to decide.
 */
export function filesToWrite(
  files: FileChange[],
  branch: BranchState,
  overwrite: ChangeSet['overwrite'],
  log: Log,
  work?: BranchState,
): { pending: FileChange[]; kept: Array<{ path: string; reason: KeptReason }> } {
  const pending: FileChange[] = []
  const kept: Array<{ path: string; reason: KeptReason }> = []
  for (const file of files) {
    const decision = writeDecision(file, branch.blobs.get(file.path), overwrite)
    const onWorkBranch = work !== undefined && !decision.write && decision.reason === 'edited'
    if (decision.write || onWorkBranch) {
      pending.push(file)
    } else {
      kept.push({ path: file.path, reason: decision.reason })
      logKept(log, file.path, decision.reason, `on ${branch.name}`)
    }
  }
  return { pending, kept }
}
