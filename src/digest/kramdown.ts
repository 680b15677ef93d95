import type { Link, Text } from 'mdast'
import type { Handle, Info, State } from 'mdast-util-to-markdown'
import { defaultHandlers } from 'mdast-util-to-markdown'
import { startsEntity } from '../core/entity.js'
import { encodeUrl } from '../core/safe-url.js'

/**
 * Text as remark-stringify escapes it, with every construct broken up that Liquid (it runs first on Jekyll
 * 3 and 4, whatever `render_with_liquid` says) or kramdown with GFM input could start.
 */
export const kramdownText: Handle = (node: Text, parent, state, info) => {
  const text = needsNoEscape(node.value, state, info)
    ? node.value
    : toKramdown(defaultHandlers.text(node, parent, state, info))
  // kramdown opens no link whose label starts with `^` (its footnotes' `[^`), and keeps `\^`'s backslash.
  return text.startsWith('^') && info.before.endsWith('[') ? `&#94;${text.slice(1)}` : text
}

/** Per serializer: a character some escape pattern names (other than a space), or one toKramdown changes. */
const escapedCharacters = new WeakMap<State['unsafe'], RegExp>()

/**
 * Most text nodes (a separator, a count, a name) come out of both escapers as they went in: skipping the
 * serializer's ~80 patterns saves a third of a post's writing time. Every pattern escapes its own
 * `character`, so text without one stays, save for a space beside a line break (or in a code fence's info
 * string, where no text node goes). kramdown.test.ts's random posts hold both paths to the same output.
 */
function needsNoEscape(value: string, state: State, info: Info): boolean {
  let escaped = escapedCharacters.get(state.unsafe)
  if (escaped === undefined) {
    const characters = new Set([...state.unsafe.map((pattern) => pattern.character), ...'\\&{|$~<_:'])
    characters.delete(' ')
    const listed = [...characters].map((character) => `\\u{${character.codePointAt(0)!.toString(16)}}`)
    escaped = new RegExp(`[${listed.join('')}]`, 'u')
    escapedCharacters.set(state.unsafe, escaped)
  }
  return (
    !escaped.test(value) &&
    !(value.startsWith(' ') && /[\r\n]$/.test(info.before)) &&
    !(value.endsWith(' ') && /^[\r\n]/.test(info.after))
  )
}

/**
 * `[label](destination)` with the destination percent-encoded and written as it is: it then holds no
 * character markdown, kramdown or Liquid reads. CommonMark's escapes are not used there, as kramdown
 * keeps their backslash in the link (`?a=1\&b=2`).
 */
export function kramdownLink(node: Link, _: unknown, state: State, info: Info): string {
  const destination = node.data?.jekyllPost ? postUrlLiquid(node.data.jekyllPost) : encodeUrl(node.url)
  const exit = state.enter('link')
  const exitLabel = state.enter('label')
  const tracker = state.createTracker(info)
  let value = tracker.move('[')
  value += tracker.move(state.containerPhrasing(node, { before: value, after: '](', ...tracker.current() }))
  exitLabel()
  value += tracker.move(`](${destination})`)
  exit()
  return value
}
kramdownLink.peek = () => '['

declare module 'mdast' {
  interface LinkData {
    /** A link to another post of the site, by paths as {@link jekyllPostPath} checks them. */
    jekyllPost?: PostLinkTarget
  }
}

/** A post another post links, and the linking post: their paths from the repository's root. */
export interface PostLinkTarget {
  path: string
  from: string
}

/** A post's file name: dated, then letters, digits, `-`, `_` and `.`. */
const POST_FILE = /^\d{4}-\d{2}-\d{2}-[A-Za-z0-9_.-]+$/
const SEGMENT = /^[A-Za-z0-9_.-]+$/
/** Folders and file: deeper than any blog's posts, and a bound on the paths {@link sitePaths} gives. */
const MAX_SEGMENTS = 12

/**
 * `path` when it is a post's in the site (`_posts/…`, `blog/_posts/…`, `_posts/daily/…`), with no
 * character that is not inert in a Liquid string; else undefined. Segment by segment: linear in the path.
 */
export function jekyllPostPath(path: string): string | undefined {
  const segments = path.split('/', MAX_SEGMENTS + 1)
  const file = segments.at(-1) ?? ''
  const folders = segments.slice(0, -1)
  const safe = segments.every((segment) => SEGMENT.test(segment) && segment !== '..' && segment !== '.')
  return safe && segments.length <= MAX_SEGMENTS && folders.includes('_posts') && POST_FILE.test(file)
    ? path
    : undefined
}

/**
 * The post's URL with the site's base URL, by Liquid that Jekyll 3 (GitHub Pages' build) and 4 both run,
 * with the lookup Jekyll caches; empty, the site still built, when a person deleted or renamed the post
 * since (`post_url` fails the whole build then). Jekyll knows a post by its path from the site's source, the
 * repository or a folder of it (`docs/_posts/…` is `_posts/…` there): the linking post's own `page.path`
 * (an excerpt's extends it) tells which, so that `ko/_posts/…` is never taken for `_posts/…` of the same
 * name. The one piece of Liquid the action writes, from checked paths.
 */
