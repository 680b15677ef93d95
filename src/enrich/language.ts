import { LANGUAGE_FACTS, type LanguageFacts, type LanguageTag, type Script } from '../core/languages.js'
import type { Summary } from './plain-text.js'

/** What the model layer knows of a post's language; an unknown tag is treated as English. */
export function languageFacts(language: string): LanguageFacts {
  return LANGUAGE_FACTS[language as LanguageTag] ?? LANGUAGE_FACTS.en
}

/** As much as English's 450 characters: a CJK word takes one or two, a Hangul one two or three. */
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

/** Names of methods, models and datasets stay in Latin letters, so a Korean summary is never all Hangul. */
const OWN_SCRIPT_SHARE = 0.2
/** A Japanese text has kana among its Han characters; a Chinese one almost none. */
const KANA_SHARE = 0.08
/** Latin-script languages: at most this share of letters in another script. */
const FOREIGN_SHARE = 0.2

/** Characters common in research summaries that Simplified and Traditional Chinese write differently. */
const SIMPLIFIED = /[这个们说为来时会学实验与对发现进过还数据关体么认语应该问题类种强标检测图络网统计训练]/g
const TRADITIONAL = /[這個們說為來時會學實驗與對發現進過還數據關體麼認語應該問題類種強標檢測圖絡網統計訓練]/g

/** A summary of three sentences uses several of its language's own, and more of them than of English's. */
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
 * By its letters. `running` text (sentences) needs a share of its script and, in a Latin-script language,
 * not to read as English; a translated title may keep most of its names: a letter of the script is enough.
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

/** A title in the post's language, or the paper's own: a name the model kept as written, as it is asked to. */
export function titleFits(title: string, original: string, language: string): boolean {
  const plain = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
  return writtenIn(title, language, false) || plain(title) === plain(original)
}

export function summaryWrittenIn({ summary, title }: Summary, language: string, original: string): boolean {
  return writtenIn(summary, language, true) && (title === undefined || titleFits(title, original, language))
}
