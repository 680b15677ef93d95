import type { FileChange } from './file-change.js'
import type { RecordUpdate } from './post-record.js'

export type { FileChange, WritePolicy } from './file-change.js'

export interface ChangeSet {
  files: FileChange[]
  /** Commit message: the first line is the headline, the rest the body. */
  message: string
  /**
   * `changed`: rewrite a file whose content differs, but not a post a person edited since the action
   * wrote it; `always`: rewrite it too; `never`: leave existing files alone.
   */
  overwrite: 'changed' | 'always' | 'never'
  /**
   * The record of what the action wrote (post-record.ts): the publisher adds the updated record files
   * for the posts it actually writes. Absent in a dry run.
   */
  record?: RecordUpdate
}

/** Why a file of the change set was not written. */
export type KeptReason =
  | 'unchanged'
  | 'overwrite-never'
  | 'edited'
  | 'deleted'
  /** A refreshed post whose record entry was removed during the run (the opt-out). */
  | 'unrecorded'
  | 'too-large'

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

/** One way of putting a ChangeSet somewhere: a commit through the GitHub API, the workspace, or the log. */
export interface Publisher {
  publish(changes: ChangeSet): Promise<PublishResult>
  /**
   * A file's text where `publish` would write it (the target branch, or the open pull request's work
   * branch; the workspace), or undefined when there is none. For the action's own state files.
   */
  readText(path: string): Promise<string | undefined>
}
