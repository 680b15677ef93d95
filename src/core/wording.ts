/** `1.5 s`, `0.02 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** "1 paper", "2 papers". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Without the user name and password a base URL might carry; text that is no URL as it is. */
export function shownUrl(url: string | URL): string {
  const shown = URL.parse(String(url))
  if (shown === null) return String(url)
  shown.username = ''
  shown.password = ''
  return shown.href
}
