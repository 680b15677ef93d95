import { posix } from 'node:path'
import type { UnreadableStateError } from '../core/state-file.js'
import { FOLDER_SLOTS, type BranchFiles } from './graphql.js'

export interface BranchState {
  name: string
  headOid: string
  /** The head commit's page and first parent, to recognise a commit of ours whose answer was lost. */
  headUrl?: string
  parentOid?: string
  /** Repository path → git blob id. */
  blobs: Map<string, string>
}

export interface RepositoryState {
  /** On the work branch when it exists. */
  files: Map<string, string | undefined | UnreadableStateError>
  repositoryId: string
  base: BranchState
  work?: BranchState
  openPullRequestUrl?: string
  /** With none open, the work branch's latest pull request when it was merged or closed. */
  finishedPullRequest?: FinishedPullRequest
  /** Pull-request mode: each file another open pull request into the base branch changes, with its URL. */
  otherPullRequests: Map<string, string>
  /**
   * The files the work branch's open pull request changes (a page of them): the work branch holds an
   * unmerged write of these only; any other file there is the base's as it was when the branch was made.
   */
  workPullRequestFiles?: Set<string>
}

export interface FinishedPullRequest {
  url: string
  state: 'CLOSED' | 'MERGED'
}

export function branchState(
  name: string,
  target: NonNullable<BranchFiles['target']>,
  folders: string[],
): BranchState {
  const blobs = new Map<string, string>()
  FOLDER_SLOTS.forEach((slot, index) => {
    const folder = folders[index]
    if (folder === undefined) return
    for (const entry of target[`folder${slot}`]?.object?.entries ?? [])
      blobs.set(posix.join(folder, entry.name), entry.oid)
  })
  return { name, headOid: target.oid, headUrl: target.url, parentOid: target.parents?.nodes?.[0]?.oid, blobs }
}
