import { describe, expect, it } from '@jest/globals'
import { fetchingAhead } from '../../src/source/ahead.js'
import type { DayPapers } from '../../src/core/paper.js'
import type { PaperSource } from '../../src/source/source.js'

/** A source that records each request and answers when told to. */
function manualSource() {
  const asked: string[] = []
  const pending = new Map<string, { resolve: (day: DayPapers) => void; reject: (error: Error) => void }>()
  const source: PaperSource = {
    fetchDay(day) {
      asked.push(day)
      return new Promise((resolve, reject) => pending.set(day, { resolve, reject }))
    },
  }
  const answer = (day: string) => pending.get(day)?.resolve({ day, papers: [], invalid: [] })
  const fail = (day: string, error: Error) => pending.get(day)?.reject(error)
  return { source, asked, answer, fail }
}

describe('fetchingAhead', () => {
  it('asks for the days at once and hands the same answer over later, without asking twice', async () => {
    const { source, asked, answer } = manualSource()
    const ahead = fetchingAhead(source, ['2025-11-03'])
    expect(asked).toEqual(['2025-11-03'])
    answer('2025-11-03')
    await expect(ahead.fetchDay('2025-11-03')).resolves.toEqual({
      day: '2025-11-03',
      papers: [],
      invalid: [],
    })
    expect(asked).toEqual(['2025-11-03'])
  })

  it('asks for other days when they are wanted, and for a day again once its answer was taken', () => {
    const { source, asked } = manualSource()
    const ahead = fetchingAhead(source, ['2025-11-03'])
    void ahead.fetchDay('2025-11-03')
    void ahead.fetchDay('2025-11-04')
    void ahead.fetchDay('2025-11-03')
    expect(asked).toEqual(['2025-11-03', '2025-11-04', '2025-11-03'])
  })

  it('keeps a failure for the caller, without an unhandled rejection in the meantime', async () => {
    const { source, fail } = manualSource()
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      const ahead = fetchingAhead(source, ['2025-11-03'])
      fail('2025-11-03', new Error('Hugging Face answered 503'))
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
      await expect(ahead.fetchDay('2025-11-03')).rejects.toThrow('Hugging Face answered 503')
    } finally {
      process.off('unhandledRejection', record)
    }
  })
})
