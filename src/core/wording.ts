/** A duration in milliseconds as messages show it: `1.5 s`, `0.02 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** "1 paper", "2 papers": a count with its noun, for messages and the job summary. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * A URL as messages show it: without the user name and password a base URL might carry. Text that is no
 * URL is shown as it is.
 */
export function shownUrl(url: string | URL): string {
  const shown = URL.parse(String(url))
  if (shown === null) return String(url)
  shown.username = ''
  shown.password = ''
  return shown.href
}
