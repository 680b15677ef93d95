/**
 * The job summary as GitHub shows it: the file read as GitHub Flavored Markdown, where HTML passes
 * through as written until a blank line ends its block (micromark, CommonMark's reference behaviour).
 */
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { parseFragment } from 'parse5'
import { elements, textOf } from '../jekyll/site.js'

export interface ShownSummary {
  /** Every link's destination and every image's source, in order. */
  links: string[]
  images: string[]
  /** What a reader sees, tags left out. */
  text: string
}

export function showJobSummary(markdown: string): ShownSummary {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  })
  const fragment = parseFragment(html)
  const attribute = (tag: string, name: string) =>
    elements(fragment)
      .filter((element) => element.tagName === tag)
      .map((element) => element.attrs.find((attr) => attr.name === name)?.value ?? '')
  return { links: attribute('a', 'href'), images: attribute('img', 'src'), text: textOf(fragment) }
}
