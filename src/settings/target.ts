import type { RunnerFacts } from './environment.js'
import type { Repository } from './names.js'
import type { Parsed } from './input-schemas.js'

/** The blog repository as the modes that commit reach it. */
export interface GitHubTarget {
  token: string
  repository: Repository
  /** True when `repository` names another repository than the workflow's own: GITHUB_TOKEN cannot write there. */
  otherRepository: boolean
  /** Undefined: the repository's default branch. */
  branch?: string
  apiUrl: string
  /** GitHub Enterprise serves GraphQL at `/api/graphql`, not under the REST base: taken as given. */
  graphqlUrl: string
}

/** Where a run's posts go, with exactly what each mode needs. */
export type PublishTarget =
  | {
      mode: 'commit'
      github: GitHubTarget
      /** A workflow file to dispatch on the branch after a commit (GITHUB_TOKEN commits start no workflow). */
      dispatchWorkflow?: string
    }
  | {
      mode: 'pull-request'
      github: GitHubTarget
      /** The branch the pull request comes from: `daily-papers/{from}` (or `…/{from}_{to}` for a range). */
      workBranch: string
    }
  /** `workspace`: the runner's GITHUB_WORKSPACE or the CLI's `--out`. */
  | { mode: 'files'; workspace: string }
  | { mode: 'dry-run' }

/**
 * The target of checked inputs. The cross-input checks have refused a commit mode without a token or a
 * repository already; meeting one here is a bug, not a user's mistake.
 */
export function publishTarget(
  values: Pick<Parsed, 'mode' | 'token' | 'repository' | 'branch' | 'dispatch-workflow'>,
  facts: RunnerFacts,
  days: { from: string; to: string },
): PublishTarget {
  const { mode } = values
  if (mode === 'dry-run') return { mode }
  if (mode === 'files') return { mode, workspace: facts.workspace }
  const repository = values.repository ?? facts.repository
  if (values.token === undefined || repository === undefined) {
    throw new Error(`mode "${mode}" needs a token and a repository, and the checks let one through without`)
  }
  const github: GitHubTarget = {
    token: values.token,
    repository,
    otherRepository: facts.repository !== undefined && fullName(repository) !== fullName(facts.repository),
    branch: values.branch,
    apiUrl: facts.githubApiUrl,
    graphqlUrl: facts.githubGraphqlUrl,
  }
  if (mode === 'commit') return { mode, github, dispatchWorkflow: values['dispatch-workflow'] }
  const { from, to } = days
  return { mode, github, workBranch: `daily-papers/${from === to ? from : `${from}_${to}`}` }
}

const fullName = ({ owner, repo }: Repository) => `${owner}/${repo}`.toLowerCase()
