import {
  explainGitHubError,
  graphqlErrors,
  outcomeUnknown,
  repositoryNotFound,
  type FailureContext,
} from './explain.js'
import {
  CREATE_COMMIT_ON_BRANCH,
  CREATE_PULL_REQUEST,
  CREATE_REF,
  readFilesDocument,
  readBranchDocument,
  FOLDER_SLOTS,
  type ReadBranchResult,
  type FileText,
  type ReadFilesResult,
} from './graphql.js'
import type { Octokit } from '@octokit/core'
import { Response } from 'undici'
import { createGitHubClient, type GitHubConnection } from './octokit.js'
import type { FileChange } from '../core/changes.js'
import { MAX_STATE_FILE_BYTES, NOT_TEXT, TOO_LARGE, UnreadableStateError } from '../core/state-file.js'
import { gitBlobOid } from '../core/git-blob.js'
import { branchState, type BranchState, type RepositoryState } from './branch-state.js'

/** `expectedHeadOid` no longer matches: someone else committed in between. */
export class BranchMovedError extends Error {}

/** A mutation that may have been carried out; never sent again blindly: read-back.ts reads it back. */
export class UncertainMutationError extends Error {}

export class GitHubRepository {
  private readonly nameWithOwner: string
  private readonly client: Octokit

  constructor(private readonly target: GitHubConnection) {
    this.nameWithOwner = `${target.repository.owner}/${target.repository.repo}`
    this.client = createGitHubClient(target)
  }

  async read(
    branch: string | undefined,
    folders: string[],
    workBranch: string | undefined,
    paths: readonly string[] = [],
  ): Promise<RepositoryState> {
    if (folders.length > FOLDER_SLOTS.length)
      throw new Error(
        `A change set writes to ${folders.length} folders (${folders.join(', ')}), but one read covers at most ${FOLDER_SLOTS.length}`,
      )
    const variables: Record<string, unknown> = this.branchVariables(branch, workBranch, paths)
    for (const [slot, folder] of folders.entries())
      Object.assign(variables, { [`folder${slot}`]: folder, [`withFolder${slot}`]: true })
    const { repository } = await this.graphql<ReadBranchResult>(readBranchDocument(paths.length), variables)
    if (repository === null)
      throw new Error(repositoryNotFound(this.nameWithOwner, this.target.otherRepository))
    const base = branch === undefined ? repository.defaultBranchRef : repository.ref
    if (!base?.target) throw new Error(this.missingBranch(branch))
    const work = repository.workBranch?.target ? repository.workBranch : undefined
    const pullRequests = work?.associatedPullRequests?.nodes?.filter((node) => node !== null) ?? []
    const open = pullRequests.find((pullRequest) => pullRequest.state === 'OPEN')?.url
    const latest = open === undefined ? pullRequests[0] : undefined
    return {
      files: await this.texts(paths, (work ?? base).target),
      repositoryId: repository.id,
      base: branchState(base.name, base.target, folders),
      work: work && branchState(work.name, work.target!, folders),
      openPullRequestUrl: open,
      finishedPullRequest:
        latest && latest.state !== 'OPEN' ? { url: latest.url, state: latest.state } : undefined,
      otherPullRequests: otherPullRequests(repository.openPullRequests, base.name, workBranch),
      workPullRequestFiles: open === undefined ? undefined : workPullRequestFiles(repository, open),
    }
  }

  /** On `workBranch` when it exists, else on `branch` (undefined: the default branch), in one request. */
  async readTexts(
    branch: string | undefined,
    workBranch: string | undefined,
    paths: readonly string[],
  ): Promise<Map<string, string | undefined | UnreadableStateError>> {
    const { repository } = await this.graphql<ReadFilesResult>(
      readFilesDocument(paths.length),
      this.branchVariables(branch, workBranch, paths),
      branch === undefined ? {} : { branch },
    )
    if (repository === null)
      throw new Error(repositoryNotFound(this.nameWithOwner, this.target.otherRepository))
    const base = branch === undefined ? repository.defaultBranchRef : repository.ref
    const files = repository.workBranch?.target ?? base?.target
    if (!files) throw new Error(this.missingBranch(branch))
    return this.texts(paths, files)
  }

