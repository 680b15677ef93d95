import type { Html, Link, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { PostLinkTarget } from './kramdown.js'

// Text goes in as `text` nodes only, which the serializer escapes: nothing from outside becomes markup.
export const text = (value: string): PhrasingContent => ({ type: 'text', value })
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] })
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] })
export const link = (url: string, label: string): Link => ({ type: 'link', url, children: [text(label)] })
/** A link to another post of the site, which Jekyll finds by its path (see kramdown.ts). */
export const postLink = (target: PostLinkTarget, label: string): Link => ({
  ...link('', label),
  data: { jekyllPost: target },
})
export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
export const heading = (depth: 1 | 2 | 3, value: string | PhrasingContent[]): RootContent => ({
  type: 'heading',
  depth,
  children: typeof value === 'string' ? [text(value)] : value,
})
/** Markup the action writes itself (the `<details>` fold, kramdown's attribute lists), never from data. */
export const ownMarkup = (value: string): Html => ({ type: 'html', value })
export const listItem = (children: ListItem['children']): ListItem => ({
  type: 'listItem',
  spread: false,
  children,
})
export const textItem = (value: string): ListItem => listItem([paragraph([text(value)])])

/** `spread` puts blank lines between the items. */
export function list(items: ListItem[], { ordered = false, spread = false, start = 1 } = {}): List {
  return { type: 'list', ordered, ...(ordered ? { start } : {}), spread, children: items }
}
