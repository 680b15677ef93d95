/**
 * When the action may replace a file that is already there with other content.
 * - `overwrite`: the `overwrite` input decides; under `changed`, a post with `lastWritten` (the blob id
 *   the record says the action wrote) is replaced only while it is still that, so a person's edit is kept,
 *   and once gone (a person deleted it) written again only under `always`.
 * - `state`: the action's bookkeeping, replaced whenever it differs.
 * - `unedited`: a refreshed older post, replaced only while it is still `lastWritten`; with no record it
 *   is left alone, and a post deleted since is not written again.
 * - `held`: the run's own post, whose record file (its day's, week's or month's) holds no entry for it (a
 *   person removed it: the opt-out), or whose record files cannot be read, or whose recorded papers Hugging
 *   Face now lists fewer than half of (an answer to distrust): under `changed`, a post already there is left
 *   as it is, and a shrunk one that is gone is not written again.
 */
export type WritePolicy =
  | { kind: 'overwrite'; lastWritten?: string }
  | { kind: 'state'; merge?: StateMerge }
  | { kind: 'unedited'; lastWritten?: string }
  | { kind: 'held'; why: 'opted-out' | 'record-unreadable' | 'shrunk' }

/**
 * A state file merged at commit time onto the branch's when another run, or a person, committed it
 * since the run read it (`readOid`): entry by entry, so that neither loses anything.
 */
export interface StateMerge {
  readOid?: string
  /** `text` undefined: no file. */
  onto(text: string | undefined): { content: string } | { problem: string }
}

/** `path` relative to the repository root; `policy` is `{ kind: 'overwrite' }` when absent. */
export interface FileChange {
  path: string
  content: string
  policy?: WritePolicy
}
