import { gitBlobOid } from '../core/git-blob.js'
import type { ChangeSet, FileChange, KeptReason } from '../core/changes.js'
import type { WritePolicy } from '../core/file-change.js'
import type { Log } from '../core/log.js'
import { MAX_STATE_FILE_BYTES } from '../core/state-file.js'

/** One rule for every publisher; `existingOid`: the current content's blob id, undefined when none. */
export function writeDecision(
  file: FileChange,
  existingOid: string | undefined,
  overwrite: ChangeSet['overwrite'],
): { write: true } | { write: false; reason: KeptReason } {
  const policy = policyOf(file)
  // Never a state file larger than the action reads back: every later run would have to ignore it.
  if (policy.kind === 'state' && Buffer.byteLength(file.content) > MAX_STATE_FILE_BYTES)
    return { write: false, reason: 'too-large' }
  if (existingOid !== undefined && existingOid === gitBlobOid(file.content))
    return { write: false, reason: 'unchanged' }
  const reason = keptWhateverItSays(policy, existingOid, overwrite)
  return reason === undefined ? { write: true } : { write: false, reason }
}

/** A file without a policy of its own is overwritten (under overwrite: changed or always). */
export const policyOf = ({ policy }: Pick<FileChange, 'policy'>): WritePolicy =>
  policy ?? { kind: 'overwrite' }

/**
 * Why a file with this policy is left as it is whatever its new content (a person's edit or deletion, an
 * opt-out, overwrite: never), or undefined when a new content is written.
 */
export function keptWhateverItSays(
  policy: WritePolicy,
  existingOid: string | undefined,
  overwrite: ChangeSet['overwrite'],
): KeptReason | undefined {
  if (existingOid === undefined) {
    // A record that cannot be read may hold the entry of a post a person deleted: it waits with its record.
    if (policy.kind === 'held' && policy.evenWhenGone && overwrite !== 'always') return policy.why
    // Only overwrite: always brings back a post of the run's own that a person deleted; a refreshed one never.
    const deleted = recordedAsWritten(policy) && (policy.kind === 'unedited' || overwrite !== 'always')
    return deleted ? 'deleted' : undefined
  }
  switch (policy.kind) {
    case 'state':
      return undefined
    case 'unedited':
      return existingOid === policy.lastWritten ? undefined : 'edited'
    case 'held':
      if (overwrite === 'never') return 'overwrite-never'
      return overwrite === 'changed' ? policy.why : undefined
    case 'overwrite':
      if (overwrite === 'never') return 'overwrite-never'
      if (overwrite === 'changed' && policy.lastWritten !== undefined && existingOid !== policy.lastWritten)
        return 'edited'
      return undefined
  }
}

/** The record says the action wrote it: gone now, it was deleted (or moved) by a person, an edit too. */
function recordedAsWritten(policy: WritePolicy): boolean {
  switch (policy.kind) {
    case 'unedited':
      return true
    case 'overwrite':
      return policy.lastWritten !== undefined
    case 'held':
      return policy.why === 'shrunk'
    case 'state':
      return false
  }
}

/** A notice for a person's edit of the run's own post (a refreshed post's is told by the refresh). */
export function logKept(log: Log, file: FileChange, reason: KeptReason, where: string): void {
  const line = `${file.path}: ${KEPT[reason](where)}`
  if (reason === 'too-large' || reason === 'shrunk') log.warning(line)
  else if (
    (policyOf(file).kind === 'held' && reason !== 'unchanged') ||
    (policyOf(file).kind === 'overwrite' && EDITS.includes(reason))
  )
    (log.notice ?? log.info)(
      `${line}; overwrite: always ${reason === 'deleted' ? 'writes it again' : 'replaces it'}`,
    )
  else log.info(line)
}

const EDITS: readonly KeptReason[] = ['edited', 'deleted', 'changed-during-run']

/** `where`: e.g. "on main" or "in the workspace". */
const KEPT: Record<KeptReason, (where: string) => string> = {
  unchanged: (where) => `already as wanted ${where}, left as it is`,
  'overwrite-never': (where) => `differs ${where}, left as it is (overwrite: never)`,
  edited: (where) => `changed ${where} since the action wrote it (a person's edit), left as it is`,
  deleted: (where) => `deleted ${where} since the action wrote it, not written again`,
  unrecorded: (where) => `its record entry was removed ${where} during the run, so it is left as it is`,
  'changed-during-run': (where) =>
    `written ${where} during the run by someone else (a person, or another run), so it is left as it is`,
  'other-pull-request': (where) =>
    `changed ${where} too, so left to it (the second merged would conflict); a run after it is merged writes it`,
  'opted-out': (where) =>
    `not written ${where}: its entry in the action's record was removed (the opt-out), so it is left as it is`,
  'not-recorded': (where) =>
    `differs ${where}, and no record says the action wrote it (written by hand or by another tool, or its record entry was removed; in files mode, commit .hf-daily-papers/ with the posts), so it is left as it is`,
  'record-unreadable': (where) =>
    `not written ${where}: the action's record of it cannot be read, so a person's edit or deletion cannot be told from the action's own writing; fix the record file`,
  shrunk: (where) =>
    `differs ${where}, but Hugging Face now lists fewer than half of the papers it shows, an answer to distrust: left as it is; a later run (refresh-days) rewrites it once the day's list is whole again, and overwrite: always replaces it now`,
  'too-large': (where) =>
    `not written ${where}: it would be larger than the ${MAX_STATE_FILE_BYTES / 1024 / 1024} MB the action reads back; delete entries no longer needed from it`,
}
