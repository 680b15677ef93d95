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
 *   Face now lists fewer than half of (an answer to distrust), or that no record names at all (written by
 *   hand or by another tool): under `changed`, a post already there is left as it is, and a shrunk one that
 *   is gone is not written again.
 */
export type WritePolicy =
  | { kind: 'overwrite'; lastWritten?: string }
  | { kind: 'state'; merge?: StateMerge }
  | { kind: 'unedited'; lastWritten?: string }
  | { kind: 'held'; why: 'opted-out' | 'record-unreadable' | 'shrunk' | 'not-recorded'; evenWhenGone?: true }

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

/** The most bytes a file system takes in a name: git cannot check out a longer one. */
const MAX_NAME_BYTES = 255

/**
 * Why one change's paths cannot all be written: a path that another makes a folder (a `data-dir` that is a
 * post's own path), or a name longer than a file system takes. Undefined when they can.
 */
export function changePathsProblem(paths: readonly string[]): string | undefined {
  const files = new Set(paths)
  for (const path of paths) {
    const names = path.split('/')
    const long = names.find((name) => Buffer.byteLength(name) > MAX_NAME_BYTES)
    if (long !== undefined) {
      return `"${path}" has a name of ${Buffer.byteLength(long)} bytes, more than the ${MAX_NAME_BYTES} a file system takes (git could not check it out): shorten filename, title or posts-dir`
    }
    const folder = names
      .slice(1)
      .map((_, index) => names.slice(0, index + 1).join('/'))
      .find((one) => files.has(one))
    if (folder !== undefined) {
      return `"${folder}" would be both a file the run writes and the folder of "${path}": give data-dir, posts-dir and filename paths apart`
    }
  }
  return undefined
}
