import { gitBlobOid } from '../core/git-blob.js'
import type { ChangeSet, FileChange, KeptReason } from './publisher.js'

/**
 * Whether `file` is to be written over what is there now (`existingOid`: the git blob id of the current
 * content, undefined when there is no such file). One rule for every publisher.
 */
export function writeDecision(
  file: FileChange,
  existingOid: string | undefined,
  overwrite: ChangeSet['overwrite'],
): { write: true } | { write: false; reason: KeptReason } {
  if (existingOid === undefined) return { write: true }
  if (existingOid === gitBlobOid(file.content)) return { write: false, reason: 'unchanged' }
  const policy = file.policy ?? { kind: 'overwrite' }
  switch (policy.kind) {
    case 'state':
      return { write: true }
    case 'unedited':
      return existingOid === policy.lastWritten ? { write: true } : { write: false, reason: 'edited' }
    case 'overwrite':
      return overwrite === 'changed' ? { write: true } : { write: false, reason: 'overwrite-never' }
  }
}

/** How the log says why a file was left as it is; `where` is e.g. "on main" or "in the workspace". */
export function keptLine(path: string, reason: KeptReason, where: string): string {
  switch (reason) {
    case 'unchanged':
      return `${path}: already as wanted ${where}, left as it is`
    case 'overwrite-never':
      return `${path}: differs ${where}, left as it is (overwrite: never)`
    case 'edited':
      return `${path}: changed ${where} since the action wrote it (a person's edit), left as it is`
  }
}
