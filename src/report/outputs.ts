import type { DigestResult } from './result.js'

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
