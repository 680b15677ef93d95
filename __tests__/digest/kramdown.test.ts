import { describe, expect, it } from '@jest/globals'
import type { PhrasingContent, Root, RootContent, Text } from 'mdast'
import type { Handle } from 'mdast-util-to-markdown'
import { defaultHandlers } from 'mdast-util-to-markdown'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { jekyllPostPath, kramdownText, toKramdown } from '../../src/digest/kramdown.js'
import { STRINGIFY_OPTIONS } from '../../src/digest/render.js'

describe('toKramdown', () => {
  it.each([
    ['Q\\&A', 'Q&A'],
    ['\\&amp; and &#123;', '&amp;amp; and &amp;#123;'],
    ['a\\\\&b', 'a\\\\&b'],
    [
      '{{ site.github }} {% include x %} {: .x}',
      '&#123;&#123; site.github }} &#123;% include x %} &#123;: .x}',
    ],
    ['$$x$$ and $y$', '\\$\\$x\\$\\$ and $y$'],
    ['a | b \\| c \\\\| d', 'a \\| b \\| c \\\\\\| d'],
    ['~~gone~~ ~kept', '\\~\\~gone\\~\\~ ~kept'],
    ['"thinking" (a) 61.4% 3.3K this https URL .', '"thinking" (a) 61.4% 3.3K this https URL .'],
    // Tags of any letters kramdown takes for HTML; CommonMark's escaper minds only ASCII ones.
    ['‹é>x<é>\\<script>', '‹é>x\\<é>\\<script>'],
    ['<中> <_x> <:x> < 3 <3 \\<a>', '\\<中> \\<_x> \\<:x> < 3 <3 \\<a>'],
    // Whatever a REXML version takes for a name's first character: [[:alpha:]], or XML's name characters.
    ['<Ⅰ> <〇> <Ⓐ> <🅰> <、> <x', '\\<Ⅰ> \\<〇> \\<Ⓐ> \\<🅰> \\<、> \\<x'],
    // A link definition's `]:`, wherever the first brackets of a line are.
    ['\\[Fast\\]: slow, a]:b', '\\[Fast\\]\\: slow, a]\\:b'],
    // Emphasis kramdown opens inside a word, after another `_`.
    ['Deep___Learning snake_case \\__x', 'Deep\\_\\_\\_Learning snake_case \\_\\_x'],
  ])('%s → %s', (escaped, expected) => {
    expect(toKramdown(escaped)).toBe(expected)
  })
})

/** The regex chain toKramdown replaced (quadratic on backslash runs): the oracle for short strings. */
function regexChain(escaped: string): string {
  return escaped
    .replace(/(\\*)&/g, (_, slashes: string) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + '&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/\{/g, '&#123;')
    .replace(/\$\$/g, '\\$\\$')
    .replace(/(\\*)\|/g, (_, slashes: string) => slashes + (slashes.length % 2 === 0 ? '\\|' : '|'))
    .replace(/~~/g, '\\~\\~')
    .replace(
      /(\\*)<(?=[\p{L}\p{M}_:])/gu,
      (_, slashes: string) => slashes + (slashes.length % 2 === 0 ? '\\<' : '<'),
    )
    .replace(/\]:/g, ']\\:')
    .replace(/(\\*)_/g, (match: string, slashes: string, offset: number, text: string) => {
      const opens = (character = '') => character === '_' || /[^\0-\x7f]/u.test(character)
      const beside = (slashes === '' && opens(text[offset - 1])) || opens(text[offset + match.length])
      return slashes + (slashes.length % 2 === 0 && beside ? '\\_' : '_')
    })
}

