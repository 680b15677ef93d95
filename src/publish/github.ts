import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import type { Log } from '../log.js'
import {
  CREATE_COMMIT_ON_BRANCH,
  CREATE_PULL_REQUEST,
  CREATE_REF,
  readBranchQuery,
  type BranchFiles,
  type CreateCommitResult,
  type CreatePullRequestResult,
  type CreateRefResult,
  type FolderEntries,
  type ReadBranchResult,
} from './graphql.js'
import { createGitHubClient, type GitHubClient } from './octokit.js'
import type { ChangeSet, FileChange, Publisher, PublishResult } from './publisher.js'

export interface GitHubPublisherOptions {
  token: string
  apiUrl: string
  /** GitHub Enterprise serves GraphQL at `/api/graphql`, not under the REST base: taken as given. */
  graphqlUrl: string
  repository: { owner: string; repo: string }
  /** Set when `repository` is not the workflow's own: GITHUB_TOKEN cannot write there. */
  otherRepository?: boolean
  /** Undefined: the repository's default branch. */
  branch?: string
  /** Set in pull-request mode: commit there and open (or update) a pull request into `branch`. */
  pullRequestBranch?: string
  /** A workflow file to dispatch on `branch` after a commit (GITHUB_TOKEN commits start no workflow). */
  dispatchWorkflow?: string
  userAgent: string
  log: Log
  /** Tests pass a no-op so that backoff never really waits. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** See createGitHubClient; tests set 0. */
  retryAfterBaseValue?: number
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
  const repository = new GitHubRepository(createGitHubClient(options), options)

  async function publishOnce(changes: ChangeSet): Promise<PublishResult> {
    const state = await repository.read(options.branch, folderNames(changes.files), options.pullRequestBranch)
    const pending = changes.files.filter((file) => needsWriting(file, state.base.blobs, changes.overwrite))
    for (const file of changes.files) {
      if (!pending.includes(file))
        log.info(`${file.path}: already as wanted on ${state.base.name}, left as it is`)
    }
    if (pending.length === 0) return { written: [] }
    if (options.pullRequestBranch === undefined) {
      const commit = await repository.commit(state.base, pending, changes.message)
      log.info(`Committed ${pending.length} file(s) to ${state.base.name}: ${commit.url}`)
      return { written: pending.map((file) => file.path), commitSha: commit.oid, commitUrl: commit.url }
    }
    return publishPullRequest(state, pending, changes.message, options.pullRequestBranch)
  }

  async function publishPullRequest(
    state: RepositoryState,
    pending: FileChange[],
    message: string,
    workBranchName: string,
  ): Promise<PublishResult> {
    let work = state.work
    if (work === undefined) {
      await repository.createBranch(state.repositoryId, workBranchName, state.base.headOid)
      log.info(`Created branch ${workBranchName} from ${state.base.name}`)
      work = { name: workBranchName, headOid: state.base.headOid, blobs: state.base.blobs }
    }
    const toCommit = pending.filter((file) => needsWriting(file, work.blobs, 'changed'))
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
      log.info(`Updated pull request ${pullRequestUrl}`)
    }
    return {
      written: toCommit.map((file) => file.path),
      commitSha: commit?.oid,
      commitUrl: commit?.url,
      pullRequestUrl,
    }
  }

  return {
    async publish(changes) {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await publishOnce(changes)
          if (result.commitSha && options.dispatchWorkflow && options.pullRequestBranch === undefined) {
            result.dispatchFailure = await repository.dispatch(options.dispatchWorkflow, options.branch, log)
          }
          return result
        } catch (error) {
          if (!(error instanceof BranchMovedError) || attempt === MAX_COMMIT_ATTEMPTS) throw error
          const wait = Math.round(random() * BACKOFF_BASE_MS * 2 ** (attempt - 1))
          log.info(
            `${error.message}; reading it again in ${wait} ms (attempt ${attempt + 1} of ${MAX_COMMIT_ATTEMPTS})`,
          )
          await sleep(wait)
        }
      }
    },
  }
}

interface BranchState {
  name: string
  headOid: string
  /** Repository path → git blob id, for the files in the folders we write to. */
  blobs: Map<string, string>
}

interface RepositoryState {
  repositoryId: string
  base: BranchState
  /** The pull-request work branch, when it exists already. */
  work?: BranchState
  openPullRequestUrl?: string
}

/** Thrown when `expectedHeadOid` no longer matches: someone else committed in between. */
class BranchMovedError extends Error {}