  private branchVariables(
    branch: string | undefined,
    workBranch: string | undefined,
    paths: readonly string[],
  ) {
    return {
      owner: this.target.repository.owner,
      name: this.target.repository.repo,
      qualifiedName: branch === undefined ? '' : `refs/heads/${branch}`,
      useDefaultBranch: branch === undefined,
      workBranch: workBranch === undefined ? '' : `refs/heads/${workBranch}`,
      withWorkBranch: workBranch !== undefined,
      ...Object.fromEntries(paths.map((path, number) => [`path${number}`, path])),
    }
  }

  private async texts(
    paths: readonly string[],
    files: Partial<Record<`file${number}`, FileText | null>> | null,
  ): Promise<Map<string, string | undefined | UnreadableStateError>> {
    const read = async (path: string, number: number) =>
      [path, await this.text(path, files?.[`file${number}`])] as const
    return new Map(await Promise.all(paths.map(read)))
  }

  /** A blob whose `text` GraphQL truncated is read whole over REST and checked against its id. */
  private async text(
    path: string,
    file: FileText | null | undefined,
  ): Promise<string | undefined | UnreadableStateError> {
    const blob = file?.object
    if (!blob) return undefined
    if ((blob.byteSize ?? 0) > MAX_STATE_FILE_BYTES) return new UnreadableStateError(path, TOO_LARGE)
    if (blob.isBinary || typeof blob.text !== 'string') return new UnreadableStateError(path, NOT_TEXT)
    if (!blob.isTruncated) return blob.text
    const oid = blob.oid ?? ''
    const bytes = await this.rawBlob(oid)
    if (bytes.length > MAX_STATE_FILE_BYTES) return new UnreadableStateError(path, TOO_LARGE)
    const text = bytes.toString('utf8')
    const different = `could not be read whole (GitHub's blob ${oid} came back different)`
    return gitBlobOid(text) === oid ? text : new UnreadableStateError(path, different)
  }

