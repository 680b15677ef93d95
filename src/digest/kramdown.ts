import type { Link, Text } from 'mdast'
import { posix } from 'node:path'
import type { Handle, Info, State } from 'mdast-util-to-markdown'
import { defaultHandlers } from 'mdast-util-to-markdown'
import { startsEntity } from '../core/entity.js'
import { encodeUrl } from '../core/safe-url.js'

/**
 * Text as remark-stringify escapes it, with every construct broken up that Liquid (it runs first on Jekyll
 * 3 and 4, whatever `render_with_liquid` says) or kramdown with GFM input could start.
 */
export const kramdownText: Handle = (node: Text, parent, state, info) =>
  needsNoEscape(node.value, state, info)
    ? node.value
    : toKramdown(defaultHandlers.text(node, parent, state, info))

/** Per serializer: a character some escape pattern names (other than a space), or one toKramdown changes. */
const escapedCharacters = new WeakMap<State['unsafe'], RegExp>()

/**
 * Most text nodes (a separator, a count, a name) come out of both escapers as they went in: they are
 * returned without running the serializer's ~80 patterns over them: a third of a post's writing time.
 * Every pattern escapes its own `character`, so text without one is left alone, save for a space beside
 * a line break (and in a code fence's info string, where no text node goes). The random posts of
 * kramdown.test.ts hold both paths to the same output.
 */
function needsNoEscape(value: string, state: State, info: Info): boolean {
  let escaped = escapedCharacters.get(state.unsafe)
  if (escaped === undefined) {
    const characters = new Set([...state.unsafe.map((pattern) => pattern.character), ...'\\&{|$~'])
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
    /** A link to another post of the site, by its path as {@link jekyllPostPath} checks it. */
    jekyllPost?: string
  }
}

/**
 * A post's file name: dated, then its slug and extension, letters, digits, `-`, `_` and `.`. A slug
 * ending in `.` is refused: Jekyll 4 drops those dots and Jekyll 3 keeps them, so no one slug finds it.
 */
const POST_FILE = /^\d{4}-\d{2}-\d{2}-([A-Za-z0-9_.-]*[A-Za-z0-9_-])\.[A-Za-z0-9_-]+$/
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
 * The post's URL as the site has it, with its base URL; empty, and the site still built, when a person
 * deleted or renamed the post since (Jekyll's `post_url` fails the whole build then). Liquid that Jekyll 3
 * (GitHub Pages' own build) and 4 both run, with the lookups Jekyll caches. Jekyll knows a post by its
 * path from the site's source: the repository's path where the site is the repository, shorter where it
 * is a folder of it (`docs/_posts/…` is `_posts/…` there). A post under `_posts` has one such path; one
 * in a folder's `_posts` is looked up by each, longest first, among the posts of its slug, so that
 * `ko/_posts/…` is not taken for `_posts/…` of the same name. The one piece of Liquid the action writes,
 * from a checked path.
 */
function postUrlLiquid(path: string): string {
  const slug = jekyllPostPath(path) === undefined ? undefined : POST_FILE.exec(posix.basename(path))?.[1]
  if (slug === undefined) throw new Error(`"${path}" is not a post path that is safe in Liquid`)
  const url = (posts: string) => `{{ ${posts} | map: "url" | first | relative_url }}`
  const [longest, ...shorter] = sitePaths(path)
  if (shorter.length === 0) return url(`site.posts | where: "path", "${longest}"`)
  const ofSlug = 'hf_daily_papers_posts'
  const found = 'hf_daily_papers_post'
  const lookups = [...shorter.reverse(), longest].map((sitePath, index) => {
    const foundBefore = index === 0 ? '' : ` | concat: ${found}`
    return `{% assign ${found} = ${ofSlug} | where: "path", "${sitePath}"${foundBefore} %}`
  })
  return `{% assign ${ofSlug} = site.posts | where: "slug", "${slug}" %}${lookups.join('')}${url(found)}`
}

/** `blog/_posts/x.md`, `_posts/x.md`: the paths a post may have from a site's source, longest first. */
function sitePaths(path: string): string[] {
  const segments = path.split('/')
  return segments.slice(0, segments.indexOf('_posts') + 1).map((_, start) => segments.slice(start).join('/'))
}

/** What toKramdown may change; the text between is copied as it is. */
const KRAMDOWN_READS = /[&{|$~]/g
const BACKSLASH = 0x5c

/**
 * Entities and the few characters kramdown reads where CommonMark does not, in one pass (a megabyte of
 * backslashes costs a megabyte of work):
 * - kramdown has no `\&` escape (it would print the backslash): an `&` that would start an entity is
 *   written `&amp;`, any other stays as it is, and the escaping backslash is dropped.
 * - Liquid's `{{`/`{%` and kramdown's `{:` attribute lists all open with a brace: `&#123;` is text to
 *   both, and the page still shows `{`.
 * - `$$` is kramdown math, `|` a table cell, `~~` GFM strikethrough; kramdown knows these escapes. A `|`
 *   after an odd run of backslashes is escaped already.
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
    }
  }
  parts.push(escaped.slice(plainFrom))
  return parts.join('')
}
