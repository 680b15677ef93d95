import { META_LINE_FIELDS, type Field, type Style } from '../core/fields.js'

/**
 * What an empty `title`, `filename`, `categories`, `tags` and `max-papers` mean, one table per kind
 * of digest. The file names make every post's URL its own on Jekyll's themes: Jekyll's `:title` is
 * the file name after its date, so Chirpy's `/posts/:title/` and Minimal Mistakes'
 * `/:categories/:title/` need the day (or week, or month) in it; categories have no space, which
 * stock Jekyll would put into the URL.
 */
export const DIGEST_DEFAULTS = {
  daily: {
    title: 'Hugging Face Daily Papers - {date}',
    filename: '{date}-daily-papers-{date}.md',
    categories: ['Daily-Papers'],
    tags: ['huggingface', 'papers', 'daily', 'ai'],
    maxPapers: undefined,
  },
  weekly: {
    title: 'Hugging Face Weekly Papers - {week}',
    filename: '{date}-weekly-papers-{week}.md',
    categories: ['Weekly-Papers'],
    tags: ['huggingface', 'papers', 'weekly', 'ai'],
    maxPapers: 20,
  },
  monthly: {
    title: 'Hugging Face Monthly Papers - {month}',
    filename: '{date}-monthly-papers-{month}.md',
    categories: ['Monthly-Papers'],
    tags: ['huggingface', 'papers', 'monthly', 'ai'],
    maxPapers: 20,
  },
} as const

export type Digest = keyof typeof DIGEST_DEFAULTS

/**
 * What an empty `fields`, `description` and `image` mean, by `style`. A digest's fields give the meta line
 * under each paper's heading (👍 · organisation · Hugging Face · arXiv · PDF · GitHub ⭐ · project page · 💬),
 * then the summary and the folded abstract; classic keeps the original blog's lines and front matter.
 */
export const STYLE_DEFAULTS = {
  digest: {
    fields: [...META_LINE_FIELDS, 'ai-summary', 'abstract'],
    description: true,
    image: true,
  },
  classic: {
    fields: ['organization', 'hf-link', 'arxiv-link', 'abstract'],
    description: false,
    image: false,
  },
} as const satisfies Record<Style, { fields: readonly Field[]; description: boolean; image: boolean }>
export const DIGESTS = Object.keys(DIGEST_DEFAULTS) as Digest[]
