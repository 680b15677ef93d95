import { describe, expect, it } from '@jest/globals'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { join, resolve } from 'node:path'
import { LANGUAGE_TAGS, type LanguageTag } from '../src/core/languages.js'
import { expectGolden, UPDATE_GOLDEN } from './support/golden.js'
import { renderPost, selectPapers } from '../src/digest/index.js'
import { LOCALES } from '../src/digest/locales/index.js'
import type { EnrichedPaper } from '../src/enrich/index.js'
import {
  CHIRPY_LANG,
  LOCALE_POSTS,
  localePost,
  scrubbedPapers,
  type LocalePost,
} from './support/locale-posts.js'

/**
 * Every locale's posts: golden files (`UPDATE=1` rewrites them; read each), no English word of the
 * post's own wording in another language, and numbers written as the locale writes them.
 */
const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/locales')
const KINDS = Object.keys(LOCALE_POSTS) as LocalePost[]
const FOREIGN = LANGUAGE_TAGS.filter((tag) => tag !== 'en')

describe.each(LANGUAGE_TAGS)('the %s posts', (language) => {
  it.each(KINDS)('%s matches its golden post', async (kind) => {
    const folder = join(FIXTURES, language)
    if (UPDATE_GOLDEN) mkdirSync(folder, { recursive: true })
    expectGolden(join(folder, `${kind}.md`), (await localePost(language, kind)).content)
  })
})

/** Every file under fixtures/locales is one the test above writes: none is left from a removed case. */
it('keeps no golden post that no case checks', () => {
  expect(readdirSync(FIXTURES).sort()).toEqual([...LANGUAGE_TAGS].sort())
  for (const language of LANGUAGE_TAGS) {
    expect(readdirSync(join(FIXTURES, language)).sort()).toEqual(KINDS.map((kind) => `${kind}.md`).sort())
  }
})

/**
 * The post's own words: the front matter's title and description and the body, without the papers'
 * texts (tokens in a scrubbed post), the link targets, the action's own markup, and the names of the
 * services it links to.
 */
function ownWording(post: string): string {
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(post) ?? []
  const kept = frontMatter
    .split('\n')
    .filter((line) => /^(title|description):/.test(line))
    .map((line) => line.replace(/^\w+: /, ''))
  return [...kept, body]
    .join('\n')
    .replace(/§\w+/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\{%[^%]*%\}|\{:[^}]*\}|<\/?(details|summary)[^>]*>/g, ' ')
    .replace(/Hugging Face|\bHF\b|arXiv|GitHub|PDF|\bAI\b|\d{4}-W\d{2}/g, ' ')
}

