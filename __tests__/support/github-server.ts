/**
 * A local stand-in for GitHub's API whose state is a real (bare) git repository. Every GraphQL
 * document is parsed and validated against GitHub's published schema (@octokit/graphql-schema) and
 * executed by graphql-js with resolvers over git; a field the stand-in does not implement fails
 * loudly instead of answering null. `createCommitOnBranch` makes a real commit, compare-and-swap on
 * `expectedHeadOid` like GitHub.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as delay } from 'node:timers/promises'
import {
  buildSchema,
  execute,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql'

export type TokenAccess = 'write' | 'read'

export interface GitHubServerOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Files of the first commit, path → content. */
  files?: Record<string, string>
  /** Token → what it may do; any other token gets 401 Bad credentials. */
  tokens?: Record<string, TokenAccess>
  /** Where GraphQL is served: `/graphql` (github.com) or `/api/graphql` (GitHub Enterprise). */
  graphqlPath?: string
  /** Branches that refuse direct commits, as branch protection requiring pull requests does. */
  protectedBranches?: string[]
  /** Workflow files that accept `workflow_dispatch`, e.g. `pages-deploy.yml`. */
  workflows?: string[]
  /** Waited before every answer, to make the network's cost visible in a benchmark. */
  latencyMs?: number
  /**
   * The repository setting "Allow GitHub Actions to create and approve pull requests" (Settings →
   * Actions → General), off by default on GitHub; on by default here, so that other tests can open
   * pull requests. When off, createPullRequest is refused as GitHub refuses it.
   */
  actionsMayCreatePullRequests?: boolean
  /** Every error message quotes the token the request carried, as a careless proxy or server might. */
  echoToken?: boolean
}

export interface PullRequest {
  number: number
  url: string
  baseRefName: string
  headRefName: string
  title: string
  body: string
  state: 'OPEN' | 'CLOSED' | 'MERGED'
}

export interface RecordedGitHubRequest {
  method: string
  path: string
  /** The GraphQL operation's name, e.g. `ReadBranch`, when it is one. */
  operation?: string
  /** Time the stand-in itself spent on the answer (its git work), without the latency: for the benchmark's floor. */
  workMs?: number
}

export interface GitHubServer {
  /** REST base (GITHUB_API_URL). */
  apiUrl: string
  /** GITHUB_GRAPHQL_URL */
  graphqlUrl: string
  requests: RecordedGitHubRequest[]
  git: GitRepository
  pullRequests: PullRequest[]
  /** Workflow dispatches received: file and ref. */
  dispatches: Array<{ workflow: string; ref: string }>
  /** Runs `hook` once, after the next mutation is received and before it is applied (a concurrent push). */
  beforeNextMutation(hook: () => Promise<void>): void
  /**
   * Answers the next request with this instead (a 502, a secondary rate limit …), after earlier ones.
   * `{token}` in a string of the body becomes the token the request carried.
   */
  failNext(response: { status: number; headers?: Record<string, string>; body: unknown }): void
  /**
   * The next request gets no answer (`silent`), or a 200 whose body comes a byte every
   * `intervalMs` and never ends (`trickle`), until the client gives up.
   */
  stallNext(stall: { kind: 'silent' } | { kind: 'trickle'; intervalMs: number }): void
  close(): Promise<void>
}

