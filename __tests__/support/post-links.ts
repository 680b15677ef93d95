/**
 * What a weekly or monthly post links a daily post with, under the default `filename`: its URL, found by
 * its file name when Jekyll builds.
 */
export const dailyPostLink = (day: string) =>
  `{{ site.posts | where: "name", "${day}-daily-papers-${day}.md" | map: "url" | first | relative_url }}`
