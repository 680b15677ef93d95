import { META_LINE_FIELDS, type Field, type Language, type Style } from '../core/fields.js'
import { placeholders } from '../core/template.js'

/**
 * Jekyll's `:title` is the file name after its date, so Chirpy's `/posts/:title/` and Minimal Mistakes'
 * `/:categories/:title/` need the day (or week, or month) in it; categories have no space, which stock
 * Jekyll would put into the URL.
 */
export const DIGEST_DEFAULTS = {
  daily: {
    title: 'Hugging Face Daily Papers - {date}',
    filename: '{date}-daily-papers-{date}.md',
    commitMessage: 'Add Hugging Face Daily Papers for {date}',
    categories: ['Daily-Papers'],
    tags: ['huggingface', 'papers', 'daily', 'ai'],
    maxPapers: undefined,
  },
  weekly: {
    title: 'Hugging Face Weekly Papers - {week}',
    filename: '{date}-weekly-papers-{week}.md',
    commitMessage: 'Add Hugging Face Weekly Papers for {week}',
    categories: ['Weekly-Papers'],
    tags: ['huggingface', 'papers', 'weekly', 'ai'],
    maxPapers: 20,
  },
  monthly: {
    title: 'Hugging Face Monthly Papers - {month}',
    filename: '{date}-monthly-papers-{month}.md',
    commitMessage: 'Add Hugging Face Monthly Papers for {month}',
    categories: ['Monthly-Papers'],
    tags: ['huggingface', 'papers', 'monthly', 'ai'],
    maxPapers: 20,
  },
} as const

export type Digest = keyof typeof DIGEST_DEFAULTS

/** English and Korean keep the reference blog's "Hugging Face Daily Papers", the page's name. */
export const TITLES: Partial<Record<Language, Record<Digest, string>>> = {
  ja: {
    daily: 'Hugging Face 日刊論文まとめ - {date}',
    weekly: 'Hugging Face 週刊論文まとめ - {week}',
    monthly: 'Hugging Face 月刊論文まとめ - {month}',
  },
  'zh-CN': {
    daily: 'Hugging Face 每日论文 - {date}',
    weekly: 'Hugging Face 每周论文 - {week}',
    monthly: 'Hugging Face 每月论文 - {month}',
  },
  'zh-TW': {
    daily: 'Hugging Face 每日論文 - {date}',
    weekly: 'Hugging Face 每週論文 - {week}',
    monthly: 'Hugging Face 每月論文 - {month}',
  },
  es: {
    daily: 'Artículos del día en Hugging Face - {date}',
    weekly: 'Artículos de la semana en Hugging Face - {week}',
    monthly: 'Artículos del mes en Hugging Face - {month}',
  },
  fr: {
    daily: 'Articles du jour sur Hugging Face - {date}',
    weekly: 'Articles de la semaine sur Hugging Face - {week}',
    monthly: 'Articles du mois sur Hugging Face - {month}',
  },
  de: {
    daily: 'Artikel des Tages auf Hugging Face - {date}',
    weekly: 'Artikel der Woche auf Hugging Face - {week}',
    monthly: 'Artikel des Monats auf Hugging Face - {month}',
  },
  'pt-BR': {
    daily: 'Artigos do dia no Hugging Face - {date}',
    weekly: 'Artigos da semana no Hugging Face - {week}',
    monthly: 'Artigos do mês no Hugging Face - {month}',
  },
  ru: {
    daily: 'Статьи дня на Hugging Face - {date}',
    weekly: 'Статьи недели на Hugging Face - {week}',
    monthly: 'Статьи месяца на Hugging Face - {month}',
  },
  vi: {
    daily: 'Bài báo trong ngày trên Hugging Face - {date}',
    weekly: 'Bài báo trong tuần trên Hugging Face - {week}',
    monthly: 'Bài báo trong tháng trên Hugging Face - {month}',
  },
}

/** Classic keeps the original blog's lines and front matter. */
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

/** What gives each post of a digest its own file name: the day, the week or the month. */
export const OWN_NAME = {
  daily: { keys: ['date', 'from', 'to'], unit: 'day', key: '{date}' },
  weekly: { keys: ['week'], unit: 'week', key: '{week}' },
  monthly: { keys: ['month'], unit: 'month', key: '{month}' },
} as const satisfies Record<Digest, { keys: readonly string[]; unit: string; key: string }>

/** Whether a template names its post's own day (week, month) by a placeholder. */
export const namesOwnUnit = (template: string, digest: Digest) =>
  placeholders(template).some((name) => (OWN_NAME[digest].keys as readonly string[]).includes(name))
