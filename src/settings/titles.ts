import type { Language } from '../core/fields.js'
import { DIGEST_DEFAULTS, type Digest } from './digest-defaults.js'

/**
 * What an empty `title` means in each language: "Hugging Face Daily Papers" names Hugging Face's page in
 * English and Korean posts (the reference blog's title); the other languages say "the day's papers on
 * Hugging Face" in their own words.
 */
const TITLES: Partial<Record<Language, Record<Digest, string>>> = {
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

export const defaultTitle = (digest: Digest, language: Language): string =>
  TITLES[language]?.[digest] ?? DIGEST_DEFAULTS[digest].title
