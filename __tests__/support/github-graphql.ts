/**
 * The GitHub stand-in's GraphQL resolvers over its git repository, for GitHub's published schema
 * (github-schema.ts), each object strict so that a field the stand-in does not implement fails loudly
 * instead of answering null; errors carry GitHub's `type`.
 */
import { type TreeEntry } from './git-objects.ts'
import { type GitRepository } from './git-repository.ts'

export type TokenAccess = 'write' | 'read'
export interface PullRequest {
  number: number
  url: string
  baseRefName: string
  headRefName: string
  title: string
  body: string
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  /** Opened from a fork (its head branch stands in the stand-in's repository all the same). */
  fromFork?: boolean
}
/** An error GitHub answers with a `type`, e.g. FORBIDDEN or NOT_FOUND. */
class TypedError extends Error {
  readonly type: string

  constructor(type: string, message: string) {
    super(message)
    this.type = type
  }
}

export interface Resolution {
  git: GitRepository
  owner: string
  repo: string
  access: TokenAccess
  baseUrl: string
  pullRequests: PullRequest[]
  protectedBranches: Set<string>
  actionsMayCreatePullRequests: boolean
}

const REPOSITORY_ID = 'R_standIn'

/**
 * Objects for graphql-js's default resolver: a property is a field, a function property is called with
 * the field's arguments. Each object is wrapped so that a field it lacks throws instead of being null.
 */
export function rootResolvers(context: Resolution) {
  const { git, owner, repo } = context
  return strict('Root', {
    repository: ({ owner: askedOwner, name }: { owner: string; name: string }) => {
      if (askedOwner !== owner || name !== repo) {
        throw new TypedError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${askedOwner}/${name}'.`,
        )
      }
      return repositoryObject(context)
    },
    createCommitOnBranch: async ({ input }: { input: CreateCommitInput }) => {
      if (context.access !== 'write')
        throw new TypedError('FORBIDDEN', 'Resource not accessible by integration')
      if (input.branch.repositoryNameWithOwner !== `${owner}/${repo}`) {
        throw new TypedError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${input.branch.repositoryNameWithOwner}'.`,
        )
      }
      const files = Object.fromEntries(
        (input.fileChanges?.additions ?? []).map((file) => [
          file.path,
          Buffer.from(file.contents, 'base64').toString(),
        ]),
      )
      if ((input.fileChanges?.deletions ?? []).length > 0)
        throw new Error('the stand-in does not implement deletions')
      const message = [input.message.headline, input.message.body].filter(Boolean).join('\n\n')
      if ((await git.head(input.branch.branchName)) === undefined) {
        throw new TypedError(
          'NOT_FOUND',
          `A ref named "refs/heads/${input.branch.branchName}" does not exist.`,
        )
      }
      if (context.protectedBranches.has(input.branch.branchName)) {
        throw new TypedError(
          'UNPROCESSABLE',
          'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
        )
      }
      const oid = await git.commit(input.branch.branchName, files, message, {
        expectedHead: input.expectedHeadOid,
      })
      return strict('CreateCommitOnBranchPayload', { commit: commitObject(context, oid) })
    },
    createRef: async ({ input }: { input: { repositoryId: string; name: string; oid: string } }) => {
      if (context.access !== 'write')
        throw new TypedError('FORBIDDEN', 'Resource not accessible by integration')
      if (input.repositoryId !== REPOSITORY_ID)
        throw new TypedError('NOT_FOUND', 'Could not resolve to a node')
      const name = input.name.replace(/^refs\/heads\//, '')
      if ((await git.head(name)) !== undefined)
        throw new TypedError('UNPROCESSABLE', `A ref named "${input.name}" already exists.`)
      await git.git(['update-ref', input.name, input.oid, ''])
      return strict('CreateRefPayload', { ref: await refObject(context, name) })
    },
    createPullRequest: ({
      input,
    }: {
      input: Omit<PullRequest, 'number' | 'url' | 'state'> & { repositoryId: string }
    }) => {
      if (context.access !== 'write')
        throw new TypedError('FORBIDDEN', 'Resource not accessible by integration')
      // GitHub's refusal when the repository setting is off, whatever the job's `permissions:` grant.
      if (!context.actionsMayCreatePullRequests)
        throw new TypedError(
          'FORBIDDEN',
          'GitHub Actions is not permitted to create or approve pull requests.',
        )
      const open = context.pullRequests.find(
        (pr) => pr.headRefName === input.headRefName && pr.state === 'OPEN',
      )
      if (open)
        throw new TypedError(
          'UNPROCESSABLE',
          `A pull request already exists for ${owner}:${input.headRefName}.`,
        )
      const number = context.pullRequests.length + 1
      const pullRequest: PullRequest = {
        number,
        url: `${context.baseUrl}/${owner}/${repo}/pull/${number}`,
        baseRefName: input.baseRefName,
        headRefName: input.headRefName,
        title: input.title,
        body: input.body ?? '',
        state: 'OPEN',
      }
      context.pullRequests.push(pullRequest)
      return strict('CreatePullRequestPayload', {
        pullRequest: strict('PullRequest', { number, url: pullRequest.url }),
      })
    },
  })
}

interface CreateCommitInput {
  branch: { repositoryNameWithOwner: string; branchName: string }
  expectedHeadOid: string
  message: { headline: string; body?: string }
  fileChanges?: { additions?: Array<{ path: string; contents: string }>; deletions?: Array<{ path: string }> }
}