/** The English words of the English posts' own wording, which no other post may use. */
async function englishWording(): Promise<Set<string>> {
  const words = new Set<string>()
  for (const kind of KINDS) {
    for (const word of ownWording((await localePost('en', kind, true)).content).match(/[\p{L}']{2,}/gu) ??
      []) {
      words.add(word.toLowerCase())
    }
  }
  return words
}

/** Words an English post uses that are words of another language too, spelled the same. */
const HOMOGRAPHS: Partial<Record<LanguageTag, string[]>> = {
  // Intl's abbreviation of November.
  es: ['nov', 'no', 'total'], // «No se recopiló…», «Votos en total»
  de: ['nov'],
  fr: ['nov', 'page', 'total'], // « Page du projet », « Votes au total »
  'pt-BR': ['nov', 'no', 'total'], // «no Hugging Face»: on Hugging Face; «Total de votos»
}

/**
 * The Korean reference blog's own English, which `ko` keeps: its title ("Hugging Face Daily Papers", the
 * default in en and ko), and in the classic layout its "Abstract" label and its weekly "Top 10".
 */
function referenceWords(language: LanguageTag, kind: LocalePost): string[] {
  if (language !== 'ko') return []
  const classic = 'style' in LOCALE_POSTS[kind] && LOCALE_POSTS[kind].style === 'classic'
  return ['daily', 'weekly', 'monthly', 'papers', ...(classic ? ['abstract', 'top'] : [])]
}

describe('a post in another language than English', () => {
  it.each(FOREIGN)('%s keeps no English word of the post’s own wording', async (language) => {
    const english = await englishWording()
    expect([...english]).toEqual(expect.arrayContaining(['papers', 'upvotes', 'keywords', 'collected']))
    for (const kind of KINDS) {
      const wording = ownWording((await localePost(language, kind, true)).content)
      const words = (wording.match(/[\p{L}']{2,}/gu) ?? []).map((word) => word.toLowerCase())
      const allowed = new Set([...(HOMOGRAPHS[language] ?? []), ...referenceWords(language, kind)])
      const left = words.filter((word) => english.has(word) && !allowed.has(word))
      expect({ kind, left }).toEqual({ kind, left: [] })
    }
  })

  it.each(['ko', 'ja', 'zh-CN', 'zh-TW', 'ru'] as const)(
    '%s, written in another script, keeps no Latin word at all but names',
    async (language) => {
      for (const kind of KINDS) {
        const words =
          ownWording((await localePost(language, kind, true)).content).match(/\p{Script=Latin}{2,}/gu) ?? []
        const allowed = new Set(referenceWords(language, kind))
        const left = words.filter((word) => !allowed.has(word.toLowerCase()))
        expect({ kind, left }).toEqual({ kind, left: [] })
      }
    },
  )
})

/**
 * What only a model's help shows: its TL;DR, its summary, Hugging Face's in its stead, a title in the post's
 * language beside the original; in both styles, from papers whose texts are tokens.
 */
function modelPost(language: LanguageTag, style: 'digest' | 'classic'): string {
  const papers = selectPapers(scrubbedPapers('2025-11-26'), { maxPapers: 3, minUpvotes: 0, keywords: [] })
  const [first, second] = papers
  const enriched = new Map<string, EnrichedPaper>([
    [first?.id ?? '', { origin: 'model', summary: '§summary', title: '§title' }],
    [second?.id ?? '', { origin: 'hf-ai-summary', summary: '§hf', reason: 'timeout' }],
  ])
  const common = {
    language,
    title: '§',
    date: '2025-11-26 09:00:00 +0000',
    categories: [],
    tags: [],
    fields: ['llm-summary', 'llm-title', 'authors'] as const,
    enriched,
    description: true,
  }
  return style === 'digest'
    ? renderPost(papers, { ...common, style, topPapers: 2, tldr: '§tldr' })
    : renderPost(papers, { ...common, style })
}

describe.each(FOREIGN)("the model's help in %s", (language) => {
  it.each(['digest', 'classic'] as const)('is labelled in the language in the %s style', async (style) => {
    const english = await englishWording()
    const post = modelPost(language, style)
    const cjk = ['ja', 'zh-CN', 'zh-TW'].includes(language)
    expect(post).toContain(cjk ? '（§title）' : ' (§title)')
    expect(post).toContain('§summary')
    if (style === 'digest') expect(post).toContain('§tldr')
    const words = (ownWording(post).match(/[\p{L}']{2,}/gu) ?? []).map((word) => word.toLowerCase())
    expect(words.filter((word) => english.has(word) && !HOMOGRAPHS[language]?.includes(word))).toEqual([])
    if (cjk || language === 'ru') expect(ownWording(post).match(/\p{Script=Latin}{2,}/gu)).toBeNull()
  })
})

it('agrees each word with its count by the language’s plural rules', () => {
  const { ru, fr, de, es, en } = LOCALES
  expect([1, 3, 5, 11, 21, 22].map((count) => ru.digest.periodCount(count, count))).toEqual([
    '1 статья за 1 день',
    '3 статьи за 3 дня',
    '5 статей за 5 дней',
    '11 статей за 11 дней',
    '21 статья за 21 день',
    '22 статьи за 22 дня',
  ])
  expect([1, 2].map((count) => fr.digest.periodCount(count, count))).toEqual([
    '1 article en 1 jour',
    '2 articles en 2 jours',
  ])
  expect(de.digest.upvotes(1, 1)).toBe('👍\u00a01 Stimme, 1 pro Artikel')
  expect([1, 4].map((count) => es.digest.topHeading(count))).toEqual([
    '🔥 El más votado',
    '🔥 Los 4 más votados',
  ])
  expect(en.collected(1, 1).after).toBe(' paper was collected.')
})

/**
 * How each locale writes 11,353 and 27.6: its group and decimal marks, given here by hand (Spanish groups
 * from five digits on; French and Russian group with no-break spaces, French a narrow one).
 */
const MARKS: Record<LanguageTag, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  ko: { group: ',', decimal: '.' },
  ja: { group: ',', decimal: '.' },
  'zh-CN': { group: ',', decimal: '.' },
  'zh-TW': { group: ',', decimal: '.' },
  es: { group: '.', decimal: ',' },
  fr: { group: '\u202f', decimal: ',' },
  de: { group: '.', decimal: ',' },
  'pt-BR': { group: '.', decimal: ',' },
  ru: { group: '\u00a0', decimal: ',' },
  vi: { group: '.', decimal: ',' },
}

describe('numbers', () => {
  it.each(LANGUAGE_TAGS)(
    '%s writes the month’s upvotes and their mean with its own marks',
    async (language) => {
      const post = (await localePost(language, 'monthly')).content
      const line = /^- 👍\u00a0(.+)$/m.exec(post)?.[1] ?? ''
      const [total = '', mean = ''] = line.match(/\d[\d.,\u00a0\u202f]*\d/g) ?? []
      const { group, decimal } = MARKS[language]
      expect(total).toMatch(new RegExp(`^\\d{1,3}([${group}]\\d{3})+$`))
      expect(mean).toMatch(new RegExp(`^\\d+[${decimal}]\\d$`))
    },
  )
})

/** Each language by its own name, for the README. */
const NAMES: Record<LanguageTag, string> = {
  en: 'English',
  ko: '한국어',
  ja: '日本語',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
  vi: 'Tiếng Việt',
}

/**
 * The README's table of languages, between its `<!-- languages:start -->` and `<!-- languages:end -->`
 * markers: each language's TL;DR of the golden day as the action writes it. `UPDATE=1` rewrites it,
 * formatted as `npm run docs` and prettier leave it.
 */
it('shows in the README one line of each language as the action writes it', async () => {
  const path = resolve(process.cwd(), 'README.md')
  const readme = readFileSync(path, 'utf8')
  const rows = await Promise.all(
    LANGUAGE_TAGS.map(async (language) => {
      const tldr = /^> (.+)$/m.exec((await localePost(language, 'daily')).content)?.[1] ?? ''
      return `| ${NAMES[language]} | \`${language}\` | \`${CHIRPY_LANG[language]}\` | ${tldr} |`
    }),
  )
  const table = [
    '| language | `language` | Chirpy `lang` | the TL;DR of a day (8 of its 33 papers kept) |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n')
  const pattern = /(<!-- languages:start[^>]*-->\n)[\s\S]*?(<!-- languages:end -->)/
  expect(readme).toMatch(pattern)
  const written = await prettier.format(readme.replace(pattern, `$1${table}\n$2`), {
    ...(await prettier.resolveConfig(path)),
    filepath: path,
  })
  if (UPDATE_GOLDEN) writeFileSync(path, written)
  else expect(readme).toBe(written)
})
