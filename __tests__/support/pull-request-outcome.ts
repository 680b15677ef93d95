import type { GitHubServer } from './github-server.ts'

export type PullRequestOutcome = 'merge' | 'squash' | 'close'

/**
 * What a person did with one of the stand-in's open pull requests: merged it by GitHub's button (a merge
 * commit, or squashed into one commit) or closed it. Either way its branch stays, as GitHub leaves it.
 */
export async function finishPullRequest(
  { git, pullRequests }: Pick<GitHubServer, 'git' | 'pullRequests'>,
  url: string | undefined,
  outcome: PullRequestOutcome,
): Promise<void> {
  const pullRequest = pullRequests.find((one) => one.url === url && one.state === 'OPEN')
  if (pullRequest === undefined) throw new Error(`the stand-in has no open pull request ${url}`)
  const { number, baseRefName, headRefName } = pullRequest
  if (outcome !== 'close') {
    const message = `Merge pull request #${number} from ${headRefName}`
    await git.merge(baseRefName, headRefName, message, { squash: outcome === 'squash' })
  }
  pullRequest.state = outcome === 'close' ? 'CLOSED' : 'MERGED'
}
