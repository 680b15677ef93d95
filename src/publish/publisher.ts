/** A file the action wants in the repository, path relative to the repository root. */
export interface FileChange {
  path: string
  content: string
}

export interface ChangeSet {
  files: FileChange[]
  /** Commit message: the first line is the headline, the rest the body. */
  message: string
  /** `changed`: rewrite a file whose content differs; `never`: leave existing files alone. */
  overwrite: 'changed' | 'never'
}

export interface PublishResult {
  /** Paths that were (or, in dry-run, would be) created or changed, in ChangeSet order. */
  written: string[]
  commitSha?: string
  commitUrl?: string
  pullRequestUrl?: string
  /** Set when the commit landed but a follow-up (the workflow dispatch) failed: the run must fail, outputs set. */
  dispatchFailure?: string
}

/** One way of putting a ChangeSet somewhere: a commit through the GitHub API, the workspace, or the log. */
export interface Publisher {
  publish(changes: ChangeSet): Promise<PublishResult>
}
