/**
 * What the OpenAI-compatible stand-in (llm-server.ts) answers a chat-completions request with: one
 * plausible summary per paper it was sent, or a TL;DR of the day, in the language the instructions name;
 * or the content of a hostile or broken model.
 */
import {
  inputTokens,
  schemaWantsTitle,
  systemMessage,
  titlesAsked,
  wantsTldr,
  type PaperAsked,
} from './llm-request.ts'
import { languageNamed, textsIn } from './llm-languages.ts'
import type { LanguageTag } from '../../src/core/languages.ts'

/** The content of an answer. */
export type AnswerKind =
  /** One plausible summary (and title, when the schema asks for one) per paper. */
  | 'good'
  /** The good answer inside a ```json fence, as models without structured output send it. */
  | 'fenced'
  /**
   * Summaries and titles that are Liquid, HTML, kramdown attributes, links, images, bidi, 100 KB, each
   * followed by a good summary in the language asked for when it is not English; a TL;DR of them all.
   */
  | 'hostile'
  /** Every other paper left out (the first is kept). */
  | 'missing'
  /** The good answer plus entries for papers nobody asked about. */
  | 'unknown-ids'
  /** Empty summaries and titles. */
  | 'empty'
  /** `message.refusal` set, no content. */
  | 'refusal'
  /** Content that is not JSON. */
  | 'invalid-json'
  /** `finish_reason: "length"` and half of the content. */
  | 'cut-off'
  /** Each paper's good summary put under the next paper's id (the last under the first's). */
  | 'swapped'
  /** The good answer in English, whatever language was asked for. */
  | 'english'

/** What a hostile model may write; tests check that none of it survives as markup. */
export const HOSTILE_TEXTS = [
  '{{ site.github.token }} {% include secret.html %} {%raw%}',
  '<script>alert(1)</script><img src=x onerror=alert(1)><think>hidden</think>',
  '{: .danger onclick="alert(1)"} {::comment} kramdown {:/comment}',
  '[click me](javascript:alert(1)) [phish](http://evil.test/) <https://evil.test/>',
  '![tracker](https://evil.test/pixel.png) ![x][ref]\n\n[ref]: https://evil.test/',
  'safe\u202Eevil\u2066text\u2069 with\u200Bzero\u00ADwidth\u0007bell\u001B[31m and \uDB40\uDC41tags',
  '\n::warning::injected\n::set-output name=x::y\n# heading\n| a | b |\n$$x$$',
] as const
/** The 100 KB summary hostile answers give their last paper. */
export const HUGE_TEXT = `${'A'.repeat(50_000)} ${'가'.repeat(50_000)}`

type Item = Record<string, string>

export function answer(behaviour: AnswerKind, body: unknown, papers: PaperAsked[]) {
  const language = behaviour === 'english' ? 'en' : languageNamed(systemMessage(body))
  if (wantsTldr(body) && ['good', 'english', 'hostile'].includes(behaviour)) {
    const topic = titlesAsked(body)[0]?.replace(/\s+/g, ' ').trim() ?? ''
    const native = textsIn(language).tldr(topic)
    const tldr = behaviour !== 'hostile' ? native : hostileTldr(language, native)
    return completion(body, JSON.stringify({ tldr }))
  }
  const withTitle = schemaWantsTitle(body)
  const good = papers.map((paper) => goodItem(paper, language, withTitle))
  const content = (items: Item[]) => JSON.stringify({ summaries: items })
  switch (behaviour) {
    case 'good':
    case 'english':
      return completion(body, content(good))
    case 'swapped':
      return completion(
        body,
        content(good.map((item, index) => ({ ...good[(index + 1) % good.length]!, id: item.id! }))),
      )
    case 'fenced':
      return completion(body, `\`\`\`json\n${content(good)}\n\`\`\``)
    case 'hostile': {
      // Written in the language asked for as well (but for the 100 KB), as a model must be to get through.
      const native = (item: Item) => (language === undefined || language === 'en' ? '' : ` ${item.summary}`)
      const hostile = (index: number) =>
        index === papers.length - 1 ? HUGE_TEXT : HOSTILE_TEXTS[index % HOSTILE_TEXTS.length]!
      const items = good.map((item, index) => ({ ...item, summary: `${hostile(index)}${native(item)}` }))
      return completion(
        body,
        content(items.map((item) => (withTitle ? { ...item, title: item.summary } : item))),
      )
    }
    case 'missing':
      return completion(body, content(good.filter((_, index) => index % 2 === 0)))
    case 'unknown-ids':
      return completion(
        body,
        content([
          { id: '../../etc/passwd', summary: 'not asked', title: 'not asked' },
          ...good,
          { id: '9999.99999', summary: 'not asked either', title: 'not asked' },
        ]),
      )
    case 'empty':
      return completion(
        body,
        content(good.map((item) => ({ ...item, summary: '  ', ...(withTitle ? { title: '' } : {}) }))),
      )
    case 'refusal':
      return completion(body, null, { refusal: "I'm sorry, I can't help with that." })
    case 'invalid-json':
      return completion(body, 'Here are your summaries: {"summaries": [{"id": ')
    case 'cut-off': {
      const full = content(good)
      return completion(body, full.slice(0, full.length >> 1), { finishReason: 'length' })
    }
  }
}

/** Every hostile text in English; in another language three of them, with enough of it to pass as written in it. */
function hostileTldr(language: LanguageTag | undefined, native: string): string {
  if (language === undefined || language === 'en') return HOSTILE_TEXTS.join(' ')
  return [HOSTILE_TEXTS[0], HOSTILE_TEXTS[1], HOSTILE_TEXTS[3], native, native].join(' ')
}

function goodItem(paper: PaperAsked, language: LanguageTag | undefined, withTitle: boolean): Item {
  const topic = paper.title.replace(/\s+/g, ' ').trim()
  const texts = textsIn(language)
  const summary = texts.summary(topic, firstSentence(paper.abstract))
  return withTitle ? { id: paper.id, summary, title: texts.title(topic) } : { id: paper.id, summary }
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const end = flat.search(/[.!?](\s|$)/)
  return (end === -1 ? flat : flat.slice(0, end + 1)).slice(0, 200)
}

function completion(
  body: unknown,
  content: string | null,
  { refusal = null, finishReason = 'stop' }: { refusal?: string | null; finishReason?: string } = {},
) {
  return {
    id: 'chatcmpl-stand-in',
    object: 'chat.completion',
    created: 1_764_547_200,
    model: (body as { model?: unknown } | null)?.model ?? 'unknown',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal }, finish_reason: finishReason }],
    usage: { prompt_tokens: inputTokens(body), completion_tokens: Math.ceil((content?.length ?? 0) / 4) },
  }
}
