import { errorMessage } from '../core/errors.js'
import { OutboundError } from '../core/http/send.js'
import { quoteAnswer } from '../core/quote-untrusted.js'
import { rateLimitAdvice, rateLimitAnswer } from './rate-limit.js'
import type { FinishedPullRequest } from './branch-state.js'

/** What a failed GitHub request was for, so that its message can say what to fix. */
export interface FailureContext {
  nameWithOwner: string
  graphqlUrl: string
  otherRepository?: boolean
  branch?: string
  pullRequest?: { head: string; base: string }
  /** Quoted answers never show these (the token). */
  secrets: readonly string[]
  now: number
}

export function graphqlErrors(error: unknown): Array<{ type?: string; message: string; path?: unknown[] }> {
  const errors = (error as { errors?: unknown } | null)?.errors
  return Array.isArray(errors) ? (errors as ReturnType<typeof graphqlErrors>) : []
}

/** No answer, a server fault (GitHub may have carried it out before failing), or what it creates exists. */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof OutboundError) return true
  const status = (error as { status?: number } | null)?.status
  if (status !== undefined && (status >= 500 || status === 408)) return true
  return graphqlErrors(error).some(
    (e) => /already exists/i.test(e.message) || e.message.startsWith('Something went wrong while executing'),
  )
}

const QUOTED_ERRORS = 3

export function explainGitHubError(error: unknown, context: FailureContext): string {
  const { nameWithOwner, otherRepository, branch } = context
  const transport = transportFailure(error)
  if (transport !== undefined) return transport
  const status = (error as { status?: number } | null)?.status
  const errors = graphqlErrors(error)
  const says = (pattern: RegExp) => errors.some((e) => pattern.test(e.message))
  const said = saidByGitHub(error, context.secrets)
  const limited = rateLimitAnswer(error, context.now)
  if (limited)
    return `GitHub refused a request for ${nameWithOwner} (${said}). ${rateLimitAdvice(limited, context.now)}`
  if (status === 401)
    return `GitHub rejected the token (401 Bad credentials): check the "token" input; the default \${{ github.token }} works for the workflow's own repository`
  if (context.pullRequest && says(/not permitted to create or approve pull requests/i)) {
    const { head, base } = context.pullRequest
    return (
      `GitHub refused to open the pull request from ${head} into ${base} (${said}). A workflow's GITHUB_TOKEN may open pull requests only when the repository setting "Allow GitHub Actions to create and approve pull requests" is on (Settings → Actions → General → Workflow permissions; off by default): turn it on, or pass a PAT or a GitHub App token as "token". ` +
      `The post is committed on the branch ${head}: the next run opens the pull request, or open it from that branch by hand`
    )
  }
  if (says(/protected branch|rule violation|through a pull request|status check/i))
    return `${branch ?? 'The branch'} in ${nameWithOwner} is protected and refused the commit (${said}): for the blog's own branch, use \`mode: pull-request\`; for pull-request mode's work branch, leave it out of the rule that protects it (a ruleset on every branch covers it); or let this token bypass the protection`
  if (status === 403 || says(/not accessible by integration/i) || errors.some((e) => e.type === 'FORBIDDEN'))
    return otherRepository
      ? `The token may not write to ${nameWithOwner} (${said}). The workflow's GITHUB_TOKEN only reaches its own repository: pass a fine-grained PAT or a GitHub App token (actions/create-github-app-token) with contents: write on ${nameWithOwner} as "token"`
      : `The token may not write to ${nameWithOwner} (${said}). Give the job \`permissions: contents: write\` (and \`pull-requests: write\` in pull-request mode)`
  if (status === 404 || errors.some((e) => e.type === 'NOT_FOUND' && e.path?.[0] === 'repository'))
    return repositoryNotFound(nameWithOwner, otherRepository)
  return `GitHub GraphQL request to ${context.graphqlUrl} for ${nameWithOwner} failed${status ? ` (${status})` : ''} (${said})`
}

export function repositoryNotFound(nameWithOwner: string, otherRepository: boolean | undefined): string {
  const hint = otherRepository
    ? '; the workflow\'s GITHUB_TOKEN cannot see other repositories: pass a PAT or GitHub App token with access as "token"'
    : ''
  return `Repository ${nameWithOwner} was not found, or the token cannot see it: check the "repository" input (owner/name)${hint}`
}

/**
 * Its commits are in the base branch's history (squashed or merged) or were turned down: a pull request
 * from it again would revert what changed since, conflict after a squash merge, or propose them again.
 */
export function finishedWorkBranch(
  branch: string,
  base: string,
  { url, state }: FinishedPullRequest,
): string {
  const [outcome, risk] =
    state === 'MERGED'
      ? ['merged', `could revert edits made on ${base} since`]
      : ['closed without merging', 'would propose again what was turned down']
  return (
    `Pull-request mode: the work branch "${branch}" belongs to the pull request ${url}, which was ${outcome}; a run writes only to a work branch whose pull request is open, or that has none, since a new pull request from this one would carry that pull request's history and ${risk}. ` +
    `Nothing was written: delete the branch (the pull request's "Delete branch" button, or \`git push origin --delete ${branch}\`) and run again`
  )
}

export function explainDispatchError(
  error: unknown,
  workflow: string,
  ref: string,
  { secrets, now }: Pick<FailureContext, 'secrets' | 'now'>,
): string {
  const transport = transportFailure(error)
  if (transport !== undefined) return transport
  const limited = rateLimitAnswer(error, now)
  if (limited) return rateLimitAdvice(limited, now)
  const status = (error as { status?: number } | null)?.status
  switch (status) {
    case 403:
      return 'the token may not start workflows: give the job `permissions: actions: write`'
    case 404:
      return `there is no workflow "${workflow}" in .github/workflows on ${ref}: check the "dispatch-workflow" input`
    case 422:
      return `"${workflow}" cannot be dispatched: add \`workflow_dispatch:\` to its \`on:\` triggers`
    default:
      return `GitHub answered${status ? ` ${status}` : ''} (${saidByGitHub(error, secrets)})`
  }
}

/** A body may echo the token: secrets hidden before the cut; lines kept as `\n`: none can start `::…`. */
export function quoteGitHub(text: string, secrets: readonly string[]): string {
  return quoteAnswer(text, { limit: 300, secrets, empty: '(empty)', countRest: true, foldWhitespace: false })
}

/** What GitHub said, quoted, bounded and without the token: its GraphQL errors, else the error's message. */
function saidByGitHub(error: unknown, secrets: readonly string[]): string {
  const errors = graphqlErrors(error)
  const messages = errors.length > 0 ? errors.map((e) => String(e.message)) : [errorMessage(error)]
  const more = messages.length > QUOTED_ERRORS ? ` and ${messages.length - QUOTED_ERRORS} more errors` : ''
  const quoted = messages.slice(0, QUOTED_ERRORS).map((message) => quoteGitHub(message, secrets))
  return `GitHub: ${quoted.join('; ')}${more}`
}

/** The transport's own failure (unreachable, timed out, too large) anywhere in the cause chain. */
function transportFailure(error: unknown): string | undefined {
  let current = error
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof OutboundError)
      return current.kind === 'unreachable'
        ? `${current.message}. Check GITHUB_API_URL and GITHUB_GRAPHQL_URL, and that the runner can reach GitHub`
        : `${current.message}. GitHub may be having trouble (https://www.githubstatus.com): run it again later`
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
