import { quoteAnswer } from '../core/quote-untrusted.js'

/** The most characters of a GitHub answer that one message quotes. */
export const QUOTE_LIMIT = 300

/**
 * Text from GitHub (an error body, a GraphQL error) as a message quotes it: a body may echo the
 * token, so every secret is hidden before the cut; at most QUOTE_LIMIT characters, its lines kept
 * apart as `\n` inside the JSON quotes, so that none can start a workflow command (`::…`).
 */
export function quoteGitHub(text: string, secrets: readonly string[]): string {
  return quoteAnswer(text, {
    limit: QUOTE_LIMIT,
    secrets,
    empty: '(empty)',
    countRest: true,
    foldWhitespace: false,
  })
}
