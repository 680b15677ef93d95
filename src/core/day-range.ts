/** One day alone, else `FROM..TO` as `date` accepts it. */
export function describeRange({ from, to }: { from: string; to: string }): string {
  return from === to ? from : `${from}..${to}`
}

/** `yesterday`: the word as the medium shows a value (quoted in a log, `<code>` in HTML). */
export function todayIncompleteWarning(days: string, yesterday: string, digest: Digest = 'daily'): string {
  const growing = `${days} is today on Hugging Face's calendar (UTC): its list keeps growing during the day, so the post may miss papers.`
  if (digest === 'daily') return `${growing} Schedule the run for ${yesterday} for complete days.`
  const period = digest === 'weekly' ? 'week' : 'month'
  return `${growing} Each run of the ${period} rewrites its post, and the first after the ${period} ends completes it.`
}

type Digest = 'daily' | 'weekly' | 'monthly'
