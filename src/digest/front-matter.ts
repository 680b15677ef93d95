import { Document, Scalar, YAMLSeq } from 'yaml'

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

/**
 * The YAML block of a post, in the reference post's style: plain scalars where YAML allows them,
 * lists as `['a', 'b']`. The yaml package quotes whatever would otherwise change meaning.
 */
export function frontMatter({ title, date, categories, tags, author, permalink }: FrontMatter): string {
  const document = new Document({
    title,
    date,
    categories: quotedFlowList(categories),
    tags: quotedFlowList(tags),
    ...(author ? { author } : {}),
    ...(permalink ? { permalink } : {}),
  })
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`
}

function quotedFlowList(items: string[]): YAMLSeq<Scalar<string>> {
  const list = new YAMLSeq<Scalar<string>>()
  list.flow = true
  for (const item of items) {
    const scalar = new Scalar(item)
    scalar.type = Scalar.QUOTE_SINGLE
    list.items.push(scalar)
  }
  return list
}
