/**
 * When the action may replace a file that is already there with other content.
 * - `overwrite`: posts and data files; the `overwrite` input decides. `lastWritten`: a post of the
 *   run's own days the record says the action wrote (a git blob id); under `overwrite: changed` it is
 *   replaced only while it is still that, so a person's edit is kept (`always` replaces it).
 * - `state`: the action's own bookkeeping (the model-summary cache, the record of what it wrote):
 *   replaced whenever it differs, whatever `overwrite` says.
 * - `unedited`: a refreshed older post; replaced only while it is still exactly what the action last
 *   wrote there (`lastWritten`, a git blob id), so a person's edit is never lost. With no record, it
 *   is left alone, and a post deleted since is not written again.
 */
export type WritePolicy =
  | { kind: 'overwrite'; lastWritten?: string }
  | { kind: 'state'; merge?: StateMerge }
  | { kind: 'unedited'; lastWritten?: string }

/**
 * How a state file is merged at commit time onto what the branch holds then, when that is no longer
 * what the run read (another run, or a person, committed in between): entry by entry, the run's new
 * entries over the branch's, so that neither loses anything.
 */
export interface StateMerge {
  /** The git blob id of the file as the run read it; undefined when there was none. */
  readOid?: string
  /** The content merged onto the branch's text (undefined: no file), or why that text cannot be used. */
  onto(text: string | undefined): { content: string } | { problem: string }
}

/** A file the action wants in the repository, path relative to the repository root. */
export interface FileChange {
  path: string
  content: string
  /** `{ kind: 'overwrite' }` when absent. */
  policy?: WritePolicy
}
