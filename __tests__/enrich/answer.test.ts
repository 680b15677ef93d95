import { describe, expect, it } from '@jest/globals'
import { readAnswer, type ModelReply } from '../../src/enrich/answer.js'

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
      ['a'],
      false,
    )
    expect(answer).toEqual({ ok: true, summaries: new Map([['a', { summary: 'first' }]]), failed: new Map() })
  })

  it('skips items of the wrong shape and counts their papers as missing', () => {
    const answer = readAnswer(
      reply({ summaries: [{ id: 'a', summary: 7 }, 'b', null, { id: 'c', summary: 'ok', title: 'T' }] }),
      ['a', 'c'],
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
    const withTitles = readAnswer(reply(content), ['a', 'b'], true)
    expect(withTitles.ok && withTitles.failed).toEqual(new Map([['b', 'empty']]))
    const without = readAnswer(reply(content), ['a'], false)
    expect(without.ok && without.summaries).toEqual(new Map([['a', { summary: 's' }]]))
  })

  it.each([
    ['no content', reply(null, { content: null }), 'invalid-answer'],
    ['a JSON array', reply([{ id: 'a', summary: 's' }]), 'invalid-answer'],
    ['summaries that are not a list', reply({ summaries: { a: 's' } }), 'invalid-answer'],
    ['a content filter stop', reply({ summaries: [] }, { finishReason: 'content_filter' }), 'refusal'],
    ['a refusal beside content', reply({ summaries: [] }, { refusal: 'No.' }), 'refusal'],
  ])('fails the batch on %s', (_, answer, reason) => {
    expect(readAnswer(answer, ['a'], false)).toEqual({ ok: false, reason })
  })
})
