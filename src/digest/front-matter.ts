import { Document, Scalar, YAMLSeq } from 'yaml'
import { PSYCH_SCALARS } from './psych.js'
import { cleanText } from './text.js'

export interface FrontMatter {
  /** Also the H1, e.g. `Hugging Face Daily Papers - 2025-12-24`. */
  title: string
  /** Already formatted: `2025-12-24 09:15:00 +0900`. */
  date: string
  categories: string[]
  tags: string[]
  author?: string
  permalink?: string
}

/** The one value written for YAML to read as a time rather than a string: Jekyll's post date. */
const POST_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/

/**
 * The YAML block of a post, in the reference post's style: plain scalars where YAML allows them,
 * lists as `['a', 'b']`. Jekyll reads it with Ruby's Psych (YAML 1.1, plus rules of its own), so every
 * string is written the way YAML 1.1 and Psych both read back as that same string: `on`, `no`, `1:30`,
 * `0b101`, `:name` or `1,000` are quoted. Values are cleaned as the body's text is (one line, nothing
 * invisible): a U+2029 would end the line for Psych.
 */
export function frontMatter({ title, date, categories, tags, author, permalink }: FrontMatter): string {
  if (!POST_DATE.test(date)) {
    throw new Error(`The post date "${date}" is not in the form 2025-12-24 09:15:00 +0900`)
  }
  const cleanAuthor = author && cleanText(author)
  const cleanPermalink = permalink && cleanText(permalink)
  return [
    '---\n',
    yaml({ title: cleanText(title) }),
    `date: ${date}\n`,
    yaml({
      categories: quotedFlowList(categories),
      tags: quotedFlowList(tags),
      ...(cleanAuthor ? { author: cleanAuthor } : {}),
      ...(cleanPermalink ? { permalink: cleanPermalink } : {}),
    }),
    '---\n',
  ].join('')
}

function yaml(values: Record<string, unknown>): string {
  const document = new Document(values, { version: '1.1', compat: PSYCH_SCALARS })
  return document.toString({ lineWidth: 0, flowCollectionPadding: false })
}

function quotedFlowList(items: string[]): YAMLSeq<Scalar<string>> {
  const list = new YAMLSeq<Scalar<string>>()
  list.flow = true
  for (const item of items.map(cleanText).filter((item) => item !== '')) {
    const scalar = new Scalar(item)
    scalar.type = Scalar.QUOTE_SINGLE
    list.items.push(scalar)
  }
  return list
}
