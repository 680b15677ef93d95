/** One day alone, else `FROM..TO` as `date` accepts it. */
export function describeRange({ from, to }: { from: string; to: string }): string {
  return from === to ? from : `${from}..${to}`
}

/** `yesterday`: the word as the medium shows a value (quoted in a log, `<code>` in HTML). */
export function todayIncompleteWarning(days: string, yesterday: string): string {
  return `${days} is today on Hugging Face's calendar (UTC): its list keeps growing during the day, so the post may miss papers. Schedule the run for ${yesterday} for complete days.`
}
