import { LANGUAGE_FACTS, type LanguageFacts, type LanguageTag, type Script } from '../core/languages.js'
import type { Summary } from './plain-text.js'

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

/** Letters in each script (not its digits or symbols, such as Hangul's circled letters). */
const LETTERS = {
  all: /\p{L}/gv,
  latin: /[\p{L}&&\p{Script=Latin}]/gv,
  hangul: /[\p{L}&&\p{Script=Hangul}]/gv,
  kana: /[\p{L}&&[\p{Script=Hiragana}\p{Script=Katakana}]]/gv,
  han: /[\p{L}&&\p{Script=Han}]/gv,
  cyrillic: /[\p{L}&&\p{Script=Cyrillic}]/gv,
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
const SIMPLIFIED = /[这个们说为来时会学实验与对发现进过还数据关体么认语应该问题类种强标检测图络网统计训练]/g
const TRADITIONAL = /[這個們說為來時會學實驗與對發現進過還數據關體麼認語應該問題類種強標檢測圖絡網統計訓練]/g

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

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

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
  const letters = count(text, LETTERS.all)
  if (letters === 0) return true
  const least = running ? letters * OWN_SCRIPT_SHARE : 1
  const script = languageFacts(language).script
  const kana = () => count(text, LETTERS.kana)
  switch (script) {
    case 'hangul':
      return count(text, LETTERS.hangul) >= least
    case 'cyrillic':
      return count(text, LETTERS.cyrillic) >= least
    case 'japanese':
      return kana() + count(text, LETTERS.han) >= least && (!running || kana() >= letters * KANA_SHARE)
    case 'han-simplified':
    case 'han-traditional': {
      const [own, other] = script === 'han-simplified' ? [SIMPLIFIED, TRADITIONAL] : [TRADITIONAL, SIMPLIFIED]
      return (
        count(text, LETTERS.han) >= least &&
        kana() < letters * KANA_SHARE &&
        count(text, other) <= count(text, own)
      )
    }
    case 'latin': {
      if (letters - count(text, LETTERS.latin) > letters * FOREIGN_SHARE) return false
      if (!running || language === 'en') return true
      return wordsOf(text, language) > wordsOf(text, 'en')
    }
  }
}

/** Whether a summary, and its title if any, is written in `language` (a title may keep most of its names). */
export function summaryWrittenIn({ summary, title }: Summary, language: string): boolean {
  return writtenIn(summary, language, true) && (title === undefined || writtenIn(title, language, false))
}
