import { backoffMs } from '../core/backoff.js'
import { posix } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import type { Log } from '../core/log.js'
import type { GitHubRequestLimits } from './github-fetch.js'
import {
  BranchMovedError,
  GitHubRepository,
  type BranchState,
  type RepositoryState,
} from './github-repository.js'
import { createGitHubClient } from './octokit.js'
import { POST_RECORD, recordChanges } from '../core/post-record.js'
import type { ChangeSet, FileChange, KeptReason, Publisher, PublishResult } from '../core/changes.js'
import { keptLine, writeDecision } from './write-policy.js'
import { MAX_STATE_FILE_BYTES, parseStateFile } from '../core/state-file.js'

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
  /** Tests pass a no-op so that backoff never really waits. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** See createGitHubClient; tests set 0. */
  retryAfterBaseValue?: number
  /** Time limits per request (GITHUB_REQUEST_LIMITS); tests shorten them. */
  requestLimits?: Partial<GitHubRequestLimits>
  /** The transport under Octokit; the runner's proxy-aware fetch by default. */
  transport?: typeof fetch
}

export interface GitHubPublisherOptions extends GitHubConnection {
  /** Set in pull-request mode: commit there and open (or update) a pull request into `branch`. */
  pullRequestBranch?: string
}

/** Attempts when the branch moves between our read and our commit. */
const MAX_COMMIT_ATTEMPTS = 4
const BACKOFF_BASE_MS = 500

/**
 * Publishes a change set as one commit through the GitHub API: compare-and-swap on the branch head,
 * re-read and retried when someone else committed in between; never forced, and only the files of
 * the change set are touched.
 */
export function createGitHubPublisher(options: GitHubPublisherOptions): Publisher {
  const { log, sleep = delay, random = Math.random } = options
  const client = createGitHubClient({ ...options, sleep, random, limits: options.requestLimits })
  const repository = new GitHubRepository(client, { ...options, secrets: [options.token] })

  async function publishOnce(changes: ChangeSet): Promise<PublishResult> {
    const paths = [...changes.files.map((file) => file.path), ...(changes.record?.files.keys() ?? [])]
    const state = await repository.read(options.branch, folderNames(paths), options.pullRequestBranch)
    // With an open pull request, the action's last write of a refreshed post is on the work branch:
    // only there can it tell an edit from its own unmerged work.
    const { pending, kept } = filesToWrite(changes.files, state.base, changes.overwrite, log, state.work)
    if (pending.length === 0) return { written: [], kept }
    if (options.pullRequestBranch === undefined) {
      const toCommit = [...pending, ...(await recordFiles(changes, pending, state.base))]
      const commit = await repository.commit(state.base, toCommit, changes.message)
      log.info(`Committed ${toCommit.length} file(s) to ${state.base.name}: ${commit.url}`)
      return {
        written: toCommit.map((file) => file.path),
        kept,
        commitSha: commit.oid,
        commitUrl: commit.url,
        commitBranch: state.base.name,
      }
    }
    const published = await publishPullRequest(state, pending, changes, options.pullRequestBranch)
    return { ...published, kept: [...kept, ...published.kept] }
  }

  /**
   * The record files to commit with `pending` onto `branch`. A record that changed on the branch since
   * the pipeline read it (another run committed in between) is read again, so no entry is lost.
   */
  async function recordFiles(changes: ChangeSet, pending: FileChange[], branch: BranchState) {
    const update = changes.record
    if (update === undefined) return []
    const files = new Map(update.files)
    for (const [path, file] of update.files) {
      if (branch.blobs.get(path) === file.readOid) continue
      const read = await repository.readText(branch.name, path, MAX_STATE_FILE_BYTES)
      const text = read === 'missing' ? undefined : read.text
      const { entries, problem } =
        text === undefined ? { entries: new Map(), problem: undefined } : parseStateFile(POST_RECORD, text)
      files.set(path, { entries, readOid: branch.blobs.get(path), writable: problem === undefined })
    }
    return recordChanges({ ...update, files }, pending).filter(
      (file) => writeDecision(file, branch.blobs.get(file.path), 'changed').write,
    )
  }

  /**
   * The work branch gets what the target branch lacks. A file already on the work branch follows
   * `overwrite` there too: under `never`, a person's fix pushed to the open pull request stays; under
   * `changed`, the action's rendering wins, as it does on the target branch (the fix stays in the
   * branch's history, which is never rewritten).
   */
  async function publishPullRequest(
    state: RepositoryState,
    pending: FileChange[],
    changes: ChangeSet,
    workBranchName: string,
  ): Promise<PublishResult> {
    const { message, overwrite } = changes
    let work = state.work
    if (work === undefined) {
      await repository.createBranch(state.repositoryId, workBranchName, state.base.headOid)
      log.info(`Created branch ${workBranchName} from ${state.base.name}`)
      work = { name: workBranchName, headOid: state.base.headOid, blobs: state.base.blobs }
    }
    const { pending: posts, kept } = filesToWrite(pending, work, overwrite, log)
    const toCommit = [...posts, ...(await recordFiles(changes, posts, work))]
    const commit = toCommit.length > 0 ? await repository.commit(work, toCommit, message) : undefined
    if (commit) log.info(`Committed ${toCommit.length} file(s) to ${work.name}: ${commit.url}`)
    let pullRequestUrl = state.openPullRequestUrl
    if (pullRequestUrl === undefined) {
      const [title = '', ...body] = message.split('\n')
      pullRequestUrl = await repository.createPullRequest(state.repositoryId, {
        base: state.base.name,
        head: work.name,
        title,
        body: body.join('\n').trim() || 'Opened by hf-daily-papers.',
      })
      log.info(`Opened pull request ${pullRequestUrl}`)
    } else {
      log.info(
        commit ? `Updated pull request ${pullRequestUrl}` : `Pull request ${pullRequestUrl} left as it is`,
      )
    }
    return {
      written: toCommit.map((file) => file.path),
      kept,
      commitSha: commit?.oid,
      commitUrl: commit?.url,
      commitBranch: commit ? work.name : undefined,
      pullRequestUrl,
    }
  }

  return {
    async readText(path) {
      // In pull-request mode the open pull request's branch holds what the action wrote last.
      if (options.pullRequestBranch !== undefined) {
        const onWork = await repository.readText(options.pullRequestBranch, path, MAX_STATE_FILE_BYTES)
        if (onWork !== 'missing') return onWork.text
      }
      const onBase = await repository.readText(options.branch, path, MAX_STATE_FILE_BYTES)
      if (onBase === 'missing') throw new Error(repository.missingBranch(options.branch))
      return onBase.text
    },

    async publish(changes) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await publishOnce(changes)
        } catch (error) {
          if (!(error instanceof BranchMovedError) || attempt === MAX_COMMIT_ATTEMPTS) throw error
          const wait = backoffMs(attempt, { baseMs: BACKOFF_BASE_MS, random, jitter: 'full' })
          log.info(
            `${error.message}; reading it again in ${wait} ms (attempt ${attempt + 1} of ${MAX_COMMIT_ATTEMPTS})`,
          )
          await sleep(wait)
        }
      }
    },
  }
}

/**
 * The files of the change set that `branch` should get (see write-policy.ts); the others are logged.
 * With `work`, an existing pull-request branch, a refreshed post that differs from what the action last
 * wrote is left for the work branch to decide.
 */
function filesToWrite(
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
      log.info(keptLine(file.path, decision.reason, `on ${branch.name}`))
    }
  }
  return { pending, kept }
}

function folderNames(paths: string[]): string[] {
  return [...new Set(paths.map((path) => posix.dirname(path)))]
}
