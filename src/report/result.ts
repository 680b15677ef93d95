import type { PublishResult } from '../core/changes.js'
import type { Paper } from '../core/paper.js'
import type { SummaryStats } from '../enrich/index.js'
import type { DispatchFailure } from '../publish/dispatch.js'
import type { RefreshedPost } from '../refresh/refresh.js'

/** What a run did, day by day and as a whole: what the outputs and the job summary report. */
export interface DayOutcome {
  day: string
  /** Valid papers Hugging Face listed that day. */
  listed: number
  /** The papers in the day's post, ranked; empty when the day got no post of its own. */
  papers: Paper[]
  /** Repository-relative path of the post that holds the day (a weekly or monthly digest: the same for all). */
  postPath?: string
  /** The day is today on Hugging Face's (UTC) calendar: its list is still growing. */
  incomplete?: boolean
}

export interface DigestResult extends Pick<PublishResult, 'commitSha' | 'commitUrl' | 'pullRequestUrl'> {
  days: DayOutcome[]
  /** Post paths written or committed (in dry-run: that would be). */
  posts: string[]
  /** Papers rendered, all posts together. */
  papers: number
  /** Why nothing was written, when nothing was. */
  skipped?: string
  /** The earlier posts `refresh-days` rendered again, and what became of each. */
  refreshed?: RefreshedPost[]
  /** The workflow dispatch after the commit failed: outputs stand, the run fails with its message. */
  failure?: DispatchFailure
  /** Where the papers' model summaries came from, when `fields` asked for them. */
  summaries?: SummaryStats
}

/** The action's outputs, as the strings the runner stores. */
export function digestOutputs(result: DigestResult): Record<string, string> {
  return {
    posts: JSON.stringify(result.posts),
    'post-path': result.posts[0] ?? '',
    papers: String(result.papers),
    'commit-sha': result.commitSha ?? '',
    'commit-url': result.commitUrl ?? '',
    'pull-request-url': result.pullRequestUrl ?? '',
    skipped: String(result.skipped !== undefined),
  }
}