  private async rawBlob(oid: string): Promise<Buffer> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        owner: this.target.repository.owner,
        repo: this.target.repository.repo,
        file_sha: oid,
        headers: { accept: 'application/vnd.github.raw+json' },
        // The body as bytes, whatever its content type says: a JSON state file must not be parsed here.
        request: { parseSuccessResponseBody: false },
      })
      return Buffer.from(await new Response(data as unknown as ReadableStream).arrayBuffer())
    } catch (error) {
      // eslint-disable-next-line preserve-caught-error
      throw new Error(explainGitHubError(error, this.failureContext({})))
    }
  }

  async commit(
    branch: BranchState,
    files: FileChange[],
    message: string,
  ): Promise<{ oid: string; url: string }> {
    const [headline = '', ...body] = message.split('\n')
    const result = await this.graphql<{
      createCommitOnBranch: { commit: { oid: string; url: string } | null } | null
    }>(
      CREATE_COMMIT_ON_BRANCH,
      {
        input: {
          branch: { repositoryNameWithOwner: this.nameWithOwner, branchName: branch.name },
          expectedHeadOid: branch.headOid,
          message: { headline, body: body.join('\n').trim() || undefined },
          fileChanges: {
            additions: files.map((file) => ({
              path: file.path,
              contents: Buffer.from(file.content).toString('base64'),
            })),
          },
        },
      },
      { branch: branch.name, mutation: true },
    )
    const commit = result.createCommitOnBranch?.commit
    if (!commit)
      throw new UncertainMutationError(`GitHub accepted the commit on ${branch.name} but returned no commit`)
    return commit
  }

  async createBranch(repositoryId: string, name: string, oid: string): Promise<void> {
    const result = await this.graphql<{ createRef: { ref: { name: string } | null } | null }>(
      CREATE_REF,
      { input: { repositoryId, name: `refs/heads/${name}`, oid } },
      { branch: name, mutation: true },
    )
    if (!result.createRef?.ref)
      throw new UncertainMutationError(
        `GitHub did not say it created the branch ${name} in ${this.nameWithOwner}`,
      )
  }

  async createPullRequest(
    repositoryId: string,
    { base, head, title, body }: { base: string; head: string; title: string; body: string },
  ): Promise<string> {
    const result = await this.graphql<{ createPullRequest: { pullRequest: { url: string } | null } | null }>(
      CREATE_PULL_REQUEST,
      { input: { repositoryId, baseRefName: base, headRefName: head, title, body } },
      { pullRequest: { head, base }, mutation: true },
    )
    const pullRequest = result.createPullRequest?.pullRequest
    if (!pullRequest)
      throw new UncertainMutationError(
        `GitHub did not say it opened the pull request from ${head} into ${base}`,
      )
    return pullRequest.url
  }

  private missingBranch(branch: string | undefined): string {
    return branch === undefined
      ? `${this.nameWithOwner} has no default branch yet (an empty repository?): push a first commit, or name a branch with the "branch" input`
      : `Branch "${branch}" does not exist in ${this.nameWithOwner}: check the "branch" input, or leave it empty for the default branch`
  }

  private async graphql<T>(
    query: string,
    variables: Record<string, unknown>,
    {
      mutation = false,
      ...about
    }: Pick<FailureContext, 'branch' | 'pullRequest'> & { mutation?: boolean } = {},
  ): Promise<T> {
    let data: T | undefined
    try {
      data = await this.client.graphql<T>({ query, url: this.target.graphqlUrl, ...variables })
    } catch (error) {
      const stale = (e: { type?: string; message: string }) =>
        e.type === 'STALE_DATA' || /expected branch to point to/i.test(e.message)
      if (graphqlErrors(error).some(stale))
        throw new BranchMovedError(`${about.branch ?? 'The branch'} moved while we were committing`)
      // No `cause`: GitHub's answer may echo the token, and printing a cause prints it whole; the
      // message already quotes what GitHub said, redacted and bounded.
      const message = explainGitHubError(error, this.failureContext(about))
      if (mutation && outcomeUnknown(error)) throw new UncertainMutationError(message)
      // eslint-disable-next-line preserve-caught-error
      throw new Error(message)
    }
    // A 200 whose body is not GraphQL's (a proxy's page, a cut answer): a mutation may have landed all the same.
    if (data === null || typeof data !== 'object') {
      const message = `GitHub answered ${this.target.graphqlUrl} with no GraphQL data (a proxy's page, or a cut answer)`
      if (mutation) throw new UncertainMutationError(message)
      throw new Error(`${message}: run the workflow again; if it persists, check GITHUB_GRAPHQL_URL`)
    }
    return data
  }

  private failureContext(about: Pick<FailureContext, 'branch' | 'pullRequest'>): FailureContext {
    return {
      nameWithOwner: this.nameWithOwner,
      graphqlUrl: this.target.graphqlUrl,
      otherRepository: this.target.otherRepository,
      secrets: [this.target.token],
      now: this.target.clock.now(),
      ...about,
    }
  }
}

/** Undefined when the open pull request is not among the open ones read. */
function workPullRequestFiles(
  { openPullRequests }: NonNullable<ReadBranchResult['repository']>,
  url: string,
): Set<string> | undefined {
  const own = openPullRequests?.nodes?.find((pullRequest) => pullRequest?.url === url)
  return own?.files ? new Set(own.files.nodes?.flatMap((file) => (file ? [file.path] : []))) : undefined
}

/**
 * Each file an open pull request from this repository into `base` changes, with its URL: the work branch's
 * own aside. Only a read with a work branch asks for them.
 */
function otherPullRequests(
  open: NonNullable<ReadBranchResult['repository']>['openPullRequests'],
  base: string,
  workBranch: string | undefined,
): Map<string, string> {
  const files = new Map<string, string>()
  for (const pullRequest of open?.nodes ?? []) {
    if (!pullRequest || pullRequest.isCrossRepository || pullRequest.baseRefName !== base) continue
    if (pullRequest.headRefName === workBranch) continue
    for (const file of pullRequest.files?.nodes ?? [])
      if (file && !files.has(file.path)) files.set(file.path, pullRequest.url)
  }
  return files
}
