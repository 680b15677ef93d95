import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { LANGUAGE_TAGS } from '../../src/core/languages.js'
import { languageFacts, summaryCharacters, tldrCharacters, writtenIn } from '../../src/enrich/language.js'
import { textsIn } from '../support/llm-languages.js'
import { fixtureDay } from './harness.js'

const TITLE = 'MiniMax-M1: Scaling Test-Time Compute Efficiently with Lightning Attention'
const ENGLISH = textsIn('en').summary(TITLE, 'It trains a hybrid model with a million tokens of context.')

describe('the language of an answer', () => {
  it.each(LANGUAGE_TAGS)('accepts a summary, a title and a TL;DR written in %s', (tag) => {
    const texts = textsIn(tag)
    expect(writtenIn(texts.summary(TITLE, ''), tag, true)).toBe(true)
    expect(writtenIn(texts.title(TITLE), tag, false)).toBe(true)
    expect(writtenIn(texts.tldr(TITLE), tag, true)).toBe(true)
  })

  it.each(LANGUAGE_TAGS.filter((tag) => tag !== 'en'))('refuses an English summary for %s', (tag) => {
    expect(writtenIn(ENGLISH, tag, true)).toBe(false)
  })

  it.each([
    ['ja', 'zh-CN'],
    ['zh-CN', 'ja'],
    ['zh-CN', 'zh-TW'],
    ['zh-TW', 'zh-CN'],
    ['ko', 'ja'],
    ['ru', 'ko'],
    ['es', 'ru'],
    ['de', 'zh-TW'],
  ] as const)('refuses a %s summary written in %s', (asked, written) => {
    expect(writtenIn(textsIn(written).summary(TITLE, ''), asked, true)).toBe(false)
  })

  it('refuses an untranslated title in a non-Latin script, and lets a Latin one keep its names', () => {
    expect(writtenIn(TITLE, 'ko', false)).toBe(false)
    expect(writtenIn(TITLE, 'ja', false)).toBe(false)
    expect(writtenIn(TITLE, 'ru', false)).toBe(false)
    expect(writtenIn(TITLE, 'de', false)).toBe(true)
  })

  it("tells Hugging Face's English summaries of every fixture day as English, and as no other language", () => {
    const summaries = readdirSync(resolve(process.cwd(), '__tests__/fixtures/hf/daily'))
      .flatMap((name) => fixtureDay(name.slice(0, 10)))
      .flatMap((paper) => (paper.aiSummary ? [paper.aiSummary] : []))
    expect(summaries.length).toBeGreaterThan(500)
    for (const tag of LANGUAGE_TAGS) {
      const passed = summaries.filter((summary) => writtenIn(summary, tag, true)).length
      expect([tag, passed]).toEqual([tag, tag === 'en' ? summaries.length : 0])
    }
  })

  it('has nothing to tell by in a text without letters', () => {
    expect(writtenIn('42 — 3.5%', 'ko', true)).toBe(true)
  })
})

describe('per-language limits', () => {
  it('ask CJK scripts for fewer characters that say as much', () => {
    expect(summaryCharacters('en')).toBe(450)
    expect(summaryCharacters('ko')).toBeLessThan(summaryCharacters('en'))
    expect(summaryCharacters('ja')).toBeLessThan(summaryCharacters('ko'))
    expect(summaryCharacters('zh-TW')).toBeLessThanOrEqual(summaryCharacters('ja'))
    for (const tag of LANGUAGE_TAGS) expect(tldrCharacters(tag)).toBeGreaterThan(summaryCharacters(tag))
  })

  it('name a language without ambiguity, English for a tag it does not know', () => {
    expect(languageFacts('zh-TW').promptName).toContain('Traditional Chinese')
    expect(languageFacts('pt-BR').promptName).toContain('Brazilian Portuguese')
    expect(languageFacts('xx').promptName).toBe('English')
  })
})
