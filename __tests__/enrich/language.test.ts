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

  /** A model's summary of one paper in each Latin-script language, names and terms kept in English. */
  const LATIN_SUMMARIES = {
    es: 'MiniMax-M1 es un modelo de razonamiento con atención híbrida (Lightning Attention) que procesa contextos de hasta un millón de tokens. Los autores lo entrenan con aprendizaje por refuerzo y un nuevo algoritmo, CISPO, que reduce el coste del entrenamiento. En tareas de ingeniería de software y de contexto largo supera a los modelos abiertos anteriores.',
    'pt-BR':
      'O MiniMax-M1 é um modelo de raciocínio com atenção híbrida (Lightning Attention) que processa contextos de até um milhão de tokens. Os autores o treinam com aprendizado por reforço e um novo algoritmo, o CISPO, que reduz o custo do treinamento. Em tarefas de engenharia de software e de contexto longo, ele supera os modelos abertos anteriores.',
    fr: "MiniMax-M1 est un modèle de raisonnement à attention hybride (Lightning Attention) qui traite des contextes d'un million de tokens. Les auteurs l'entraînent par apprentissage par renforcement avec un nouvel algorithme, CISPO, qui réduit le coût de l'entraînement. Sur les tâches de génie logiciel et de contexte long, il dépasse les modèles ouverts précédents.",
    de: 'MiniMax-M1 ist ein Reasoning-Modell mit hybrider Aufmerksamkeit (Lightning Attention), das Kontexte von bis zu einer Million Tokens verarbeitet. Die Autoren trainieren es mit Reinforcement Learning und einem neuen Algorithmus, CISPO, der die Kosten des Trainings senkt. Bei Aufgaben der Softwareentwicklung und mit langem Kontext übertrifft es die bisherigen offenen Modelle.',
    vi: 'MiniMax-M1 là một mô hình suy luận với cơ chế chú ý lai (Lightning Attention), xử lý được ngữ cảnh dài tới một triệu token. Các tác giả huấn luyện mô hình bằng học tăng cường với một thuật toán mới là CISPO, giúp giảm chi phí huấn luyện. Trong các tác vụ kỹ thuật phần mềm và ngữ cảnh dài, mô hình vượt qua các mô hình mở trước đó.',
  } as const
  const latinTags = Object.keys(LATIN_SUMMARIES) as Array<keyof typeof LATIN_SUMMARIES>

  it.each(latinTags)(
    'accepts a %s summary for its own language only, among the Latin-script ones',
    (written) => {
      const summary = LATIN_SUMMARIES[written]
      for (const asked of latinTags)
        expect([asked, writtenIn(summary, asked, true)]).toEqual([asked, asked === written])
    },
  )

  it.each(latinTags.filter((tag) => tag !== 'vi'))(
    "refuses the stand-in's %s text for the other Latin-script languages",
    (written) => {
      for (const asked of latinTags.filter((tag) => tag !== written))
        expect([asked, writtenIn(textsIn(written).summary(TITLE, ''), asked, true)]).toEqual([asked, false])
    },
  )

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
