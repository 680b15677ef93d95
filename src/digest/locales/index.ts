import type { Language } from '../../core/fields.js'
import { en } from './en.js'
import { ko } from './ko.js'
import type { Locale } from './locale.js'

export type { DigestWords, Locale, PeriodWords } from './locale.js'

export const LOCALES: Record<Language, Locale> = { en, ko }