/** The blog repository as this action uses it: GraphQL to read and commit, REST to dispatch. */
class GitHubRepository {
  private readonly nameWithOwner: string

  constructor(
    private readonly client: GitHubClient,
    private readonly target: Pick<GitHubPublisherOptions, 'repository' | 'graphqlUrl' | 'otherRepository'>,
  ) {
    this.nameWithOwner = `${target.repository.owner}/${target.repository.repo}`
  }

  async read(
    branch: string | undefined,
    folders: string[],
    workBranch: string | undefined,
  ): Promise<RepositoryState> {
    const variables: Record<string, unknown> = {
      owner: this.target.repository.owner,
      name: this.target.repository.repo,
      qualifiedName: branch === undefined ? '' : `refs/heads/${branch}`,
      useDefaultBranch: branch === undefined,
      workBranch: workBranch === undefined ? '' : `refs/heads/${workBranch}`,
      withWorkBranch: workBranch !== undefined,
    }
    folders.forEach((folder, index) => (variables[`folder${index}`] = folder))
    const { repository } = await this.graphql<ReadBranchResult>(readBranchQuery(folders.length), variables)
    if (repository === null) throw new Error(this.repositoryNotFound())
    const base = branch === undefined ? repository.defaultBranchRef : repository.ref
    if (!base?.target) {
      throw new Error(
        branch === undefined
          ? `${this.nameWithOwner} has no default branch yet (an empty repository?): push a first commit, or name a branch with the "branch" input`
          : `Branch "${branch}" does not exist in ${this.nameWithOwner}: check the "branch" input, or leave it empty for the default branch`,
      )
    }
    const work = repository.workBranch?.target ? repository.workBranch : undefined
    return {
      repositoryId: repository.id,
      base: branchState(base, folders),
      work: work && branchState(work, folders),
      openPullRequestUrl: work?.associatedPullRequests?.nodes?.find((node) => node !== null)?.url,
    }
  }

  async commit(
    branch: BranchState,
    files: FileChange[],
    message: string,
  ): Promise<{ oid: string; url: string }> {
    const [headline = '', ...body] = message.split('\n')
    const result = await this.graphql<CreateCommitResult>(
      CREATE_COMMIT_ON_BRANCH,
      {
        input: {
          branch: { repositoryNameWithOwner: this.nameWithOwner, branchName: branch.name },
          expectedHeadOid: branch.headOid,
          message: { headline, ...(body.join('\n').trim() ? { body: body.join('\n').trim() } : {}) },
          fileChanges: {
            additions: files.map((file) => ({
              path: file.path,
              contents: Buffer.from(file.content).toString('base64'),
            })),
          },
        },
      },
      branch.name,
    )
    const commit = result.createCommitOnBranch?.commit
    if (!commit) throw new Error(`GitHub accepted the commit on ${branch.name} but returned no commit`)
    return commit
  }

  async createBranch(repositoryId: string, name: string, oid: string): Promise<void> {
    const result = await this.graphql<CreateRefResult>(
      CREATE_REF,
      { input: { repositoryId, name: `refs/heads/${name}`, oid } },
      name,
    )
    if (!result.createRef?.ref)
      throw new Error(`GitHub did not create the branch ${name} in ${this.nameWithOwner}`)
  }

  async createPullRequest(
    repositoryId: string,
    { base, head, title, body }: { base: string; head: string; title: string; body: string },
  ): Promise<string> {
    const result = await this.graphql<CreatePullRequestResult>(CREATE_PULL_REQUEST, {
      input: { repositoryId, baseRefName: base, headRefName: head, title, body },
    })
    const pullRequest = result.createPullRequest?.pullRequest
    if (!pullRequest) throw new Error(`GitHub did not open the pull request from ${head} into ${base}`)
    return pullRequest.url
  }

