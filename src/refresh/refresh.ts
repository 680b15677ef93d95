import { gitBlobOid } from '../core/git-blob.js'
import type { Log } from '../core/log.js'
import type { FileChange } from '../core/changes.js'
import type { RankedPaper } from '../core/post-record.js'
import { plural } from '../core/wording.js'
import { isThere, ranking, recordEntry, recordPaths, type PostRecords, type RecordedPost } from './records.js'

/** Rendered again from today's data. */
export interface EarlierPost extends RecordedPost {
  content: string
}

/**
 * - `current`: it differed from the record, but the file already shows today's ranking;
 * - `shrunk`: Hugging Face now lists far fewer of its papers (2 of 12): an answer to distrust;
 * - `shared`: another post of this run has the same file (a `filename` without `{date}`);
 * - `pull-request`: another open pull request changes the post too (pull-request mode); its URL.
 */
export type RefreshStatus =
  | 'rewritten'
  | 'current'
  | 'edited'
  | 'deleted'
  | 'unchanged'
  | 'shrunk'
  | 'unrecorded'
  | 'shared'
  | 'pull-request'

export interface RefreshedPost {
  day: string
  path: string
  status: RefreshStatus
  /** For `rewritten`: e.g. `3 papers added`, `order changed`. */
  reasons: string[]
}

export interface RefreshPlan {
  files: FileChange[]
  posts: RefreshedPost[]
  /** The posts of `files`, for their record entries. */
  rewritten: EarlierPost[]
  /**
   * Days with papers and no record file at all, after a day the action recorded: GitHub drops scheduled
   * runs now and then, and nothing else would post them (the days before the first recorded one are the
   * blog's past; a day with a record file may be an opt-out).
   */
  missed: string[]
}

/**
 * `taken`: the paths of this run's own posts, which win over an earlier day that has the same file;
 * `others`: the files other open pull requests change (pull-request mode), with their URLs.
 */
export function planRefresh(
  earlier: readonly EarlierPost[],
  records: PostRecords,
  taken: ReadonlySet<string>,
  others: ReadonlyMap<string, string> = new Map(),
): RefreshPlan {
  const plan: RefreshPlan = { files: [], posts: [], rewritten: [], missed: [] }
  const unfiled: string[] = []
  let firstRecorded: string | undefined
  const uses = Map.groupBy(earlier, ({ path }) => path)
  for (const post of earlier) {
    const { day, path, papers } = post
    const entry = recordEntry(records, post)
    if (entry !== undefined && (firstRecorded === undefined || day < firstRecorded)) firstRecorded = day
    const add = (status: RefreshStatus, reasons: string[] = []) =>
      plan.posts.push({ day, path, status, reasons })
    // A day without papers and without a post (a weekend) is no news.
    if (papers.length === 0 && entry === undefined) continue
    if (taken.has(path) || (uses.get(path)?.length ?? 0) > 1) add('shared')
    else if (entry === undefined) {
      add('unrecorded')
      if (!recordPaths(post).some((file) => isThere(records.get(file)))) unfiled.push(day)
    } else if (entry.blob === gitBlobOid(post.content)) add('unchanged')
    else if (papers.length * 2 < entry.papers.length) {
      add('shrunk', [`${papers.length} of the ${entry.papers.length} papers it shows`])
    } else if (others.has(path)) {
      add('pull-request', [others.get(path) as string])
    } else {
      plan.files.push({ path, content: post.content, policy: { kind: 'unedited', lastWritten: entry.blob } })
      plan.rewritten.push(post)
      // `rewritten` until the publisher says otherwise.
      add('rewritten', describeChanges(entry.papers, ranking(papers)))
    }
  }
  plan.missed = unfiled.filter((day) => firstRecorded !== undefined && day > firstRecorded)
  return plan
}

/** When the rankings are equal, something else changed (an abstract, a link, the settings). */
export function describeChanges(before: readonly RankedPaper[], after: readonly RankedPaper[]): string[] {
  const upvotesBefore = new Map(before)
  const upvotesAfter = new Map(after)
  const added = after.filter(([id]) => !upvotesBefore.has(id)).length
  const dropped = before.filter(([id]) => !upvotesAfter.has(id)).length
  const keptBefore = before.filter(([id]) => upvotesAfter.has(id)).map(([id]) => id)
  const keptAfter = after.filter(([id]) => upvotesBefore.has(id)).map(([id]) => id)
  const reasons: string[] = []
  if (added > 0) reasons.push(`${plural(added, 'paper')} added`)
  if (dropped > 0) reasons.push(`${plural(dropped, 'paper')} dropped`)
  if (keptBefore.some((id, index) => keptAfter[index] !== id)) reasons.push('order changed')
  if (after.some(([id, upvotes]) => upvotesBefore.has(id) && upvotesBefore.get(id) !== upvotes)) {
    reasons.push('upvotes updated')
  }
  return reasons.length > 0 ? reasons : ['details other than the ranking changed']
}

/** The quiet ones summed up in a line each. */
export function logRefresh(posts: readonly RefreshedPost[], missed: readonly string[], log: Log): void {
  const notice = log.notice ?? log.info
  const daysOf = (status: RefreshStatus) =>
    posts.filter((post) => post.status === status).map((post) => post.day)
  const sumUp = (days: string[], what: string) => {
    if (days.length > 0) log.info(`${what}: ${days.join(', ')}`)
  }
  for (const { day, path, status, reasons } of posts) {
    if (status === 'rewritten') log.info(`Refreshed ${day} (${path}): ${reasons.join(', ')}`)
    if (status === 'current') log.info(`${day}: ${path} already shows the current ranking`)
    if (status === 'edited') notice(`${day}: ${path} changed since the action wrote it, left as it is`)
    if (status === 'deleted')
      notice(`${day}: ${path} was deleted since the action wrote it, not written again`)
    if (status === 'shared') log.info(`${day}: ${path} is also another day's post, so it is not refreshed`)
    if (status === 'pull-request') {
      log.info(
        `${day}: ${path} is changed by the open pull request ${reasons.join('')} too, so it is left to it (the second merged would conflict); a run after it is merged refreshes it`,
      )
    }
    if (status === 'shrunk') {
      log.warning(
        `${day}: Hugging Face now lists ${reasons.join('')}, so ${path} is left as it is; a later run refreshes it once the day's list is whole again`,
      )
    }
  }
  sumUp(daysOf('unchanged'), 'Ranking unchanged since the action wrote them, not rewritten')
  if (missed.length > 0)
    notice(
      `No record of a post for ${missed.join(', ')}, though the action recorded the days before: if a scheduled run was missed, a run with date: ${missed[0]}${missed.length > 1 ? `..${missed.at(-1)}` : ''} posts them (a post already there is left as it is)`,
    )
  sumUp(
    daysOf('unrecorded').filter((day) => !missed.includes(day)),
    'Left as they are, with no record that the action wrote them (before refresh-days, by hand, or no post)',
  )
}
