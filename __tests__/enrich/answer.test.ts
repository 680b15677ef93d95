import { describe, expect, it } from '@jest/globals'
import { readAnswer, type ModelReply } from '../../src/enrich/answer.js'

/** Papers as a request gives them, with nothing in their text that tells them apart. */
const asked = (...ids: string[]) => ids.map((id) => ({ id, title: '', summary: '' }))

const reply = (content: unknown, extra: Partial<ModelReply> = {}): ModelReply => ({
  content: typeof content === 'string' ? content : JSON.stringify(content),
  refusal: null,
  finishReason: 'stop',
  ...extra,
})

describe('readAnswer', () => {
  it('takes the first answer for a paper answered twice', () => {
    const answer = readAnswer(
      reply({
        summaries: [
          { id: 'a', summary: 'first' },
          { id: 'a', summary: 'second' },
        ],
      }),
      asked('a'),
      'en',
      false,
    )
    expect(answer).toEqual({ ok: true, summaries: new Map([['a', { summary: 'first' }]]), failed: new Map() })
  })

  it('skips items of the wrong shape and counts their papers as missing', () => {
    const answer = readAnswer(
      reply({ summaries: [{ id: 'a', summary: 7 }, 'b', null, { id: 'c', summary: 'ok', title: 'T' }] }),
      asked('a', 'c'),
      'en',
      true,
    )
    expect(answer).toEqual({
      ok: true,
      summaries: new Map([['c', { summary: 'ok', title: 'T' }]]),
      failed: new Map([['a', 'missing']]),
    })
  })

  it('wants a title when one is asked for, and drops one that is not', () => {
    const content = {
      summaries: [
        { id: 'a', summary: 's', title: 't' },
        { id: 'b', summary: 's' },
      ],
    }
    const withTitles = readAnswer(reply(content), asked('a', 'b'), 'en', true)
    expect(withTitles.ok && withTitles.failed).toEqual(new Map([['b', 'empty']]))
    const without = readAnswer(reply(content), asked('a'), 'en', false)
    expect(without.ok && without.summaries).toEqual(new Map([['a', { summary: 's' }]]))
  })

  it.each([
    ['no content', reply(null, { content: null }), 'invalid-answer'],
    ['a JSON array', reply([{ id: 'a', summary: 's' }]), 'invalid-answer'],
    ['summaries that are not a list', reply({ summaries: { a: 's' } }), 'invalid-answer'],
    ['a content filter stop', reply({ summaries: [] }, { finishReason: 'content_filter' }), 'refusal'],
    ['a refusal beside content', reply({ summaries: [] }, { refusal: 'No.' }), 'refusal'],
  ])('fails the batch on %s', (_, answer, reason) => {
    expect(readAnswer(answer, asked('a'), 'en', false)).toEqual({ ok: false, reason })
  })

  /** A Korean answer for papers a, b, c…, with titles: the papers kept and why the others were not. */
  const korean = (items: Array<{ summary: string; title: string }>) => {
    const summaries = items.map((item, index) => ({ id: 'abc'[index]!, ...item }))
    const answer = readAnswer(reply({ summaries }), asked(...summaries.map(({ id }) => id)), 'ko', true)
    return answer.ok ? { kept: [...answer.summaries.keys()], failed: [...answer.failed] } : answer
  }

  const said = '이 논문은 새로운 방법을 제안한다.'
  it.each([
    [
      'a summary or title not written in the language asked for',
      [
        { summary: said, title: 'VLA 모델' },
        { summary: 'This paper proposes a new method.', title: '방법' },
        { summary: said, title: 'A new method' },
      ],
      {
        kept: ['a'],
        failed: [
          ['b', 'wrong-language'],
          ['c', 'wrong-language'],
        ],
      },
    ],
    [
      'a summary or a title that says nothing (no letter at all), as empty',
      [
        { summary: '…', title: '방법' },
        { summary: '— 1.', title: '방법' },
        { summary: said, title: '?' },
      ],
      {
        kept: [],
        failed: [
          ['a', 'empty'],
          ['b', 'empty'],
          ['c', 'empty'],
        ],
      },
    ],
  ])('drops %s', (_, items, expected) => {
    expect(korean(items)).toEqual(expected)
  })

  it("keeps a title the model left as the paper's own name, as it is asked to", () => {
    const content = {
      summaries: [{ id: 'a', summary: '이 논문은 새로운 방법을 제안한다.', title: ' kimi-vl2 ' }],
    }
    const answer = readAnswer(reply(content), [{ id: 'a', title: 'Kimi-VL2', summary: '' }], 'ko', true)
    expect(answer.ok && answer.summaries.get('a')).toEqual({
      summary: '이 논문은 새로운 방법을 제안한다.',
      title: 'kimi-vl2',
    })
  })

  it('drops a summary put under another paper of the request, and keeps those that match', () => {
    const papers = [
      {
        id: 'a',
        title: 'MiniMax-M1: Lightning Attention',
        summary: 'We scale MiniMax-M1 with lightning attention.',
      },
      {
        id: 'b',
        title: 'DeepSeekMath: Proof Search',
        summary: 'DeepSeekMath searches proofs with a verifier.',
      },
      { id: 'c', title: 'Qwen-VL Grounding', summary: 'Qwen-VL grounds phrases in images.' },
    ]
    const content = {
      summaries: [
        { id: 'a', summary: 'DeepSeekMath searches for proofs, checked by a verifier.' },
        { id: 'b', summary: 'DeepSeekMath finds proofs.' },
        { id: 'c', summary: 'Qwen-VL grounds phrases in images.' },
      ],
    }
    const answer = readAnswer(reply(content), papers, 'en', false)
    expect(answer.ok && [...answer.summaries.keys()]).toEqual(['b', 'c'])
    expect(answer.ok && answer.failed).toEqual(new Map([['a', 'unbound']]))
  })

  it('drops a whole answer when many of its summaries are under a wrong id', () => {
    const papers = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].map((name) => ({
      id: name,
      title: `${name}Net`,
      summary: `${name}Net does ${name.toLowerCase()}ing.`,
    }))
    const summaries = papers.map((paper, index) => ({
      id: paper.id,
      // Two under the wrong id; the other three say nothing that tells them apart.
      summary: index < 2 ? `${papers[1 - index]!.title} works.` : 'A new method works.',
    }))
    const answer = readAnswer(reply({ summaries }), papers, 'en', false)
    expect(answer.ok && answer.summaries.size).toBe(0)
    expect(answer.ok && [...answer.failed.values()]).toEqual(Array(5).fill('unbound'))
  })

  it('reads a fenced answer, and refuses one nested deeper than any answer is read', () => {
    const fenced = reply('```json\n{"summaries": [{"id": "a", "summary": "A summary."}]}\n```')
    expect(readAnswer(fenced, asked('a'), 'en', false)).toMatchObject({ ok: true, failed: new Map() })
    const deep = `{"summaries": [{"id": "a", "summary": "A summary.", "x": ${'['.repeat(40)}${']'.repeat(40)}}]}`
    expect(readAnswer(reply(deep), asked('a'), 'en', false)).toEqual({ ok: false, reason: 'invalid-answer' })
  })
})
