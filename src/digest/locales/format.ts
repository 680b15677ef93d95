import type { LanguageTag } from '../../core/languages.js'

/**
 * The punctuation a script puts between the pieces the digest assembles. Latin text spaces them
 * (`Authors: A, B. Topics: x`); Chinese and Japanese use full-width marks with no space around them
 * (`著者：A、B。`); French puts a narrow no-break space before a colon (`Auteurs : A`). `stop` holds the
 * space before the next sentence, `dash` goes after the TL;DR's label, `range` between a period's days.
 */
export const LATIN = {
  colon: ': ',
  comma: ', ',
  space: ' ',
  stop: '. ',
  open: ' (',
  close: ')',
  dash: ' — ',
  range: ' – ',
}
export type Punctuation = typeof LATIN

/** French typography: a narrow no-break space (U+202F) before `:`, `;`, `!` and `?`. */
export const FRENCH: Punctuation = { ...LATIN, colon: '\u202f: ' }

/** Chinese and Japanese; a range is written with the locale's own sign. */
export const cjk = (range: string): Punctuation => ({
  colon: '：',
  comma: '、',
  space: '',
  stop: '。',
  open: '（',
  close: '）',
  dash: '：',
  range,
})

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/** A word's forms by Intl's plural category; `other` stands in for any category not given. */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/** What a locale shares with the others (`basis`, spread into it), and its number and plural rules. */
export function localeBasis(tag: LanguageTag, punctuation: Punctuation, month: 'short' | 'long' = 'short') {
  // Built on first use: a run writes one language, and eleven locales' formatters cost ~25 ms at start-up.
  const numbers = once(() => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }))
  const decimals = once(
    () => new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  )
  const days = once(() => new Intl.DateTimeFormat(tag, { month, day: 'numeric', timeZone: 'UTC' }))
  const rules = once(() => new Intl.PluralRules(tag))
  /** `1,234`, `1 234`, `1.234`. */
  const number = (value: number) => numbers().format(value)
  const basis = {
    punctuation,
    // The services' own names, which most languages keep.
    huggingFaceLink: 'Hugging Face',
    arxivLink: 'arXiv',
    pdfLink: 'PDF',
    githubLink: 'GitHub',
    number,
    /** One decimal always: `12.0`, `12,0`. */
    decimal: (value: number) => decimals().format(value),
    /** A day (`2025-11-26`), short: `Nov 26`, `11月26日`, `26 nov.` (Korean's is long: `11월 26일`). */
    day: (day: string) => days().format(new Date(`${day}T00:00:00Z`)),
    /** Builds the formatters now, not at their first use: ICU's set-up for a language takes ~20 ms. */
    prepare: () => void [numbers, decimals, days, rules].forEach((make) => make()),
  }
  return {
    basis,
    number,
    /** The form of a word that goes with a count, by the locale's plural rules (Russian has four). */
    plural: (count: number, forms: PluralForms) => forms[rules().select(count)] ?? forms.other,
  }
}

export type LocaleBasis = ReturnType<typeof localeBasis>['basis']
