import type { LanguageTag } from '../../core/languages.js'
import { de } from './de.js'
import { en } from './en.js'
import { es } from './es.js'
import { fr } from './fr.js'
import { ja } from './ja.js'
import { ko } from './ko.js'
import type { Locale } from './locale.js'
import { ptBR } from './pt-BR.js'
import { ru } from './ru.js'
import { vi } from './vi.js'
import { zhCN } from './zh-CN.js'
import { zhTW } from './zh-TW.js'

export type { DigestWords, Locale, PeriodWords } from './locale.js'

export const LOCALES: Record<LanguageTag, Locale> = {
  en,
  ko,
  ja,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  ru,
  vi,
}
