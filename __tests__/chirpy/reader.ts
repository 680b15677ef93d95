/**
 * What a reader of a built Chirpy page gets, read with parse5: the meta tags a link preview shows, the
 * post's own headings, folds and links, and the home page's cards.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

export const textOf = (node: Node): string =>
  node.nodeName === '#text'
    ? (node as DefaultTreeAdapterMap['textNode']).value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : ''

export const elements = (node: Node): Element[] => [
  ...('tagName' in node ? [node] : []),
  ...('childNodes' in node ? node.childNodes.flatMap(elements) : []),
]

export const attribute = (element: Element, name: string) =>
  element.attrs.find((attr) => attr.name === name)?.value

const hasClass = (element: Element, name: string) =>
  (attribute(element, 'class') ?? '').split(/\s+/).includes(name)

/** A post page as a reader gets it. */
export interface PostView {
  /** `<meta name="description">` */
  description?: string
  /** `<meta property="og:image">` */
  image?: string
  /** The theme's title, `<h1 data-toc-skip>`. */
  title?: string
  /** `<h1>` inside the post's text. */
  bodyH1s: number
  /** The headings of the text whose first link is a paper's Hugging Face page: [link text, href]. */
  paperHeadings: Array<[string, string]>
  folds: number
  /** The text outside the folds. */
  unfolded: string
}

export function viewPost(html: string): PostView {
  const page = parse(html)
  const all = elements(page)
  const meta = (key: string, value: string) => {
    const found = all.find((element) => element.tagName === 'meta' && attribute(element, key) === value)
    return found && attribute(found, 'content')
  }
  const title = all.find(
    (element) => element.tagName === 'h1' && attribute(element, 'data-toc-skip') !== undefined,
  )
  const content = all.find((element) => element.tagName === 'div' && hasClass(element, 'content'))
  const body = content ? elements(content) : []
  const paperHeadings = body
    .filter((element) => /^h[2-4]$/.test(element.tagName))
    .flatMap((heading): Array<[string, string]> => {
      const link = elements(heading).find((element) => element.tagName === 'a')
      const href = link && attribute(link, 'href')
      return link && href?.startsWith('https://huggingface.co/papers/') ? [[textOf(link).trim(), href]] : []
    })
  const folds = body.filter((element) => element.tagName === 'details')
  return {
    description: meta('name', 'description'),
    image: meta('property', 'og:image'),
    title: title && textOf(title).trim(),
    bodyH1s: body.filter((element) => element.tagName === 'h1').length,
    paperHeadings,
    folds: folds.length,
    unfolded: content ? textOutside(content, 'details') : '',
  }
}

function textOutside(node: Node, tagName: string): string {
  if ('tagName' in node && node.tagName === tagName) return ''
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value
  return 'childNodes' in node ? node.childNodes.map((child) => textOutside(child, tagName)).join('') : ''
}

/** The home page's cards: each post's link and the image it shows. */
export function homeCards(html: string): Array<{ href?: string; image?: string }> {
  return elements(parse(html))
    .filter((element) => element.tagName === 'article' && hasClass(element, 'card-wrapper'))
    .map((card) => {
      const inside = elements(card)
      const link = inside.find((element) => element.tagName === 'a')
      const image = inside.find((element) => element.tagName === 'img')
      return { href: link && attribute(link, 'href'), image: image && attribute(image, 'src') }
    })
}
