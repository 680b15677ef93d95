import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'

/**
 * Builders for the few mdast nodes a post is made of. Text goes in as `text` nodes only, which
 * remark-stringify escapes: nothing from outside becomes markup.
 */
export const text = (value: string): PhrasingContent => ({ type: 'text', value })
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] })
export const link = (url: string, label: string): PhrasingContent => ({
  type: 'link',
  url,
  children: [text(label)],
})
export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
export const heading = (depth: 1 | 2, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
})
export const listItem = (children: ListItem['children']): ListItem => ({
  type: 'listItem',
  spread: false,
  children,
})
/** A list item holding one line of text. */
export const textItem = (value: string): ListItem => listItem([paragraph([text(value)])])

/** A bulleted list, or one numbered from 1; `spread` puts blank lines between its items. */
export function list(items: ListItem[], { ordered = false, spread = false } = {}): List {
  return ordered
    ? { type: 'list', ordered, start: 1, spread, children: items }
    : { type: 'list', ordered, spread, children: items }
}
