import type { PublishResult } from '../core/changes.js'
import type { Paper } from '../core/paper.js'
import type { SummaryStats } from '../enrich/index.js'
import type { DispatchFailure } from '../publish/dispatch.js'
import type { RefreshedPost } from '../refresh/refresh.js'

export interface DayOutcome {
  day: string
  listed: number
  /** Empty when the day got no post of its own. */
  papers: Paper[]
  postPath?: string
  /** Today on Hugging Face's (UTC) calendar: its list is still growing. */
  incomplete?: boolean
}

export interface DigestResult extends Pick<PublishResult, 'commitSha' | 'commitUrl' | 'pullRequestUrl'> {
  days: DayOutcome[]
  /** Written or committed (in dry-run: would be). */
  posts: string[]
  papers: number
  skipped?: string
  /** Why the run's own posts were not written, when other files were: "the post was edited since…". */
  ownKept?: string
  refreshed?: RefreshedPost[]
  /** The workflow dispatch after the commit failed: outputs stand, the run fails with its message. */
  failure?: DispatchFailure
  summaries?: SummaryStats
}

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
