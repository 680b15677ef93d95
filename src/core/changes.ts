import type { RecordUpdate } from './post-record.js'

/**
 * When the action may replace a file that is already there with other content.
 * - `overwrite`: posts and data files; the `overwrite` input decides.
 * - `state`: the action's own bookkeeping (the model-summary cache, the record of what it wrote):
 *   replaced whenever it differs, whatever `overwrite` says.
 * - `unedited`: a refreshed older post; replaced only while it is still exactly what the action last
 *   wrote there (`lastWritten`, a git blob id), so a person's edit is never lost. With no record, it
 *   is left alone, and a post deleted since is not written again.
 */
export type WritePolicy =
  { kind: 'overwrite' } | { kind: 'state' } | { kind: 'unedited'; lastWritten?: string }

/** A file the action wants in the repository, path relative to the repository root. */
export interface FileChange {
  path: string
  content: string
  /** `{ kind: 'overwrite' }` when absent. */
  policy?: WritePolicy
}

export interface ChangeSet {
  files: FileChange[]
  /** Commit message: the first line is the headline, the rest the body. */
  message: string
  /** `changed`: rewrite a file whose content differs; `never`: leave existing files alone. */
  overwrite: 'changed' | 'never'
  /**
   * The record of what the action wrote (post-record.ts): the publisher adds the updated record files
   * for the posts it actually writes. Absent in a dry run.
   */
  record?: RecordUpdate
}

/** Why a file of the change set was not written. */
export type KeptReason = 'unchanged' | 'overwrite-never' | 'edited' | 'deleted'

export interface PublishResult {
  /** Paths that were (or, in dry-run, would be) created or changed, in ChangeSet order. */
  written: string[]
  /** The other paths of the change set, and why each was left as it is. */
  kept: Array<{ path: string; reason: KeptReason }>
  commitSha?: string
  commitUrl?: string
  /** The branch the commit landed on, with commitSha. */
  commitBranch?: string
  pullRequestUrl?: string
}

/**
 * The largest state file (the action's own bookkeeping, policy `state`) a publisher's `readText` gives
 * back. The post record and the model-summary cache read theirs with this limit, split by month to stay
 * far below it.
 */
export const MAX_STATE_FILE_BYTES = 4 * 1024 * 1024

/** One way of putting a ChangeSet somewhere: a commit through the GitHub API, the workspace, or the log. */
export interface Publisher {
  publish(changes: ChangeSet): Promise<PublishResult>
  /**
   * A file's text where `publish` would write it (the target branch, or the open pull request's work
   * branch; the workspace), or undefined when there is none. For the action's own state files.
   */
  readText(path: string): Promise<string | undefined>
}
