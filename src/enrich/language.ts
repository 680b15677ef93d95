import { LANGUAGE_FACTS, type LanguageFacts, type LanguageTag, type Script } from '../core/languages.js'

/** What the model layer knows of a post's language; an unknown tag is treated as English. */
export function languageFacts(language: string): LanguageFacts {
  return LANGUAGE_FACTS[language as LanguageTag] ?? LANGUAGE_FACTS.en
}

/**
 * Per language, characters that say as much as English's 450 (about three sentences): CJK scripts
 * carry a word in one or two characters, Hangul in two or three, and Russian, Vietnamese and the
 * Romance and Germanic languages take a little more room than English.
 */
const SUMMARY_CHARACTERS: Record<Script, number> = {
  latin: 450,
  cyrillic: 450,
  hangul: 300,
  japanese: 220,
  'han-simplified': 180,
  'han-traditional': 180,
}
/** A TL;DR says two or three sentences on the whole day: a little more than one summary. */
const TLDR_SHARE = 1.2

export function summaryCharacters(language: string): number {
  return SUMMARY_CHARACTERS[languageFacts(language).script]
}

export function tldrCharacters(language: string): number {
  return Math.round(summaryCharacters(language) * TLDR_SHARE)
}

const LETTER = /\p{L}/u
const SCRIPT_LETTERS: Record<'latin' | 'hangul' | 'kana' | 'han' | 'cyrillic', RegExp> = {
  latin: /\p{Script=Latin}/u,
  hangul: /\p{Script=Hangul}/u,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  han: /\p{Script=Han}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
}

/**
 * The least share of a text's letters its language's own script must have. Names of methods, models and
 * datasets stay in Latin letters in any language, so a real Korean or Russian summary is never all
 * Hangul or Cyrillic; an English one has none at all.
 */
const OWN_SCRIPT_SHARE = 0.2
/** A Japanese text has kana among its Han characters; a Chinese one almost none. */
const KANA_SHARE = 0.08
/** Latin-script languages: at most this share of letters in another script. */
const FOREIGN_SHARE = 0.2

/**
 * Characters written differently in Simplified and Traditional Chinese that are common in summaries of
 * research (this, one, we, for, come, time, can, learn, real, test, with, to, send, now, enter, pass,
 * number, according to, about, body, tell, language, model-type words...).
 */
const SIMPLIFIED = '这个们说为来时会学实验与对发现进过还数据关体么认语应该问题类种强标检测图络网统计训练'
const TRADITIONAL = '這個們說為來時會學實驗與對發現進過還數據關體麼認語應該問題類種強標檢測圖絡網統計訓練'

/**
 * Common short words of each Latin-script language, to tell an English answer from the one asked for:
 * a summary of three sentences uses several of its language's own, and more of them than of English's.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  // None that another of these languages uses too (`a`, `as`, `in`).
  en: [
    ...['the', 'and', 'of', 'is', 'that', 'with', 'this', 'for', 'are', 'to', 'which', 'it', 'its', 'by'],
    ...['from', 'using', 'while', 'without', 'their', 'into', 'through', 'on', 'than', 'such'],
  ],
  es: ['el', 'la', 'los', 'las', 'de', 'del', 'que', 'en', 'una', 'con', 'para', 'por', 'se', 'y'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'est', 'une', 'que', 'dans', 'pour', 'sur', 'qui'],
  de: ['der', 'die', 'das', 'und', 'ist', 'ein', 'eine', 'mit', 'für', 'von', 'den', 'zu', 'auf'],
  'pt-BR': ['o', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'que', 'em', 'um', 'uma', 'para', 'com', 'não'],
  vi: ['của', 'và', 'các', 'là', 'được', 'trong', 'này', 'một', 'cho', 'với', 'những', 'để', 'bài'],
}

/** Letters of `text` in each script, and how many letters in all. */
function countLetters(text: string) {
  const counts = { letters: 0, latin: 0, hangul: 0, kana: 0, han: 0, cyrillic: 0 }
  for (const character of text) {
    if (!LETTER.test(character)) continue
    counts.letters++
    for (const [script, pattern] of Object.entries(SCRIPT_LETTERS)) {
      if (pattern.test(character)) counts[script as keyof typeof SCRIPT_LETTERS]++
    }
  }
  return counts
}

function countOf(text: string, characters: string): number {
  let count = 0
  for (const character of text) if (characters.includes(character)) count++
  return count
}

function wordsOf(text: string, language: string): number {
  const words = new Set(FUNCTION_WORDS[language] ?? [])
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => words.has(word)).length
}

/**
 * Whether a model's text is written in `language`, by its letters. `running`: the text is sentences (a
 * summary, a TL;DR): the language's script holds enough of its letters (kana for Japanese, the
 * variant's own characters for Chinese), and a Latin-script language's text does not read as English
 * when English was not asked for. Otherwise (a translated title, which may keep most of its names) a
 * letter of the script is enough. Text without letters passes: there is nothing to tell by.
 */
export function writtenIn(text: string, language: string, running: boolean): boolean {
  const counts = countLetters(text)
  if (counts.letters === 0) return true
  const least = running ? counts.letters * OWN_SCRIPT_SHARE : 1
  const script = languageFacts(language).script
  switch (script) {
    case 'hangul':
      return counts.hangul >= least
    case 'cyrillic':
      return counts.cyrillic >= least
    case 'japanese':
      return counts.kana + counts.han >= least && (!running || counts.kana >= counts.letters * KANA_SHARE)
    case 'han-simplified':
    case 'han-traditional': {
      const simplified = script === 'han-simplified'
      const own = countOf(text, simplified ? SIMPLIFIED : TRADITIONAL)
      const other = countOf(text, simplified ? TRADITIONAL : SIMPLIFIED)
      return counts.han >= least && counts.kana < counts.letters * KANA_SHARE && other <= own
    }
    case 'latin': {
      if (counts.letters - counts.latin > counts.letters * FOREIGN_SHARE) return false
      if (!running || language === 'en') return true
      return wordsOf(text, language) > wordsOf(text, 'en')
    }
  }
}
