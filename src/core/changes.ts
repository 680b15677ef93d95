import type { FileChange } from './file-change.js'
import type { RecordUpdate } from './post-record.js'

export type { FileChange } from './file-change.js'

export interface ChangeSet {
  files: FileChange[]
  message: string
  overwrite: 'changed' | 'always' | 'never'
  /** The publisher adds the record files of the posts it actually writes; absent in a dry run. */
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
  /** Pull-request mode: another open pull request changes the file too (the second merged would conflict). */
  | 'other-pull-request'
  /** The run's own post, held (WritePolicy `held`). */
  | 'opted-out'
  | 'record-unreadable'
  | 'shrunk'
  /** The run's own post, already there with no record that the action wrote it (by hand, another tool). */
  | 'not-recorded'
  /** A file the record does not say the action wrote, changed on the branch since the run read it. */
  | 'changed-during-run'

export interface PublishResult {
  /** Paths that were (in dry-run: would be) created or changed, in ChangeSet order. */
  written: string[]
  kept: Array<{ path: string; reason: KeptReason }>
  commitSha?: string
  commitUrl?: string
  commitBranch?: string
  pullRequestUrl?: string
}

/** A commit through the GitHub API, the workspace, or the log. */
export interface Publisher {
  publish(changes: ChangeSet): Promise<PublishResult>
  /** A file's text where `publish` would write it (the open pull request's branch, too). */
  readText(path: string): Promise<string | undefined>
  /**
   * Pull-request mode: a file's text on the branch the pull request merges into, which days merged since
   * the work branch was made are on, and a post a person deleted is not.
   */
  readBaseText?(path: string): Promise<string | undefined>
  /**
   * Pull-request mode: each file another open pull request changes, with its URL, which `publish` leaves
   * to it; known from the run's first read (none before it).
   */
  otherPullRequests?(): Promise<ReadonlyMap<string, string>>
}
