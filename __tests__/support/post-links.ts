/**
 * What a weekly or monthly post links a daily post with, under the default `filename` and `posts-dir`:
 * its URL, found by its slug and path when Jekyll builds.
 */
export const dailyPostLink = (day: string) =>
  `{{ site.posts | where: "slug", "daily-papers-${day}" | where_exp: "post", "'_posts/${day}-daily-papers-${day}.md' contains post.path" | map: "url" | first | relative_url }}`
