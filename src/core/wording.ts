/** A duration in milliseconds as messages show it: `1.5 s`, `0.02 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** "1 paper", "2 papers": a count with its noun, for messages and the job summary. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * A URL as messages show it: without the user name and password a base URL might carry and, with
 * `withoutQuery`, without its query, where some hosts take their key. Text that is no URL is shown as
 * `unparsable` (by default, as it is).
 */
export function shownUrl(
  url: string | URL,
  { withoutQuery = false, unparsable }: { withoutQuery?: boolean; unparsable?: string } = {},
): string {
  let shown: URL
  try {
    shown = new URL(url)
  } catch {
    return unparsable ?? String(url)
  }
  shown.username = ''
  shown.password = ''
  if (withoutQuery) shown.search = ''
  return shown.href
}