let schemaPromise: Promise<GraphQLSchema> | undefined
/** The published SDL defines two fields twice; the documents we validate against it are unaffected. */
function githubSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= readFile(resolve('node_modules/@octokit/graphql-schema/schema.graphql'), 'utf8').then(
    (sdl) => buildSchema(sdl, { assumeValidSDL: true }),
  )
  return schemaPromise
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const { owner = 'octo', repo = 'blog', defaultBranch = 'main', graphqlPath = '/graphql' } = options
  const tokens = options.tokens ?? { 'write-token': 'write' }
  const schema = await githubSchema()
  const git = await GitRepository.create(defaultBranch, options.files ?? { 'README.md': '# Blog\n' })
  const requests: RecordedGitHubRequest[] = []
  const mutationHooks: Array<() => Promise<void>> = []
  const failures: Array<
    | { status: number; headers?: Record<string, string>; body: unknown }
    | { stall: { kind: 'silent' } | { kind: 'trickle'; intervalMs: number } }
  > = []
  const pullRequests: PullRequest[] = []
  const dispatches: Array<{ workflow: string; ref: string }> = []
  const protectedBranches = new Set(options.protectedBranches ?? [])
  const workflows = new Set(options.workflows ?? [])
  let baseUrl = ''

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (options.latencyMs) await delay(options.latencyMs)
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname
    const record: RecordedGitHubRequest = { method: req.method ?? 'GET', path }
    requests.push(record)
    const started = performance.now()
    res.on('finish', () => (record.workMs = performance.now() - started))
    const presented = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
    const said = (message: string) => (options.echoToken ? `${message} (token ${presented})` : message)
    try {
      const failure = failures.shift()
      if (failure && 'stall' in failure) return stall(res, failure.stall)
      if (failure) return sendJson(res, failure.status, withToken(failure.body, presented), failure.headers)
      const access = tokens[presented]
      if (!access)
        return sendJson(res, 401, {
          message: said('Bad credentials'),
          documentation_url: 'https://docs.github.com/rest',
        })
      if (req.method === 'POST' && path === graphqlPath) {
        const { query, variables } = JSON.parse(await readBody(req)) as {
          query: string
          variables?: Record<string, unknown>
        }
        const document = parse(query)
        record.operation = operationName(document)
        const invalid = validate(schema, document)
        if (invalid.length > 0)
          return sendJson(res, 200, { errors: invalid.map((error) => ({ message: error.message })) })
        if (record.operation !== undefined && isMutation(document)) {
          for (const hook of mutationHooks.splice(0)) await hook()
        }
        const context: Resolution = {
          git,
          owner,
          repo,
          access,
          baseUrl,
          pullRequests,
          protectedBranches,
          actionsMayCreatePullRequests: options.actionsMayCreatePullRequests ?? true,
        }
        const result = await execute({
          schema,
          document,
          rootValue: rootResolvers(context),
          variableValues: variables,
        })
        return sendJson(res, 200, {
          ...(result.data !== undefined ? { data: result.data } : {}),
          ...(result.errors
            ? {
                errors: result.errors
                  .map(githubError)
                  .map((error) => ({ ...error, message: said(error.message) })),
              }
            : {}),
        })
      }
      const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path)
      if (!match || match[1] !== owner || match[2] !== repo)
        return sendJson(res, 404, { message: 'Not Found' })
      if (req.method === 'GET' && match[3] === undefined) {
        return sendJson(res, 200, { full_name: `${owner}/${repo}`, default_branch: defaultBranch })
      }
      const dispatch = /^\/actions\/workflows\/([^/]+)\/dispatches$/.exec(match[3] ?? '')
      if (req.method === 'POST' && dispatch) {
        const workflow = decodeURIComponent(dispatch[1] as string)
        const { ref } = JSON.parse(await readBody(req)) as { ref: string }
        if (access !== 'write')
          return sendJson(res, 403, { message: said('Resource not accessible by integration') })
        if (!workflows.has(workflow)) return sendJson(res, 404, { message: said('Not Found') })
        if ((await git.head(ref)) === undefined)
          return sendJson(res, 422, { message: `No ref found for: ${ref}` })
        dispatches.push({ workflow, ref })
        res.writeHead(204).end()
        return
      }
      sendJson(res, 404, { message: 'Not Found' })
    } catch (error) {
      sendJson(res, 500, { message: `stand-in failure: ${(error as Error).message}` })
    }
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    apiUrl: baseUrl,
    graphqlUrl: `${baseUrl}${graphqlPath}`,
    requests,
    git,
    pullRequests,
    dispatches,
    beforeNextMutation: (hook) => void mutationHooks.push(hook),
    failNext: (response) => void failures.push(response),
    stallNext: (stall) => void failures.push({ stall }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((closed) => server.close(() => closed()))
      await git.remove()
    },
  }
}

