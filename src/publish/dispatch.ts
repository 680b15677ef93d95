import { explainDispatchError } from './explain.js'
import { createGitHubClient, type GitHubConnection } from './octokit.js'

/** A workflow dispatch that failed after its commit landed: the commit stands, the run fails with `message`. */
export interface DispatchFailure {
  workflow: string
  message: string
}

/** Starts the workflow on the branch a commit landed on; resolves to the failure, if any, and never throws. */
export type DispatchWorkflow = (branch: string) => Promise<DispatchFailure | undefined>

/**
 * Starts `workflow` (a file in .github/workflows, or its numeric id) on the branch the commit landed on (the publisher read its name, so no request asks
 * for the default branch again), because commits made with GITHUB_TOKEN start no workflow. A step of its
 * own after publishing: the commit's retries never repeat it.
 */
export function createWorkflowDispatch(
  options: Omit<GitHubConnection, 'branch'> & { workflow: string },
): DispatchWorkflow {
  const { workflow, log } = options
  const client = createGitHubClient(options)
  const { owner, repo } = options.repository
  return async (ref) => {
    try {
      await client.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
        owner,
        repo,
        workflow_id: workflow,
        ref,
      })
      log.info(`Dispatched ${workflow} on ${ref}`)
      return undefined
    } catch (error) {
      const reason = explainDispatchError(error, workflow, ref, {
        secrets: [options.token],
        now: options.clock.now(),
      })
      return { workflow, message: `The post was committed, but dispatching ${workflow} failed: ${reason}` }
    }
  }
}
