import { setTimeout as delay } from 'node:timers/promises'
import { explainDispatchError } from './explain.js'
import type { GitHubConnection } from './github.js'
import { createGitHubClient } from './octokit.js'

/** A workflow dispatch that failed after its commit landed: the commit stands, the run fails with `message`. */
export interface DispatchFailure {
  workflow: string
  message: string
}

/** Starts the workflow once a commit landed; resolves to the failure, if any, and never throws. */
export type DispatchWorkflow = () => Promise<DispatchFailure | undefined>

export interface DispatchOptions extends GitHubConnection {
  /** A workflow file in .github/workflows, or its numeric id. */
  workflow: string
}

/**
 * Starts `workflow` on the target branch (undefined: the default branch), because commits made with
 * GITHUB_TOKEN start no workflow. A step of its own after publishing: the commit's retries never repeat it.
 */
export function createWorkflowDispatch(options: DispatchOptions): DispatchWorkflow {
  const { workflow, branch, log, sleep = delay, random = Math.random } = options
  const client = createGitHubClient({ ...options, sleep, random, limits: options.requestLimits })
  const { owner, repo } = options.repository
  return async () => {
    let ref = branch ?? 'the default branch'
    try {
      ref = branch ?? (await client.rest.repos.get({ owner, repo })).data.default_branch
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
        nameWithOwner: `${owner}/${repo}`,
        graphqlUrl: options.graphqlUrl,
        otherRepository: options.otherRepository,
        secrets: [options.token],
        now: Date.now(),
      })
      return { workflow, message: `The post was committed, but dispatching ${workflow} failed: ${reason}` }
    }
  }
}
