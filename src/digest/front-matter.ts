import { Document, Scalar, YAMLSeq, type ScalarTag } from 'yaml'
import { cleanText } from './text.js'

export interface FrontMatter {
  title: string
  date: string
  categories: string[]
  tags: string[]
  author?: string
  permalink?: string
  /** Jekyll's layout, for a site whose `_config.yml` gives posts none. */
  layout?: string
  description?: string
  /** Chirpy's and jekyll-seo-tag's `image`: a checked https URL and its text. */
  image?: { path: string; alt: string }
}

/** The one value written for YAML to read as a time rather than a string: Jekyll's post date. */
const POST_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/

/**
 * The YAML block in the reference post's style: plain scalars where YAML allows them, lists as
 * `['a', 'b']`. Jekyll 4 reads it with Ruby's Psych and GitHub Pages' Jekyll 3.10 with safe_yaml, so a
 * string either would read as something else (`on`, `1:30`, `:name`, `1,000`, `12,`) is quoted; values
 * are cleaned as the body's text (a U+2029 ends Psych's line).
 */
export function frontMatter(values: FrontMatter): string {
  const { title, date, categories, tags, author, permalink, layout, description, image } = values
  if (!POST_DATE.test(date)) {
    throw new Error(`The post date "${date}" is not in the form 2025-12-24 09:15:00 +0900`)
  }
  return [
    '---\n',
    yaml({ ...(layout ? { layout: cleanText(layout) } : {}), title: cleanText(title) }),
    `date: ${date}\n`,
    yaml({
      categories: quotedFlowList(categories),
      tags: quotedFlowList(tags),
      ...ifAny('author', author),
      ...ifAny('permalink', permalink),
      ...ifAny('description', description),
      ...(image ? { image: { path: cleanText(image.path), ...ifAny('alt', image.alt) } } : {}),
    }),
    '---\n',
  ].join('')
}

/** `{ key: value }` with the value cleaned, or nothing when that leaves it empty. */
function ifAny(key: string, value: string | undefined): Record<string, string> {
  const cleaned = cleanText(value ?? '')
  return cleaned === '' ? {} : { [key]: cleaned }
}

function yaml(values: Record<string, unknown>): string {
  const document = new Document(values, { version: '1.1', compat: NON_STRING_SCALARS })
  return document.toString({ lineWidth: 0, flowCollectionPadding: false })
}

function quotedFlowList(items: string[]): YAMLSeq<Scalar<string>> {
  const list = new YAMLSeq<Scalar<string>>()
  list.flow = true
  for (const item of items.map(cleanText).filter((item) => item !== '')) {
    list.items.push(Object.assign(new Scalar(item), { type: Scalar.QUOTE_SINGLE }))
  }
  return list
}

/**
 * The plain scalars Ruby's Psych (Jekyll 4) reads as no string: `Psych::ScalarScanner#tokenize`'s
 * patterns, wider than YAML 1.1's; then those safe_yaml 1.0.5 (GitHub Pages' Jekyll 3.10) reads as a
 * number too: its `Transform::ToInteger` drops every `_` and `,` first (`_1` is 1, `1,:30` is 90), its
 * base 60 takes any number of parts, and its `Float()` fails the whole front matter on `1._`. As `compat`
 * tags they only make the yaml package quote a match; a string quoted more than needed stays the string.
 */
const NON_STRINGS: Record<string, RegExp> = {
  'null or boolean': /^(?:~|null|yes|true|on|no|false|off)$/i,
  time: /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/,
  date: /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/,
  'infinity or not a number': /^[-+]?\.(?:inf|nan)$/i,
  symbol: /^:./,
  'base 60': /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}(?:\.[0-9_]*)?$/,
  float: /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/,
  integer:
    /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/,
  'safe_yaml number': /^[-+_,]*(?:\d[\d_,]*(?:\.[\d_]*)?|\.[\d_]+)(?:[eE][-+]?\d+)?$/,
  'safe_yaml hexadecimal or binary': /^[-+_,]*0[_,]*[xXbB][0-9a-fA-F_,]+$/,
  // A float as it is; an integer once every `_` and `,` is gone.
  'safe_yaml base 60':
    /^(?:[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?|[_,]*[-+]?[_,]*\d[\d_,]*(?::[_,]*(?:[0-5][_,]*)?\d[_,]*)+)$/,
}

const NON_STRING_SCALARS: ScalarTag[] = Object.entries(NON_STRINGS).map(([name, test]) => ({
  tag: `tag:jekyll.front-matter,2026:${name.replaceAll(' ', '-')}`,
  default: true,
  test,
  resolve: (value: string) => value,
}))
