import { systemClock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../core/version.js'
import { createWorkflowDispatch, type DispatchWorkflow } from './dispatch.js'
import { createDryRunPublisher } from './dry-run.js'
import { createFilesPublisher } from './files.js'
import { createCommitPublisher } from './commit.js'
import { createPullRequestPublisher } from './pull-request.js'
import type { Publisher } from '../core/changes.js'

export type { ChangeSet, FileChange, PublishResult, Publisher } from '../core/changes.js'
export type { DispatchFailure, DispatchWorkflow } from './dispatch.js'

/** The publisher for the settings' target; `print` receives dry-run output (stdout in the CLI, the log in the action). */
export function createPublisher({ target }: Settings, log: Log, print: (text: string) => void): Publisher {
  switch (target.mode) {
    case 'dry-run':
      return createDryRunPublisher({ print })
    case 'files':
      return createFilesPublisher({ root: target.workspace, log })
    case 'commit':
      return createCommitPublisher({ ...target.github, userAgent: USER_AGENT, log, clock: systemClock })
    case 'pull-request':
      return createPullRequestPublisher(
        { ...target.github, userAgent: USER_AGENT, log, clock: systemClock },
        target.workBranch,
      )
  }
}

/** The workflow to start after a commit lands: commit mode with `dispatch-workflow` only. */
export function createDispatch({ target }: Settings, log: Log): DispatchWorkflow | undefined {
  if (target.mode !== 'commit' || target.dispatchWorkflow === undefined) return undefined
  return createWorkflowDispatch({
    ...target.github,
    workflow: target.dispatchWorkflow,
    userAgent: USER_AGENT,
    log,
    clock: systemClock,
  })
}
