export type Script = 'latin' | 'hangul' | 'japanese' | 'han-simplified' | 'han-traditional' | 'cyrillic'

export interface LanguageFacts {
  /** The language as a prompt names it: in English, with the variant spelled out. */
  promptName: string
  script: Script
}

/** BCP 47 tags, as Chirpy's `lang` names them; a model's answer is checked by the script. */
export const LANGUAGE_FACTS = {
  en: { promptName: 'English', script: 'latin' },
  ko: { promptName: 'Korean (한국어)', script: 'hangul' },
  ja: { promptName: 'Japanese (日本語)', script: 'japanese' },
  'zh-CN': {
    promptName: 'Simplified Chinese as written in mainland China (简体中文)',
    script: 'han-simplified',
  },
  'zh-TW': { promptName: 'Traditional Chinese as written in Taiwan (繁體中文)', script: 'han-traditional' },
  es: { promptName: 'Spanish (español)', script: 'latin' },
  fr: { promptName: 'French (français)', script: 'latin' },
  de: { promptName: 'German (Deutsch)', script: 'latin' },
  'pt-BR': { promptName: 'Brazilian Portuguese (português do Brasil)', script: 'latin' },
  ru: { promptName: 'Russian (русский)', script: 'cyrillic' },
  vi: { promptName: 'Vietnamese (tiếng Việt)', script: 'latin' },
} satisfies Record<string, LanguageFacts>
export type LanguageTag = keyof typeof LANGUAGE_FACTS
export const LANGUAGE_TAGS = Object.keys(LANGUAGE_FACTS) as readonly LanguageTag[]
