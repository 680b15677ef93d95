/** What a weekly or monthly post links a day's post with: its URL, found by its path when Jekyll builds. */
export const postLinkLiquid = (path: string) =>
  `{{ site.posts | where: "path", "${path}" | map: "url" | first | relative_url }}`

/** The link to a daily post under the default `posts-dir` and `filename`. */
export const dailyPostLink = (day: string) => postLinkLiquid(`_posts/${day}-daily-papers-${day}.md`)
