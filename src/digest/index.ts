import type { Language } from '../core/fields.js'
import { LOCALES } from './locales/index.js'

export { renderPost, type PostOptions, type StyleOptions } from './render.js'
export { describeFilters, selectPapers } from './select.js'
export { cleanText } from './text.js'
export { jekyllPostPath } from './kramdown.js'
export type { ListedOn } from './period.js'

/** Sets up the language's number, date and plural formats ahead of the first post (ICU's ~20 ms). */
export const prepareLanguage = (language: Language) => LOCALES[language].prepare()