function repositoryObject(context: Resolution) {
  const { git, owner, repo } = context
  return strict('Repository', {
    __typename: 'Repository',
    id: REPOSITORY_ID,
    nameWithOwner: `${owner}/${repo}`,
    defaultBranchRef: async () => {
      const name = await git.defaultBranch()
      return refObject(context, name)
    },
    ref: async ({ qualifiedName }: { qualifiedName: string }) => {
      const name = qualifiedName.replace(/^refs\/heads\//, '')
      return (await git.head(name)) === undefined ? null : refObject(context, name)
    },
    pullRequests: ({ states, first }: Listing) =>
      listing(context, context.pullRequests.filter(inStates(states)), first, true),
  })
}

type Listing = { states?: string[]; first?: number; orderBy?: { direction: string } }
const inStates = (states: string[] | undefined) => (pr: PullRequest) => !states || states.includes(pr.state)

/** Kept in the order they were opened: the newest first stands in for GitHub's CREATED_AT or UPDATED_AT. */
function listing(context: Resolution, chosen: PullRequest[], first = 100, newestFirst = false) {
  const nodes = (newestFirst ? chosen.reverse() : chosen)
    .slice(0, first)
    .map((pr) => pullRequestObject(context, pr))
  return strict('PullRequestConnection', { nodes, totalCount: nodes.length })
}

/** As GitHub lists a pull request's files: what its head changes since it left the base branch. */
function pullRequestObject(context: Resolution, pr: PullRequest) {
  return strict('PullRequest', {
    number: pr.number,
    url: pr.url,
    state: pr.state,
    headRefName: pr.headRefName,
    baseRefName: pr.baseRefName,
    isCrossRepository: pr.fromFork ?? false,
    files: async ({ first }: { first?: number }) => {
      const changed = await context.git.git(['diff', '--name-only', `${pr.baseRefName}...${pr.headRefName}`])
      const nodes = changed
        .split('\n')
        .filter((path) => path !== '')
        .slice(0, first ?? 100)
        .map((path) => strict('PullRequestChangedFile', { path }))
      return strict('PullRequestChangedFileConnection', { nodes, totalCount: nodes.length })
    },
  })
}

async function refObject(context: Resolution, name: string) {
  const oid = await context.git.head(name)
  return strict('Ref', {
    __typename: 'Ref',
    name,
    prefix: 'refs/heads/',
    target: oid === undefined ? null : commitObject(context, oid),
    associatedPullRequests: ({ states, first, orderBy }: Listing) => {
      const ours = context.pullRequests.filter((pr) => pr.headRefName === name && inStates(states)(pr))
      return listing(context, ours, first, orderBy?.direction === 'DESC')
    },
  })
}

function commitObject(context: Resolution, oid: string) {
  return strict('Commit', {
    __typename: 'Commit',
    oid,
    url: `${context.baseUrl}/${context.owner}/${context.repo}/commit/${oid}`,
    parents: async ({ first }: { first?: number }) => {
      const nodes = (await context.git.objects.parents(oid))
        .slice(0, first ?? 100)
        .map((parent) => commitObject(context, parent))
      return strict('CommitConnection', { nodes })
    },
    file: async ({ path }: { path: string }) => {
      const entry = await context.git.objects.entry(oid, path)
      return entry ? treeEntryObject(context, entry) : null
    },
  })
}

function treeEntryObject(context: Resolution, { mode, type, oid, path }: TreeEntry) {
  return strict('TreeEntry', {
    name: path.split('/').pop(),
    path,
    oid,
    mode: Number.parseInt(mode, 8),
    type,
    object: () => (type === 'tree' ? treeObject(context, oid) : blobObject(context, oid)),
  })
}

function treeObject(context: Resolution, oid: string) {
  return strict('Tree', {
    __typename: 'Tree',
    oid,
    entries: async () =>
      (await context.git.objects.entries(oid)).map((entry) => treeEntryObject(context, entry)),
  })
}

/** Where github.com stops a Blob's `text`, setting `isTruncated`: 512,000 bytes. */
export const BLOB_TEXT_LIMIT = 512_000

function blobObject(context: Resolution, oid: string) {
  const bytes = context.git.blob(oid)
  // git's own test for binary: a NUL byte in the first 8,000 bytes. GitHub's `text` is null then.
  const isBinary = async () => (await bytes).subarray(0, 8000).includes(0)
  return strict('Blob', {
    __typename: 'Blob',
    oid,
    isBinary,
    isTruncated: async () => (await bytes).length > BLOB_TEXT_LIMIT,
    byteSize: async () => (await bytes).length,
    text: async () => ((await isBinary()) ? null : truncatedText(await bytes)),
  })
}

/** The first BLOB_TEXT_LIMIT bytes as text, cut at a character's start as github.com cuts it. */
function truncatedText(bytes: Buffer): string {
  if (bytes.length <= BLOB_TEXT_LIMIT) return bytes.toString('utf8')
  let end = BLOB_TEXT_LIMIT
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString('utf8')
}

/** Wraps a resolver object so that asking it for a field it does not implement is an error. */
function strict<T extends object>(type: string, fields: T): T {
  return new Proxy(fields, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target || key === 'then')
        return Reflect.get(target, key, receiver)
      throw new Error(`the GitHub stand-in does not implement ${type}.${key}`)
    },
  })
}