  /**
   * Starts `workflow` on `branch`, because commits made with GITHUB_TOKEN start no workflow. The
   * commit stands whatever happens here: a failure is returned, for the run to report.
   */
  async dispatch(workflow: string, branch: string | undefined, log: Log): Promise<string | undefined> {
    const { owner, repo } = this.target.repository
    const ref = branch ?? (await this.client.rest.repos.get({ owner, repo })).data.default_branch
    try {
      await this.client.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
        owner,
        repo,
        workflow_id: workflow,
        ref,
      })
      log.info(`Dispatched ${workflow} on ${ref}`)
      return undefined
    } catch (error) {
      const status = (error as { status?: number }).status
      const reason =
        status === 403
          ? 'the token may not start workflows: give the job `permissions: actions: write`'
          : status === 404
            ? `there is no workflow "${workflow}" in .github/workflows on ${ref}: check the "dispatch-workflow" input`
            : status === 422
              ? `"${workflow}" cannot be dispatched: add \`workflow_dispatch:\` to its \`on:\` triggers`
              : `GitHub answered ${status ?? (error as Error).message}`
      return `The post was committed, but dispatching ${workflow} failed: ${reason}`
    }
  }

  /** Every GitHub error becomes a message that says what to fix; a moved branch becomes BranchMovedError. */
  private async graphql<T>(query: string, variables: Record<string, unknown>, branch?: string): Promise<T> {
    try {
      return await this.client.graphql<T>({ query, url: this.target.graphqlUrl, ...variables })
    } catch (error) {
      if (graphqlErrors(error).some(isStaleHead))
        throw new BranchMovedError(`${branch ?? 'The branch'} moved while we were committing`)
      throw new Error(this.explain(error, branch), { cause: error })
    }
  }

  private explain(error: unknown, branch: string | undefined): string {
    const status = (error as { status?: number }).status
    const errors = graphqlErrors(error)
    const said =
      errors.map((e) => e.message).join('; ') || (error instanceof Error ? error.message : String(error))
    if (status === 401) {
      return `GitHub rejected the token (401 Bad credentials): check the "token" input; the default \${{ github.token }} works for the workflow's own repository`
    }
    if (
      errors.some((e) =>
        /protected branch|rule violation|through a pull request|status check/i.test(e.message),
      )
    ) {
      return `${branch ?? 'The branch'} in ${this.nameWithOwner} is protected and refused the commit (GitHub: "${said}"): use \`mode: pull-request\`, or let this token bypass the protection`
    }
    if (
      status === 403 ||
      errors.some((e) => e.type === 'FORBIDDEN' || /not accessible by integration/i.test(e.message))
    ) {
      return this.target.otherRepository
        ? `The token may not write to ${this.nameWithOwner} (GitHub: "${said}"). The workflow's GITHUB_TOKEN only reaches its own repository: pass a fine-grained PAT or a GitHub App token (actions/create-github-app-token) with contents: write on ${this.nameWithOwner} as "token"`
        : `The token may not write to ${this.nameWithOwner} (GitHub: "${said}"). Give the job \`permissions: contents: write\` (and \`pull-requests: write\` in pull-request mode)`
    }
    if (status === 404 || errors.some((e) => e.type === 'NOT_FOUND' && e.path?.[0] === 'repository')) {
      return this.repositoryNotFound()
    }
    return `GitHub GraphQL request to ${this.target.graphqlUrl} for ${this.nameWithOwner} failed${status ? ` (${status})` : ''}: ${said}`
  }

  private repositoryNotFound(): string {
    const hint = this.target.otherRepository
      ? '; the workflow\'s GITHUB_TOKEN cannot see other repositories: pass a PAT or GitHub App token with access as "token"'
      : ''
    return `Repository ${this.nameWithOwner} was not found, or the token cannot see it: check the "repository" input (owner/name)${hint}`
  }
}

function branchState(ref: BranchFiles, folders: string[]): BranchState {
  const target = ref.target as NonNullable<BranchFiles['target']>
  const blobs = new Map<string, string>()
  folders.forEach((folder, index) => {
    const entries = (target[`folder${index}`] as FolderEntries | null)?.object?.entries ?? []
    for (const entry of entries) blobs.set(posix.join(folder, entry.name), entry.oid)
  })
  return { name: ref.name, headOid: target.oid, blobs }
}

interface GraphqlError {
  type?: string
  message: string
  path?: Array<string | number>
}

function graphqlErrors(error: unknown): GraphqlError[] {
  const errors = (error as { errors?: unknown }).errors
  return Array.isArray(errors) ? (errors as GraphqlError[]) : []
}

function isStaleHead(error: GraphqlError): boolean {
  return error.type === 'STALE_DATA' || /expected branch to point to/i.test(error.message)
}

function needsWriting(
  file: FileChange,
  blobs: Map<string, string>,
  overwrite: ChangeSet['overwrite'],
): boolean {
  const existing = blobs.get(file.path)
  if (existing === undefined) return true
  return overwrite === 'changed' && existing !== gitBlobOid(file.content)
}

/** The id git gives a file's content: SHA-1 of `blob <size>\0<bytes>`. */
export function gitBlobOid(content: string): string {
  const bytes = Buffer.from(content)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

function folderNames(files: FileChange[]): string[] {
  return [...new Set(files.map((file) => posix.dirname(file.path)))]
}
