import { explainDispatchError } from './explain.js'
import { createGitHubClient, type GitHubConnection } from './octokit.js'

/** After its commit landed: the commit stands, the run fails with `message`. */
export interface DispatchFailure {
  workflow: string
  message: string
}

/** Never throws. */
export type DispatchWorkflow = (branch: string) => Promise<DispatchFailure | undefined>

/** Commits made with GITHUB_TOKEN start no workflow; a step apart: the commit's retries never repeat it. */
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
      // A re-run finds the post written and commits nothing, so it dispatches nothing either.
      const message = `The post was committed, but dispatching ${workflow} failed: ${reason}. Then start the deploy by hand on ${ref} (Actions, Run workflow): a re-run finds the post written and starts nothing`
      return { workflow, message }
    }
  }
}
