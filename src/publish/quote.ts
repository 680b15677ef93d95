/** The most characters of a GitHub answer that one message quotes. */
export const QUOTE_LIMIT = 300

/**
 * Text from GitHub (an error body, a GraphQL error) as a message quotes it. A body may echo the
 * token, so every secret is replaced first: shortening comes after, and no cut can leave half of one.
 * Then at most QUOTE_LIMIT characters, in JSON quotes so that a newline in the answer cannot start
 * a workflow command (`::…`) on a line of its own.
 */
export function quoteGitHub(text: string, secrets: readonly string[]): string {
  const redacted = redactSecrets(text, secrets).trim()
  if (redacted === '') return '(empty)'
  return JSON.stringify(shorten(redacted, QUOTE_LIMIT))
}

/** `text` with every occurrence of each non-empty secret replaced by `***`, longest secret first. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret !== '')
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join('***'), text)
}

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text
  // Never end on the first half of a surrogate pair.
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, limit)) ? limit - 1 : limit
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`
}
