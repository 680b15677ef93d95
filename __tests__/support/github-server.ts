/**
 * A local stand-in for GitHub's API whose state is a real (bare) git repository. Every GraphQL
 * document is parsed and validated against GitHub's published schema (@octokit/graphql-schema) and
 * executed by graphql-js with resolvers over git; a field the stand-in does not implement fails
 * loudly instead of answering null. `createCommitOnBranch` makes a real commit, compare-and-swap on
 * `expectedHeadOid` like GitHub.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'
import { setTimeout as delay } from 'node:timers/promises'
import { execute, parse, validate } from 'graphql'
import { GitRepository } from './git-repository.ts'
import { rootResolvers, type PullRequest, type Resolution, type TokenAccess } from './github-graphql.ts'
import { githubError, githubSchema, isMutation, operationName } from './github-schema.ts'
import { sendAnswer } from './send-answer.ts'

export type { PullRequest, TokenAccess }

export interface GitHubServerOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Files of the first commit, path → content. */
  files?: Record<string, string>
  /** Starts from a copy of this repository, its branches and history, instead of a first commit of `files`. */
  copyOf?: GitRepository
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
export interface RecordedGitHubRequest {
  method: string
  path: string
  /** The GraphQL operation's name, e.g. `ReadBranch`, when it is one. */
  operation?: string
}

