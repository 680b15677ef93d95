import type { KeptReason, PublishResult } from '../core/changes.js'

/** The order reasons are told in: the harmless one first. */
const REASONS: readonly KeptReason[] = [
  'unchanged',
  'overwrite-never',
  'edited',
  'deleted',
  'unrecorded',
  'too-large',
]

/**
 * Why a run wrote nothing, from what the publisher kept and why: `the post is unchanged`, or
 * `the post exists and differs; overwrite is "never"`, so that a kept edit is not reported as an
 * unchanged post. Told about the posts (`posts`, the run's post paths); about every kept file when the
 * run had no post (data files only).
 */
export function nothingWritten(posts: readonly string[], kept: PublishResult['kept']): string {
  const noun = posts.length > 0 ? 'post' : 'file'
  const told = posts.length > 0 ? kept.filter((file) => posts.includes(file.path)) : kept
  const counts = REASONS.map((reason) => ({
    reason,
    count: told.filter((file) => file.reason === reason).length,
  })).filter(({ count }) => count > 0)
  const whole = counts.length === 1
  const parts = counts.map(({ reason, count }) => {
    const subject = whole
      ? count === 1
        ? `the ${noun}`
        : `the ${count} ${noun}s`
      : `${count} ${count === 1 ? noun : `${noun}s`}`
    return `${subject} ${VERBS[reason](count === 1)}`
  })
  if (parts.length === 0) return 'nothing to write'
  const never = counts.some(({ reason }) => reason === 'overwrite-never')
  return `${parts.join(', ')}${never ? '; overwrite is "never"' : ''}`
}

const VERBS: Record<KeptReason, (one: boolean) => string> = {
  unchanged: (one) => (one ? 'is unchanged' : 'are unchanged'),
  'overwrite-never': (one) => (one ? 'exists and differs' : 'exist and differ'),
  edited: (one) => (one ? 'was edited since the action wrote it' : 'were edited since the action wrote them'),
  deleted: (one) =>
    one ? 'was deleted since the action wrote it' : 'were deleted since the action wrote them',
  unrecorded: (one) => (one ? 'has no record any more' : 'have no record any more'),
  'too-large': (one) => (one ? 'is too large to write' : 'are too large to write'),
}