/** A bare git repository driven through the git CLI. */
export class GitRepository {
  // Plain fields, not parameter properties: the benchmark runs this file with Node's type stripping.
  readonly dir: string

  private constructor(dir: string) {
    this.dir = dir
  }

  static async create(defaultBranch: string, files: Record<string, string>): Promise<GitRepository> {
    const dir = await mkdtemp(join(tmpdir(), 'github-stand-in-'))
    const repository = new GitRepository(dir)
    await repository.git(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`])
    await repository.commit(defaultBranch, files, 'Initial commit', { allowNewBranch: true })
    return repository
  }

  async git(args: string[], input?: string, env: Record<string, string> = {}): Promise<string> {
    return new Promise((done, fail) => {
      const child = execFile(
        'git',
        args,
        {
          cwd: this.dir,
          env: {
            PATH: process.env.PATH,
            GIT_CONFIG_NOSYSTEM: '1',
            HOME: this.dir,
            GIT_AUTHOR_NAME: 'Stand-in',
            GIT_AUTHOR_EMAIL: 'stand-in@example.com',
            GIT_COMMITTER_NAME: 'GitHub',
            GIT_COMMITTER_EMAIL: 'noreply@github.com',
            ...env,
          },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          error ? fail(new Error(`git ${args.join(' ')}: ${stderr || error.message}`)) : done(stdout),
      )
      if (input !== undefined) child.stdin?.end(input)
    })
  }

  async head(branch: string): Promise<string | undefined> {
    return this.git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then(
      (oid) => oid.trim(),
      () => undefined,
    )
  }

  async readFile(branch: string, path: string): Promise<string | undefined> {
    return this.git(['cat-file', 'blob', `refs/heads/${branch}:${path}`]).catch(() => undefined)
  }

  /** Commit subjects, newest first. */
  async log(branch: string): Promise<string[]> {
    return (await this.git(['log', '--format=%s', `refs/heads/${branch}`])).split('\n').filter(Boolean)
  }

  /** Whether every commit on the branch has at most one parent. */
  async isLinear(branch: string): Promise<boolean> {
    return (await this.git(['rev-list', '--min-parents=2', `refs/heads/${branch}`])).trim() === ''
  }

  /**
   * Adds a commit on top of `branch` with these files changed, moving the ref only if it still
   * points at `expectedHead` (when given). Returns the new commit's oid.
   */
  async commit(
    branch: string,
    files: Record<string, string>,
    message: string,
    { expectedHead, allowNewBranch = false }: { expectedHead?: string; allowNewBranch?: boolean } = {},
  ): Promise<string> {
    const parent = await this.head(branch)
    if (parent === undefined && !allowNewBranch) throw new Error(`no branch ${branch}`)
    if (expectedHead !== undefined && parent !== expectedHead) throw new StaleHeadError(branch, expectedHead)
    const index = { GIT_INDEX_FILE: join(this.dir, `index-${process.pid}-${Date.now()}-${Math.random()}`) }
    if (parent) await this.git(['read-tree', parent], undefined, index)
    else await this.git(['read-tree', '--empty'], undefined, index)
    // Two git calls whatever the number of files, so that a year's backfill commits quickly.
    const staged = await mkdtemp(join(this.dir, 'staged-'))
    const entries = Object.entries(files)
    const stagedPaths = await Promise.all(
      entries.map(async ([, content], number) => {
        const stagedPath = join(staged, String(number))
        await writeFile(stagedPath, content)
        return stagedPath
      }),
    )
    const blobs =
      entries.length === 0
        ? []
        : (await this.git(['hash-object', '-w', '--stdin-paths'], stagedPaths.join('\n'))).trim().split('\n')
    await rm(staged, { recursive: true, force: true })
    const indexInfo = entries.map(([path], number) => `100644 ${blobs[number]}\t${path}`).join('\n')
    if (entries.length > 0) await this.git(['update-index', '--add', '--index-info'], `${indexInfo}\n`, index)
    const tree = (await this.git(['write-tree'], undefined, index)).trim()
    await rm(index.GIT_INDEX_FILE, { force: true })
    const commit = (
      await this.git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])
    ).trim()
    await this.git(['update-ref', `refs/heads/${branch}`, commit, ...(parent ? [parent] : [])])
    return commit
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true })
  }
}

class StaleHeadError extends Error {
  readonly type = 'STALE_DATA'
  constructor(branch: string, expected: string) {
    super(`Expected branch to point to "${expected}" but it did not. Pull and try again.`)
    this.name = `StaleHeadError(${branch})`
  }
}

/** An error GitHub answers with a `type`, e.g. FORBIDDEN or NOT_FOUND. */
class TypedError extends Error {
  readonly type: string

  constructor(type: string, message: string) {
    super(message)
    this.type = type
  }
}

interface Resolution {
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
function rootResolvers(context: Resolution) {
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
      const name = (await git.git(['symbolic-ref', '--short', 'HEAD'])).trim()
      return refObject(context, name)
    },
    ref: async ({ qualifiedName }: { qualifiedName: string }) => {
      const name = qualifiedName.replace(/^refs\/heads\//, '')
      return (await git.head(name)) === undefined ? null : refObject(context, name)
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
    associatedPullRequests: ({ states }: { states?: string[] }) => {
      const nodes = context.pullRequests
        .filter((pr) => pr.headRefName === name && (!states || states.includes(pr.state)))
        .map((pr) => strict('PullRequest', { number: pr.number, url: pr.url }))
      return strict('PullRequestConnection', { nodes, totalCount: nodes.length })
    },
  })
}

function commitObject(context: Resolution, oid: string) {
  return strict('Commit', {
    __typename: 'Commit',
    oid,
    url: `${context.baseUrl}/${context.owner}/${context.repo}/commit/${oid}`,
    file: async ({ path }: { path: string }) => {
      const line = (await context.git.git(['ls-tree', oid, '--', path.replace(/\/+$/, '')])).trim()
      return line === '' ? null : treeEntryObject(context, line)
    },
  })
}

/** One `git ls-tree` line: `<mode> <type> <oid>\t<path>`. */
function treeEntryObject(context: Resolution, line: string) {
  const [info = '', path = ''] = line.split('\t')
  const [mode = '', type = '', oid = ''] = info.split(' ')
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
      (await context.git.git(['ls-tree', oid]))
        .split('\n')
        .filter(Boolean)
        .map((line) => treeEntryObject(context, line)),
  })
}

function blobObject(context: Resolution, oid: string) {
  return strict('Blob', {
    __typename: 'Blob',
    oid,
    isBinary: false,
    byteSize: async () => Number((await context.git.git(['cat-file', '-s', oid])).trim()),
    text: () => context.git.git(['cat-file', 'blob', oid]),
  })
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

function githubError(error: GraphQLError): Record<string, unknown> & { message: string } {
  const original = error.originalError as { type?: string } | undefined
  return {
    ...(original?.type ? { type: original.type } : {}),
    path: error.path,
    locations: error.locations,
    message: error.message,
  }
}

function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)
  return operation && 'name' in operation ? operation.name?.value : undefined
}

function isMutation(document: DocumentNode): boolean {
  return document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION,
  )
}

/** `{token}` in any string of `body` replaced by the token the request carried. */
function withToken(body: unknown, token: string): unknown {
  return JSON.parse(JSON.stringify(body ?? null).replaceAll('{token}', token)) as unknown
}

/** No answer at all, or headers and then a body that trickles forever; ends when the client hangs up. */
function stall(res: ServerResponse, how: { kind: 'silent' } | { kind: 'trickle'; intervalMs: number }): void {
  if (how.kind === 'silent') return
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  res.write('{')
  const timer = setInterval(() => res.write(' '), how.intervalMs)
  res.on('close', () => clearInterval(timer))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => done(Buffer.concat(chunks).toString()))
    req.on('error', fail)
  })
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}