function postUrlLiquid(target: PostLinkTarget): string {
  if (jekyllPostPath(target.path) === undefined || jekyllPostPath(target.from) === undefined) {
    throw new Error(`"${target.path}" or "${target.from}" is not a post path that is safe in Liquid`)
  }
  const url = (path: string) =>
    `{{ site.posts | where: "path", "${path}" | map: "url" | first | relative_url }}`
  const paths = sitePaths(target)
  if (paths.length === 1) return url(target.path)
  const branches = paths.map(
    ({ path, from }, index) =>
      `{% ${index === 0 ? 'if' : 'elsif'} page.path contains "${from}" %}${url(path)}`,
  )
  return `${branches.join('')}{% endif %}`
}

/**
 * The paths both posts have from each folder the site's source may be, the repository's root first: the
 * folders they share above their `_posts`.
 */
function sitePaths({ path, from }: PostLinkTarget): PostLinkTarget[] {
  const segments = path.split('/')
  const fromSegments = from.split('/')
  const deepest = Math.min(segments.indexOf('_posts'), fromSegments.indexOf('_posts'))
  const shared = segments.slice(0, deepest).findIndex((folder, index) => folder !== fromSegments[index])
  const sources = shared === -1 ? deepest : shared
  return Array.from({ length: sources + 1 }, (_, folders) => ({
    path: segments.slice(folders).join('/'),
    from: fromSegments.slice(folders).join('/'),
  }))
}

/** What toKramdown may change; the text between is copied as it is. */
const KRAMDOWN_READS = /[&{|$~<_:]/g
const BACKSLASH = 0x5c
/**
 * Beyond ASCII: where a tag's name may start for kramdown, which reads names with REXML (whatever its version
 * counts: `[[:alpha:]]`'s `Ⅰ`, `〇`, `Ⓐ`; XML's name characters, `、`, emoji), and where it opens emphasis on a
 * `_` that CommonMark takes for part of a word (`H²_O`, `🙂_b`). CommonMark's escaper minds ASCII only.
 */
const BEYOND_ASCII = /[^\0-\x7f]/u

/**
 * Entities and the few characters kramdown reads where CommonMark does not, in one pass (a megabyte of
 * backslashes costs a megabyte of work):
 * - kramdown has no `\&` escape (it would print the backslash): an `&` that would start an entity is
 *   written `&amp;`, any other stays as it is, and the escaping backslash is dropped.
 * - Liquid's `{{`/`{%` and kramdown's `{:` attribute lists all open with a brace: `&#123;` is text to
 *   both, and the page still shows `{`.
 * - `$$` is kramdown math, `|` a table cell, `~~` GFM strikethrough; kramdown knows these escapes. A `|`
 *   after an odd run of backslashes is escaped already.
 * - kramdown takes a tag of any letters for HTML (`<é>`, whose content is then raw), `]:` anywhere in a
 *   line's first brackets for a link definition (which empties the line), and `_` beside another `_` or
 *   a character beyond ASCII for emphasis, even inside a word: each is escaped, as kramdown reads `\<`,
 *   `\:` and `\_`.
 */
export function toKramdown(escaped: string): string {
  const parts: string[] = []
  let plainFrom = 0
  const replace = (index: number, length: number, replacement: string) => {
    parts.push(escaped.slice(plainFrom, index), replacement)
    plainFrom = index + length
  }
  for (const { index, 0: char } of escaped.matchAll(KRAMDOWN_READS)) {
    // The second of a `$$` or `~~` already written.
    if (index < plainFrom) continue
    // Whether the character is escaped depends on the parity of the backslashes right before it.
    let slashes = 0
    while (escaped.charCodeAt(index - 1 - slashes) === BACKSLASH) slashes++
    if (char === '&') {
      const entity = startsEntity(escaped, index)
      if (slashes % 2 === 1) replace(index - 1, 2, entity ? '&amp;' : '&')
      else if (entity) replace(index, 1, '&amp;')
    } else if (char === '{') {
      replace(index, 1, '&#123;')
    } else if (char === '|' && slashes % 2 === 0) {
      replace(index, 1, '\\|')
    } else if ((char === '$' || char === '~') && escaped[index + 1] === char) {
      replace(index, 2, `\\${char}\\${char}`)
    } else if (slashes % 2 === 0 && opensInKramdown(escaped, index)) {
      replace(index, 1, `\\${char}`)
    }
  }
  parts.push(escaped.slice(plainFrom))
  return parts.join('')
}

/** A `<`, `:` or `_` that kramdown reads as markup where CommonMark reads text (see toKramdown). */
function opensInKramdown(text: string, index: number): boolean {
  const [before = '', char, next = ''] = [text[index - 1], text[index], text[index + 1]]
  if (char === '<') return /[A-Za-z_:]/.test(next) || BEYOND_ASCII.test(next)
  if (char === ':') return before === ']'
  return char === '_' && [before, next].some((beside) => beside === '_' || BEYOND_ASCII.test(beside))
}
