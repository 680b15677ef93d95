import type { Handle } from 'mdast-util-to-markdown'
import { defaultHandlers } from 'mdast-util-to-markdown'

/**
 * Text as remark-stringify escapes it for CommonMark, adjusted for what Jekyll does to a post: Liquid
 * runs on the file first (on Jekyll 3 and 4, whatever `render_with_liquid` says), then kramdown with
 * GFM input parses it. Every construct either could start is broken up so that the text stays text.
 */
export const kramdownText: Handle = (node, parent, state, info) =>
  toKramdown(defaultHandlers.text(node, parent, state, info))

/** Entities and the few characters kramdown reads where CommonMark does not; exported for tests. */
export function toKramdown(escaped: string): string {
  return (
    escaped
      // kramdown has no `\&` escape (it would print the backslash): an `&` that would start an entity is
      // written `&amp;`, any other stays as it is.
      .replace(
        /(\\*)&/g,
        (_, slashes: string) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + '&',
      )
      .replace(/&(?=#?\w+;)/g, '&amp;')
      // Liquid's `{{`/`{%` and kramdown's `{:` attribute lists all open with a brace: an entity is text to
      // both, and the page still shows `{`.
      .replace(/\{/g, '&#123;')
      // `$$` is kramdown math, `|` a table cell, `~~` GFM strikethrough; kramdown knows these escapes.
      .replace(/\$\$/g, '\\$\\$')
      .replace(/(\\*)\|/g, (_, slashes: string) => slashes + (slashes.length % 2 === 0 ? '\\|' : '|'))
      .replace(/~~/g, '\\~\\~')
  )
}
