import { LANGUAGE_TAGS, type LanguageTag } from '../core/languages.js'
import { quote, text } from './schema.js'

/** Tags that name a script rather than a country, for the two Chinese locales. */
const CHINESE_SCRIPTS: Readonly<Record<string, LanguageTag>> = { 'zh-hans': 'zh-CN', 'zh-hant': 'zh-TW' }

/**
 * The `language` input: one of the eleven tags, in any letter case and with `_` or `-` (`zh_cn`); a
 * language with one locale also by its regional tag, as Chirpy's `lang` and its locale files name it
 * (`ja-JP`, `ko-KR`, `fr-FR`); Chinese by script too (`zh-Hant`). A bare `zh` or `pt`, or a region we
 * write no variant for, is refused with the choices: Simplified and Traditional Chinese, or Brazilian and
 * European Portuguese, differ in words a reader notices.
 */
export const languageInput = () =>
  text((value, reject): LanguageTag => {
    const wanted = value.trim().replace(/_/g, '-').toLowerCase()
    const exact = LANGUAGE_TAGS.find((tag) => tag.toLowerCase() === wanted)
    if (exact) return exact
    const chinese = CHINESE_SCRIPTS[wanted]
    if (chinese) return chinese
    const [base = ''] = wanted.split('-')
    if (base === 'zh') {
      return reject(
        `${quote(value)} does not say which Chinese: use zh-CN (Simplified, as written in mainland China) or zh-TW (Traditional, as written in Taiwan)`,
      )
    }
    if (base === 'pt') {
      return reject(`${quote(value)} is not accepted: posts are written in Brazilian Portuguese; use pt-BR`)
    }
    const regional = LANGUAGE_TAGS.find((tag) => tag === base)
    if (regional && /^[a-z]{2}-[a-z]{2}$/.test(wanted)) return regional
    return reject(`${quote(value)} is not accepted; use one of: ${LANGUAGE_TAGS.join(', ')}`)
  })