/** A seeded generator, so that a failure repeats. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
}

describe('toKramdown in one pass', () => {
  it('gives what the regex chain gave, on 50,000 random strings of the characters that matter', () => {
    const alphabet = [
      '\\',
      '\\',
      '&',
      '{',
      '|',
      '$',
      '~',
      '#',
      ';',
      'a',
      '1',
      '_',
      '_',
      ' ',
      '<',
      'é',
      ']',
      ':',
    ]
    const random = seeded(12345)
    for (let sample = 0; sample < 50_000; sample++) {
      const length = Math.floor(random() * 14)
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      if (toKramdown(text) !== regexChain(text))
        expect([text, toKramdown(text)]).toEqual([text, regexChain(text)])
    }
  })
})

describe('kramdownText', () => {
  it('gives what both escapers give, text left alone or not, in 4,000 random posts', () => {
    const alphabet = [
      ...'!"#$%&\'()*+-.:<=>[\\]_`{|}~',
      ' ',
      ' ',
      ' ',
      '\n',
      '\r',
      '\t',
      'a',
      'B',
      '1',
      '·',
      '👍',
      '\u007f',
    ]
    const random = seeded(2025)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const value = () => Array.from({ length: Math.floor(random() * 6) }, () => pick(alphabet)).join('')
    const phrasing = (): PhrasingContent[] =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, (): PhrasingContent => {
        const text: Text = { type: 'text', value: value() }
        return pick<() => PhrasingContent>([
          () => text,
          () => text,
          () => ({ type: 'link', url: 'https://example.org/a', children: [text] }),
          () => ({ type: 'strong', children: [text] }),
          () => ({ type: 'emphasis', children: [text] }),
        ])()
      })
    // The kinds of block a post holds (digest/), nested as a post nests them.
    const block = (): RootContent =>
      pick<() => RootContent>([
        () => ({ type: 'paragraph', children: phrasing() }),
        () => ({ type: 'heading', depth: 2, children: phrasing() }),
        () => ({
          type: 'list',
          ordered: random() < 0.5,
          children: [{ type: 'listItem', children: [{ type: 'paragraph', children: phrasing() }] }],
        }),
        () => ({ type: 'blockquote', children: [{ type: 'paragraph', children: phrasing() }] }),
        () => ({ type: 'html', value: '{: .prompt-tip }' }),
      ])()
    const serializer = (text: Handle) =>
      unified().use(remarkStringify, {
        ...STRINGIFY_OPTIONS,
        handlers: { ...STRINGIFY_OPTIONS.handlers, text },
      })
    const shortcut = serializer(kramdownText)
    // Counts the text nodes both escapers leave alone and those they change: the samples hold both.
    const seen = { alone: 0, changed: 0 }
    const always: Handle = (node: Text, parent, state, info) => {
      const escaped = toKramdown(defaultHandlers.text(node, parent, state, info))
      seen[escaped === node.value ? 'alone' : 'changed']++
      return escaped
    }
    const full = serializer(always)
    for (let sample = 0; sample < 4_000; sample++) {
      const root: Root = {
        type: 'root',
        children: Array.from({ length: 1 + Math.floor(random() * 3) }, block),
      }
      const expected = full.stringify(root)
      if (shortcut.stringify(root) !== expected)
        expect([root, shortcut.stringify(root)]).toEqual([root, expected])
    }
    expect(seen.alone).toBeGreaterThan(5_000)
    expect(seen.changed).toBeGreaterThan(5_000)
  })
})

describe('a link whose label starts with ^', () => {
  it('starts it with an entity: kramdown opens no link at `[^`, and keeps the backslash of `\\^`', () => {
    const post = unified()
      .use(remarkStringify, STRINGIFY_OPTIONS)
      .stringify({
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'link', url: 'https://example.org/a', children: [{ type: 'text', value: '^2: x^2' }] },
              { type: 'text', value: ' ^ kept' },
            ],
          },
        ],
      })
    expect(post).toBe('[&#94;2: x^2](https://example.org/a) ^ kept\n')
  })
})

describe('jekyllPostPath', () => {
  it('takes a dated post under a _posts folder, every character inert in a Liquid string', () => {
    const taken = [
      '_posts/2025-11-24-x.md',
      'blog/_posts/2025-11-24-x.md',
      '_posts/daily/2025-11-24-x.markdown',
      '_posts/2025-11-24-x.y.md',
      `${'a/'.repeat(10)}_posts/2025-11-24-x.md`,
    ]
    for (const path of taken) expect(jekyllPostPath(path)).toBe(path)
    const refused = [
      'posts/2025-11-24-x.md',
      '_posts/x.md',
      '_posts/../2025-11-24-x.md',
      '_posts/./2025-11-24-x.md',
      '_posts/2025-11-24-{{ site }}.md',
      '_posts/2025-11-24-"x".md',
      '_posts//2025-11-24-x.md',
      '2025-11-24-x.md',
      // Deeper than any blog's posts: 13 segments.
      `${'a/'.repeat(11)}_posts/2025-11-24-x.md`,
    ]
    for (const path of refused) expect([path, jekyllPostPath(path)]).toEqual([path, undefined])
  })
})
