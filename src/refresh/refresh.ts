import { gitBlobOid } from '../core/git-blob.js'
import type { Log } from '../core/log.js'
import type { FileChange, PublishResult } from '../core/changes.js'
import type { Paper } from '../core/paper.js'
import { describeChanges } from './changes.js'
import { ranking, recordEntry, type PostRecords } from './records.js'

/** An earlier day's post rendered again from today's data. */
export interface EarlierPost {
  day: string
  path: string
  content: string
  /** Ranked, as the post shows them. */
  papers: readonly Paper[]
}

/**
 * What became of an earlier post:
 * - `rewritten`: it differed from today's ranking and was still what the action wrote: replaced;
 * - `current`: it differed from the record, but the file already shows today's ranking;
 * - `edited` / `deleted`: a person changed or deleted it since the action wrote it: left as it is;
 * - `unchanged`: today's rendering is what the action wrote (the ranking has not moved);
 * - `shrunk`: Hugging Face now lists far fewer of its papers (2 of 12): an answer to distrust, left as it is;
 * - `unrecorded`: no record that the action wrote it (before refresh-days, by hand, or never);
 * - `shared`: another post of this run has the same file (a `filename` without `{date}`).
 */
export type RefreshStatus =
  'rewritten' | 'current' | 'edited' | 'deleted' | 'unchanged' | 'shrunk' | 'unrecorded' | 'shared'

export interface RefreshedPost {
  day: string
  path: string
  status: RefreshStatus
  /** For `rewritten`: what changed, e.g. `3 papers added`, `order changed`. */
  reasons: string[]
}

export interface RefreshPlan {
  /** The posts to rewrite, each only while it is still what the action last wrote. */
  files: FileChange[]
  posts: RefreshedPost[]
  /** The earlier posts of `files`, for their record entries. */
  rewritten: EarlierPost[]
}

/**
 * Compares each earlier post with what the record says the action wrote there. `taken`: the paths of
 * this run's own posts, which win over an earlier day that has the same file.
 */
export function planRefresh(
  earlier: readonly EarlierPost[],
  records: PostRecords,
  taken: ReadonlySet<string>,
): RefreshPlan {
  const files: FileChange[] = []
  const posts: RefreshedPost[] = []
  const rewritten: EarlierPost[] = []
  const uses = new Map<string, number>()
  for (const { path } of earlier) uses.set(path, (uses.get(path) ?? 0) + 1)
  for (const post of earlier) {
    const { day, path } = post
    const entry = recordEntry(records, day, path)
    const blob = gitBlobOid(post.content)
    if (taken.has(path) || (uses.get(path) ?? 0) > 1) {
      posts.push({ day, path, status: 'shared', reasons: [] })
    } else if (entry === undefined) {
      posts.push({ day, path, status: 'unrecorded', reasons: [] })
    } else if (entry.blob === blob) {
      posts.push({ day, path, status: 'unchanged', reasons: [] })
    } else if (post.papers.length * 2 < entry.papers.length) {
      const reasons = [`${post.papers.length} of the ${entry.papers.length} papers it shows`]
      posts.push({ day, path, status: 'shrunk', reasons })
    } else {
      files.push({ path, content: post.content, policy: { kind: 'unedited', lastWritten: entry.blob } })
      rewritten.push(post)
      // `rewritten` until the publisher says otherwise.
      posts.push({
        day,
        path,
        status: 'rewritten',
        reasons: describeChanges(entry.papers, ranking(post.papers)),
      })
    }
  }
  return { files, posts, rewritten }
}

/** The plan's posts as the publisher left them. */
export function refreshOutcome(plan: RefreshPlan, published: Pick<PublishResult, 'kept'>): RefreshedPost[] {
  const kept = new Map(published.kept.map(({ path, reason }) => [path, reason]))
  return plan.posts.map((post) => {
    if (post.status !== 'rewritten') return post
    switch (kept.get(post.path)) {
      case undefined:
        return post
      case 'unchanged':
        return { ...post, status: 'current' }
      case 'deleted':
        return { ...post, status: 'deleted' }
      case 'unrecorded':
        return { ...post, status: 'unrecorded' }
      default:
        return { ...post, status: 'edited' }
    }
  })
}

/** One line per refreshed or protected post; the quiet ones summed up in a line each. */
export function logRefresh(posts: readonly RefreshedPost[], log: Log): void {
  const notice = (message: string) => (log.notice ? log.notice(message) : log.info(message))
  const daysWith = (status: RefreshStatus) =>
    posts.filter((post) => post.status === status).map((post) => post.day)
  for (const { day, path, status, reasons } of posts) {
    if (status === 'rewritten') log.info(`Refreshed ${day} (${path}): ${reasons.join(', ')}`)
    if (status === 'current') log.info(`${day}: ${path} already shows the current ranking`)
    if (status === 'edited') notice(`${day}: ${path} changed since the action wrote it, left as it is`)
    if (status === 'deleted')
      notice(`${day}: ${path} was deleted since the action wrote it, not written again`)
    if (status === 'shared') log.info(`${day}: ${path} is also another day's post, so it is not refreshed`)
    if (status === 'shrunk') {
      log.warning(
        `${day}: Hugging Face now lists ${reasons.join('')}, so ${path} is left as it is; a later run refreshes it once the day's list is whole again`,
      )
    }
  }
  const unchanged = daysWith('unchanged')
  if (unchanged.length > 0) {
    log.info(`Ranking unchanged since the action wrote them, not rewritten: ${unchanged.join(', ')}`)
  }
  const unrecorded = daysWith('unrecorded')
  if (unrecorded.length > 0) {
    log.info(
      `Left as they are, with no record that the action wrote them (before refresh-days, by hand, or no post): ${unrecorded.join(', ')}`,
    )
  }
}
