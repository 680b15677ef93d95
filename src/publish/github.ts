import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import type { Log } from '../log.js'
import {
  CREATE_COMMIT_ON_BRANCH,
  readBranchQuery,
  type BranchFiles,
  type CreateCommitResult,
  type FolderEntries,
  type ReadBranchResult,
} from './graphql.js'
import { createGitHubClient, type GitHubClient } from './octokit.js'
import type { ChangeSet, FileChange, Publisher } from './publisher.js'

export interface GitHubPublisherOptions {
  token: string
  apiUrl: string
  /** GitHub Enterprise serves GraphQL at `/api/graphql`, not under the REST base: taken as given. */
  graphqlUrl: string
  repository: { owner: string; repo: string }
  /** Undefined: the repository's default branch. */
  branch?: string
  userAgent: string
  log: Log
  /** See createGitHubClient; tests set 0. */
  retryAfterBaseValue?: number
}

/** Attempts when the branch moves between our read and our commit. */
const MAX_COMMIT_ATTEMPTS = 3

/** Commits a change set as one commit on a branch, compare-and-swap on the branch head. */
export function createGitHubPublisher(options: GitHubPublisherOptions): Publisher {
  const repository = new GitHubRepository(
    createGitHubClient(options),
    options.graphqlUrl,
    options.repository.owner,
    options.repository.repo,
  )
  return {
    async publish(changes) {
      for (let attempt = 1; ; attempt++) {
        const branch = await repository.readBranch(options.branch, folderNames(changes.files))
        const pending = changes.files.filter((file) => needsWriting(file, branch.blobs, changes.overwrite))
        for (const file of changes.files) {
          if (!pending.includes(file))
            options.log.info(`${file.path}: unchanged on ${branch.name}, left as it is`)
        }
        if (pending.length === 0) return { written: [] }
        try {
          const commit = await repository.createCommit(branch, pending, changes.message)
          options.log.info(`Committed ${pending.length} file(s) to ${branch.name}: ${commit.url}`)
          return { written: pending.map((file) => file.path), commitSha: commit.oid, commitUrl: commit.url }
        } catch (error) {
          if (!(error instanceof BranchMovedError) || attempt === MAX_COMMIT_ATTEMPTS) throw error
          options.log.info(
            `${branch.name} moved while we were committing; reading it again (attempt ${attempt + 1})`,
          )
        }
      }
    },
  } satisfies Publisher
}

interface BranchState {
  name: string
  headOid: string
  /** Repository path → git blob id, for the files in the folders we write to. */
  blobs: Map<string, string>
}

/** Thrown when `expectedHeadOid` no longer matches: someone else committed in between. */
class BranchMovedError extends Error {}

/** The blog repository as this action uses it: one GraphQL query to read, one mutation to commit. */
class GitHubRepository {
  private readonly nameWithOwner: string

  constructor(
    private readonly client: GitHubClient,
    private readonly graphqlUrl: string,
    private readonly owner: string,
    private readonly repo: string,
  ) {
    this.nameWithOwner = `${owner}/${repo}`
  }

  async readBranch(branch: string | undefined, folders: string[]): Promise<BranchState> {
    const variables: Record<string, unknown> = {
      owner: this.owner,
      name: this.repo,
      qualifiedName: branch === undefined ? '' : `refs/heads/${branch}`,
      useDefaultBranch: branch === undefined,
    }
    folders.forEach((folder, index) => (variables[`folder${index}`] = folder))
    const result = await this.graphql<ReadBranchResult>(readBranchQuery(folders.length), variables)
    if (result.repository === null) throw new Error(this.repositoryNotFound())
    const ref: BranchFiles | null | undefined =
      branch === undefined ? result.repository.defaultBranchRef : result.repository.ref
    if (!ref || !ref.target) {
      throw new Error(
        branch === undefined
          ? `${this.nameWithOwner} has no default branch yet (an empty repository?): push a first commit, or name a branch with the "branch" input`
          : `Branch "${branch}" does not exist in ${this.nameWithOwner}: check the "branch" input, or leave it empty for the default branch`,
      )
    }
    const target = ref.target
    const blobs = new Map<string, string>()
    folders.forEach((folder, index) => {
      const entries = (target[`folder${index}`] as FolderEntries | null)?.object?.entries ?? []
      for (const entry of entries) blobs.set(posix.join(folder, entry.name), entry.oid)
    })
    return { name: ref.name, headOid: target.oid, blobs }
  }

  async createCommit(
    branch: BranchState,
    files: FileChange[],
    message: string,
  ): Promise<{ oid: string; url: string }> {
    const [headline = '', ...body] = message.split('\n')
    try {
      const result = await this.graphql<CreateCommitResult>(CREATE_COMMIT_ON_BRANCH, {
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
      })
      const commit = result.createCommitOnBranch?.commit
      if (!commit) throw new Error(`GitHub accepted the commit on ${branch.name} but returned no commit`)
      return commit
    } catch (error) {
      if (graphqlErrors(error).some(isStaleHead)) throw new BranchMovedError(`${branch.name} moved`)
      throw error
    }
  }

  /** Every GitHub error becomes a message that says what to fix. */
  private async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await this.client.graphql<T>({ query, url: this.graphqlUrl, ...variables })
    } catch (error) {
      if (graphqlErrors(error).some(isStaleHead)) throw error
      throw new Error(this.explain(error), { cause: error })
    }
  }

  private explain(error: unknown): string {
    const status = (error as { status?: number }).status
    const errors = graphqlErrors(error)
    const said =
      errors.map((e) => e.message).join('; ') || (error instanceof Error ? error.message : String(error))
    if (status === 401) {
      return `GitHub rejected the token (401 Bad credentials): check the "token" input; the default \${{ github.token }} works for the workflow's own repository`
    }
    if (
      status === 403 ||
      errors.some((e) => e.type === 'FORBIDDEN' || /not accessible by integration/i.test(e.message))
    ) {
      return (
        `The token may not write to ${this.nameWithOwner} (GitHub: "${said}"). Give the job \`permissions: contents: write\`; ` +
        `for another repository, pass a token with access to it (a fine-grained PAT or a GitHub App token) as "token"`
      )
    }
    if (status === 404 || errors.some((e) => e.type === 'NOT_FOUND' && e.path?.[0] === 'repository')) {
      return this.repositoryNotFound()
    }
    return `GitHub GraphQL request to ${this.graphqlUrl} for ${this.nameWithOwner} failed${status ? ` (${status})` : ''}: ${said}`
  }

  private repositoryNotFound(): string {
    return `Repository ${this.nameWithOwner} was not found, or the token cannot see it: check the "repository" input (owner/name) and that the token has access to it`
  }
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
