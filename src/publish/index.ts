import { posix } from 'node:path'
import { systemClock } from '../core/clock.js'
import { recordPath } from '../core/post-record.js'
import { CACHE_DIR } from '../enrich/cache.js'
import type { Log } from '../core/log.js'
import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../core/version.js'
import { createWorkflowDispatch, type DispatchWorkflow } from './dispatch.js'
import { createFilesPublisher } from './files.js'
import { createCommitPublisher } from './github.js'
import { createPullRequestPublisher } from './pull-request.js'
import type { Publisher } from '../core/changes.js'

/** Prints what would be written and writes nothing; every file counts as would-be-written. */
export function createDryRunPublisher({ print }: { print: (text: string) => void }): Publisher {
  return {
    publish(changes) {
      for (const file of changes.files)
        print(changes.files.length === 1 ? file.content : `==> ${file.path} <==\n${file.content}\n`)
      return Promise.resolve({ written: changes.files.map((file) => file.path), kept: [] })
    },

    // A dry run reads no repository: every state file counts as absent, so it shows a first run.
    readText: () => Promise.resolve(undefined),
  }
}

/** `print` receives dry-run output (stdout in the CLI, the log in the action). */
export function createPublisher(settings: Settings, log: Log, print: (text: string) => void): Publisher {
  const { target, postsDir, dataDir } = settings
  if (target.mode === 'dry-run') return createDryRunPublisher({ print })
  if (target.mode === 'files') return createFilesPublisher({ root: target.workspace, log })
  // Read with the run's first files, so that the commit needs no read of its own.
  const folders = [postsDir, dataDir, posix.dirname(recordPath('0000-00-00')), CACHE_DIR]
  const connection = {
    ...target.github,
    folders: folders.flatMap((folder) => (folder === undefined ? [] : [posix.normalize(folder)])),
    userAgent: USER_AGENT,
    log,
    clock: systemClock,
  }
  return target.mode === 'commit'
    ? createCommitPublisher(connection)
    : createPullRequestPublisher(connection, target.workBranch)
}

export function createDispatch({ target }: Settings, log: Log): DispatchWorkflow | undefined {
  if (target.mode !== 'commit' || target.dispatchWorkflow === undefined) return undefined
  const { github, dispatchWorkflow: workflow } = target
  return createWorkflowDispatch({ ...github, workflow, userAgent: USER_AGENT, log, clock: systemClock })
}
