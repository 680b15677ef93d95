import { describe, expect, it } from '@jest/globals'
import { ignoredDate, listedDay, listedDays, splitOffDay } from '../../src/source/drift.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import type { DayPapers } from '../../src/core/paper.js'
import { loadFixtureDays } from '../support/hf-server.js'

const fixtures = await loadFixtureDays()

const item = (id: string, submittedOnDailyAt?: unknown) => ({
  paper: { id, ...(submittedOnDailyAt === undefined ? {} : { submittedOnDailyAt }) },
})

describe('listedDays', () => {
  it('reads the UTC day of each paper’s submittedOnDailyAt, the first listing of an id deciding', () => {
    expect(
      listedDays([
        item('a', '2025-11-03T00:00:00.000Z'),
        item('b', '2025-11-04T01:30:00+09:00'),
        item('a', '2025-11-05T00:00:00.000Z'),
      ]),
    ).toEqual(
      new Map([
        ['a', '2025-11-03'],
        ['b', '2025-11-03'],
      ]),
    )
  })

  it('has no day for an item without a readable date-time, so such papers are kept', () => {
    const unreadable = [undefined, null, 1_762_128_000_000, 'yesterday', '2025-13-45T00:00:00Z', '2025-11-03']
    expect(listedDays([...unreadable.map((stamp, index) => item(`p${index}`, stamp)), null, 7, {}])).toEqual(
      new Map(),
    )
  })

  it('finds every paper of the 44 real days listed on its own day', () => {
    expect(fixtures.size).toBe(44)
    for (const [day, items] of fixtures) {
      const days = listedDays(items)
      expect(days.size).toBe(items.length)
      expect(new Set(days.values())).toEqual(new Set([day]))
    }
  })
})

describe('splitOffDay', () => {
  it('keeps the papers of the day and those without a listing day, in order, and names the others’ day', () => {
    const { papers } = parseDailyPapers(
      ['2511.00001', '2511.00002', '2511.00003'].map((id) => ({ paper: { id, title: 't', upvotes: 1 } })),
      'test',
    )
    const listedOn = new Map([
      ['2511.00001', '2025-11-03'],
      ['2511.00002', '2025-11-02'],
    ])
    expect(splitOffDay(papers, listedOn, '2025-11-03')).toEqual({
      papers: [papers[0], papers[2]],
      offDay: [{ id: '2511.00002', listedOn: '2025-11-02' }],
    })
  })
})

describe('ignoredDate', () => {
  const LIST = 'https://hf.example/api/daily_papers'
  const dayOf = (day: string, items: unknown[]): DayPapers => ({
    day,
    ...parseDailyPapers(items, day),
    offDay: [],
    listUrl: LIST,
  })
  const same = [item('2511.00001'), item('2511.00002')].map((it) => ({
    ...it,
    paper: { ...it.paper, title: 't', upvotes: 1 },
  }))

  it('names the URL when every day of a range got the same non-empty list', () => {
    expect(
      ignoredDate([dayOf('2025-11-03', same), dayOf('2025-11-04', same), dayOf('2025-11-05', same)]),
    ).toBe(
      `${LIST} ignored date=: all 3 days from 2025-11-03 to 2025-11-05 listed the same 2 papers. ` +
        'Expected a different list each day, as Hugging Face sends; check hf-api-url.',
    )
  })

  it('counts papers left out for another day as listed', () => {
    const kept = dayOf('2025-11-03', same)
    const movedAway: DayPapers = {
      ...dayOf('2025-11-04', []),
      offDay: same.map((it) => ({ id: it.paper.id, listedOn: '2025-11-03' })),
    }
    expect(ignoredDate([kept, movedAway])).toContain('ignored date=')
  })

  it('accepts real days, a single day, empty days and saved responses', () => {
    const [[firstDay, first], [secondDay, second]] = [...fixtures] as [
      [string, unknown[]],
      [string, unknown[]],
    ]
    expect(ignoredDate([dayOf(firstDay, first), dayOf(secondDay, second)])).toBeUndefined()
    expect(ignoredDate([dayOf('2025-11-03', same)])).toBeUndefined()
    expect(ignoredDate([dayOf('2025-11-01', []), dayOf('2025-11-02', [])])).toBeUndefined()
    const saved = (day: string) => ({ ...dayOf(day, same), listUrl: undefined })
    expect(ignoredDate([saved('2025-11-03'), saved('2025-11-04')])).toBeUndefined()
    expect(ignoredDate([dayOf('2025-11-03', same), dayOf('2025-11-04', same.slice(1))])).toBeUndefined()
  })
})

describe('listedDay', () => {
  const stamped = (submittedOnDailyAt: string) => ({ paper: { id: '2511.00001', submittedOnDailyAt } })

  it('places no paper on a day that is not on the calendar', () => {
    expect(listedDay(stamped('2025-02-30T09:00:00.000Z'))).toBeUndefined()
    expect(listedDay(stamped('2025-13-01T09:00:00.000Z'))).toBeUndefined()
  })
})