export interface GitHubServer {
  /** REST base (GITHUB_API_URL). */
  apiUrl: string
  /** GITHUB_GRAPHQL_URL */
  graphqlUrl: string
  /** What the runner tells the action about this GitHub: GITHUB_REPOSITORY (owner/repo) and the two URLs. */
  runnerEnv: { GITHUB_REPOSITORY: string; GITHUB_API_URL: string; GITHUB_GRAPHQL_URL: string }
  requests: RecordedGitHubRequest[]
  git: GitRepository
  pullRequests: PullRequest[]
  /** Workflow dispatches received: file and ref. */
  dispatches: Array<{ workflow: string; ref: string }>
  /** Runs `hook` once, after the next mutation is received and before it is applied (a concurrent push). */
  beforeNextMutation(hook: () => Promise<void>): void
  /**
   * Applies the next mutation named `operation` (any, without) and loses its answer: the connection
   * is reset, or a 5xx comes instead (a proxy's 502 after GitHub did the work). With `applied: false`,
   * the mutation is lost before GitHub sees it.
   */
  loseNextMutationAnswer(lost: LostAnswer): void
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
  /**
   * Called when a request is left unanswered (silent), or its body has trickled for three bytes: a test
   * on simulated time moves its clock to the client's deadline.
   */
  onStall?: () => void
  close(): Promise<void>
}
export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const { owner = 'octo', repo = 'blog', defaultBranch = 'main', graphqlPath = '/graphql' } = options
  const tokens = options.tokens ?? { 'write-token': 'write' }
  const schema = await githubSchema()
  const git =
    (await options.copyOf?.copy()) ??
    (await GitRepository.create(defaultBranch, options.files ?? { 'README.md': '# Blog\n' }))
  git.objects.start()
  const requests: RecordedGitHubRequest[] = []
  const mutationHooks: Array<() => Promise<void>> = []
  const lostAnswers: LostAnswer[] = []
  const failures: Array<
    | { status: number; headers?: Record<string, string>; body: unknown }
    | { stall: { kind: 'silent' } | { kind: 'trickle'; intervalMs: number } }
  > = []
  const pullRequests: PullRequest[] = []
  const dispatches: Array<{ workflow: string; ref: string }> = []
  let mutations: Promise<unknown> = Promise.resolve()
  const protectedBranches = new Set(options.protectedBranches ?? [])
  const workflows = new Set(options.workflows ?? [])
  let baseUrl = ''

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (options.latencyMs) await delay(options.latencyMs)
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname
    const record: RecordedGitHubRequest = { method: req.method ?? 'GET', path }
    requests.push(record)
    const presented = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
    const said = (message: string) => (options.echoToken ? `${message} (token ${presented})` : message)
    try {
      const failure = failures.shift()
      if (failure && 'stall' in failure) return stall(res, failure.stall, () => standIn.onStall?.())
      if (failure) return sendAnswer(res, failure.status, withToken(failure.body, presented), failure.headers)
      const access = tokens[presented]
      if (!access)
        return sendAnswer(res, 401, {
          message: said('Bad credentials'),
          documentation_url: 'https://docs.github.com/rest',
        })
      if (req.method === 'POST' && path === graphqlPath) {
        const { query, variables } = JSON.parse(await text(req)) as {
          query: string
          variables?: Record<string, unknown>
        }
        const document = parse(query)
        record.operation = operationName(document)
        const invalid = validate(schema, document)
        if (invalid.length > 0)
          return sendAnswer(res, 200, { errors: invalid.map((error) => ({ message: error.message })) })
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
        const lostAt = isMutation(document)
          ? lostAnswers.findIndex((one) => one.operation === undefined || one.operation === record.operation)
          : -1
        const lost = lostAt < 0 ? undefined : lostAnswers.splice(lostAt, 1)[0]
        if (lost?.applied === false) return loseAnswer(req, res, lost.answer)
        const run = () =>
          execute({ schema, document, rootValue: rootResolvers(context), variableValues: variables })
        // One mutation at a time, as GitHub's compare-and-swap is atomic: a commit racing another meets
        // the moved head (STALE_DATA), not git's "cannot lock ref".
        const result = await (isMutation(document) ? (mutations = mutations.then(run, run)) : run())
        if (lost) {
          await lost.then?.()
          return loseAnswer(req, res, lost.answer)
        }
        return sendAnswer(res, 200, {
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
        return sendAnswer(res, 404, { message: 'Not Found' })
      if (req.method === 'GET' && match[3] === undefined) {
        return sendAnswer(res, 200, { full_name: `${owner}/${repo}`, default_branch: defaultBranch })
      }
      const blob = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(match[3] ?? '')
      if (req.method === 'GET' && blob) return await sendBlob(res, git, blob[1] as string, req.headers.accept)
      const dispatch = /^\/actions\/workflows\/([^/]+)\/dispatches$/.exec(match[3] ?? '')
      if (req.method === 'POST' && dispatch) {
        const workflow = decodeURIComponent(dispatch[1] as string)
        const { ref } = JSON.parse(await text(req)) as { ref: string }
        if (access !== 'write')
          return sendAnswer(res, 403, { message: said('Resource not accessible by integration') })
        if (!workflows.has(workflow)) return sendAnswer(res, 404, { message: said('Not Found') })
        if ((await git.head(ref)) === undefined)
          return sendAnswer(res, 422, { message: `No ref found for: ${ref}` })
        dispatches.push({ workflow, ref })
        res.writeHead(204).end()
        return
      }
      sendAnswer(res, 404, { message: 'Not Found' })
    } catch (error) {
      sendAnswer(res, 500, { message: `stand-in failure: ${(error as Error).message}` })
    }
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const graphqlUrl = `${baseUrl}${graphqlPath}`
  const standIn: GitHubServer = {
    apiUrl: baseUrl,
    graphqlUrl,
    runnerEnv: {
      GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_API_URL: baseUrl,
      GITHUB_GRAPHQL_URL: graphqlUrl,
    },
    requests,
    git,
    pullRequests,
    dispatches,
    beforeNextMutation: (hook) => void mutationHooks.push(hook),
    loseNextMutationAnswer: (lost) => void lostAnswers.push(lost),
    failNext: (response) => void failures.push(response),
    stallNext: (stall) => void failures.push({ stall }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((closed) => server.close(() => closed()))
      await git.remove()
    },
  }
  return standIn
}
/**
 * REST `GET /repos/{owner}/{repo}/git/blobs/{sha}`: the raw bytes under `application/vnd.github.raw`
 * (how a client reads a blob whose GraphQL `text` is truncated), GitHub's base64 JSON otherwise.
 */
async function sendBlob(
  res: ServerResponse,
  git: GitRepository,
  oid: string,
  accept: string | undefined,
): Promise<void> {
  const bytes = await git.blob(oid).catch(() => undefined)
  if (bytes === undefined) return sendAnswer(res, 404, { message: 'Not Found' })
  if (accept?.includes('application/vnd.github.raw')) {
    res.writeHead(200, { 'content-type': 'application/vnd.github.raw', 'content-length': bytes.length })
    res.end(bytes)
    return
  }
  sendAnswer(res, 200, {
    sha: oid,
    size: bytes.length,
    encoding: 'base64',
    content: bytes.toString('base64'),
  })
}

export interface LostAnswer {
  operation?: string
  answer: 'reset' | number
  applied?: boolean
  /** Done once the mutation is applied, before its answer is lost: someone else's push, say. */
  then?: () => Promise<void>
}

/** No answer: the connection reset, or a proxy's error page with this status. */
function loseAnswer(req: IncomingMessage, res: ServerResponse, answer: LostAnswer['answer']): void {
  if (answer === 'reset') return void req.socket.destroy()
  const page = `<html><body><h1>${answer} ${STATUS_CODES[answer] ?? ''}</h1></body></html>`
  sendAnswer(res, answer, page, { 'content-type': 'text/html' })
}

/** `{token}` in any string of `body` replaced by the token the request carried. */
function withToken(body: unknown, token: string): unknown {
  return JSON.parse(JSON.stringify(body ?? null).replaceAll('{token}', token)) as unknown
}

/**
 * No answer at all, or headers and then a body that trickles forever; ends when the client hangs up.
 * `stalled` is told once the client is left waiting: at once, or after the third byte of the body.
 */
function stall(
  res: ServerResponse,
  how: { kind: 'silent' } | { kind: 'trickle'; intervalMs: number },
  stalled: () => void,
): void {
  if (how.kind === 'silent') return stalled()
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  res.write('{')
  let sent = 1
  const timer = setInterval(() => {
    res.write(' ')
    if (++sent === 3) stalled()
  }, how.intervalMs)
  res.on('close', () => clearInterval(timer))
}
