import type { KeptReason, PublishResult } from '../core/changes.js'

/** So that a kept edit is not told as an unchanged post; about every kept file when the run had no post. */
export function nothingWritten(posts: readonly string[], kept: PublishResult['kept']): string {
  const noun = posts.length > 0 ? 'post' : 'file'
  const told = posts.length > 0 ? kept.filter((file) => posts.includes(file.path)) : kept
  const counts = (Object.keys(VERBS) as KeptReason[])
    .map((reason) => [reason, told.filter((file) => file.reason === reason).length] as const)
    .filter(([, count]) => count > 0)
  if (counts.length === 0) return 'nothing to write'
  const parts = counts.map(([reason, count]) => {
    const nouns = count === 1 ? noun : `${count} ${noun}s`
    const subject = counts.length === 1 ? `the ${nouns}` : count === 1 ? `1 ${noun}` : nouns
    return `${subject} ${VERBS[reason][count === 1 ? 0 : 1]}`
  })
  const never = counts.some(([reason]) => reason === 'overwrite-never')
  return `${parts.join(', ')}${never ? '; overwrite is "never"' : ''}`
}

/** In the order they are told: the harmless one first. */
const VERBS: Record<KeptReason, [one: string, more: string]> = {
  unchanged: ['is unchanged', 'are unchanged'],
  'overwrite-never': ['exists and differs', 'exist and differ'],
  edited: ['was edited since the action wrote it', 'were edited since the action wrote them'],
  deleted: ['was deleted since the action wrote it', 'were deleted since the action wrote them'],
  'changed-during-run': [
    'was written by someone else during the run',
    'were written by someone else during the run',
  ],
  unrecorded: ['has no record any more', 'have no record any more'],
  'opted-out': [
    'has no record entry any more (the opt-out)',
    'have no record entries any more (the opt-out)',
  ],
  'not-recorded': [
    'exists with no record that the action wrote it',
    'exist with no record that the action wrote them',
  ],
  'record-unreadable': ['has a record that cannot be read', 'have records that cannot be read'],
  shrunk: [
    'would lose most of its papers (Hugging Face lists fewer now)',
    'would lose most of their papers (Hugging Face lists fewer now)',
  ],
  'too-large': ['is too large to write', 'are too large to write'],
  'other-pull-request': [
    'is changed by another open pull request',
    'are changed by other open pull requests',
  ],
}
