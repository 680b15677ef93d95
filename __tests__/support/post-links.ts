/**
 * What a weekly or monthly post links a daily post with, under the default `filename` and `posts-dir`:
 * its URL, found by its path when Jekyll builds.
 */
export const dailyPostLink = (day: string) =>
  `{{ site.posts | where: "path", "_posts/${day}-daily-papers-${day}.md" | map: "url" | first | relative_url }}`
