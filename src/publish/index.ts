import type { Log } from '../core/log.js'
import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../core/version.js'
import { createDryRunPublisher } from './dry-run.js'
import { createFilesPublisher } from './files.js'
import { createGitHubPublisher } from './github.js'
import type { Publisher } from '../core/changes.js'

export type { ChangeSet, FileChange, PublishResult, Publisher } from '../core/changes.js'

/** The publisher for `settings.mode`; `print` receives dry-run output (stdout in the CLI, the log in the action). */
export function createPublisher(settings: Settings, log: Log, print: (text: string) => void): Publisher {
  switch (settings.mode) {
    case 'dry-run':
      return createDryRunPublisher({ print })
    case 'files':
      return createFilesPublisher({ root: settings.workspace, log })
    case 'commit':
    case 'pull-request':
      // Settings guarantee both for the modes that commit.
      return createGitHubPublisher({
        token: settings.token as string,
        apiUrl: settings.githubApiUrl,
        graphqlUrl: settings.githubGraphqlUrl,
        repository: settings.repository as { owner: string; repo: string },
        otherRepository: settings.otherRepository,
        branch: settings.branch,
        pullRequestBranch: settings.mode === 'pull-request' ? settings.pullRequestBranch : undefined,
        dispatchWorkflow: settings.dispatchWorkflow,
        userAgent: USER_AGENT,
        log,
      })
  }
}
