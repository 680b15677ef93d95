import type { RankedPaper } from '../core/post-record.js'

/**
 * Why a post's new ranking differs from the one the action wrote, in words for the log and the job
 * summary, e.g. `3 papers added, order changed, upvotes updated`. Another reason when the rankings are
 * equal: then something else of the post changed (an abstract, a link, the settings).
 */
export function describeChanges(before: readonly RankedPaper[], after: readonly RankedPaper[]): string[] {
  const upvotesBefore = new Map(before)
  const upvotesAfter = new Map(after)
  const added = after.filter(([id]) => !upvotesBefore.has(id)).length
  const dropped = before.filter(([id]) => !upvotesAfter.has(id)).length
  const keptBefore = before.filter(([id]) => upvotesAfter.has(id)).map(([id]) => id)
  const keptAfter = after.filter(([id]) => upvotesBefore.has(id)).map(([id]) => id)
  const reasons: string[] = []
  if (added > 0) reasons.push(`${papers(added)} added`)
  if (dropped > 0) reasons.push(`${papers(dropped)} dropped`)
  if (keptBefore.some((id, index) => keptAfter[index] !== id)) reasons.push('order changed')
  if (after.some(([id, upvotes]) => upvotesBefore.has(id) && upvotesBefore.get(id) !== upvotes)) {
    reasons.push('upvotes updated')
  }
  return reasons.length > 0 ? reasons : ['details other than the ranking changed']
}

function papers(count: number): string {
  return `${count} ${count === 1 ? 'paper' : 'papers'}`
}
