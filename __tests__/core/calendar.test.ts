import { describe, expect, it } from '@jest/globals'
import { eachDay, formatDay, isoWeek, parseDay, postDate, zonedInstant } from '../../src/core/calendar.js'

describe('calendar', () => {
  it('knows real days only', () => {
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29))
    expect(parseDay('2025-02-29')).toBeUndefined()
    expect(parseDay('2025-1-01')).toBeUndefined()
  })

  it('takes the UTC day whatever the instant is in Seoul or New York', () => {
    expect(formatDay(Date.parse('2025-12-24T23:30:00-05:00'))).toBe('2025-12-25')
    expect(formatDay(Date.parse('2025-12-25T08:30:00+09:00'))).toBe('2025-12-24')
  })

  it('expands ranges across a month end', () => {
    expect(eachDay('2025-11-29', '2025-12-02')).toEqual([
      '2025-11-29',
      '2025-11-30',
      '2025-12-01',
      '2025-12-02',
    ])
  })

  it('names ISO weeks, including the ones that belong to the neighbouring year', () => {
    expect(isoWeek('2025-11-24')).toBe('2025-W48')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
    expect(isoWeek('2021-01-03')).toBe('2020-W53')
  })

  it('writes the reference post date in Asia/Seoul', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(postDate('2025-12-24', { hour: 9, minute: 15 }, 'Asia/Seoul', now)).toBe(
      '2025-12-24 09:15:00 +0900',
    )
    expect(postDate('2025-12-24', { hour: 9, minute: 15 }, 'UTC', now)).toBe('2025-12-24 09:15:00 +0000')
  })

  it('moves a post that would lie in the future back to the present', () => {
    const now = Date.parse('2025-12-24T10:20:30Z')
    expect(postDate('2025-12-24', { hour: 23, minute: 0 }, 'UTC', now)).toBe('2025-12-24 10:20:30 +0000')
    expect(postDate('2025-12-24', { hour: 23, minute: 0 }, 'Asia/Seoul', now)).toBe(
      '2025-12-24 19:20:30 +0900',
    )
  })

  it('handles New York daylight saving: a skipped 02:30 moves forward, a repeated 01:30 is the first', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(postDate('2025-03-09', { hour: 2, minute: 30 }, 'America/New_York', now)).toBe(
      '2025-03-09 03:30:00 -0400',
    )
    expect(postDate('2025-11-02', { hour: 1, minute: 30 }, 'America/New_York', now)).toBe(
      '2025-11-02 01:30:00 -0400',
    )
    expect(postDate('2025-11-03', { hour: 9, minute: 0 }, 'America/New_York', now)).toBe(
      '2025-11-03 09:00:00 -0500',
    )
    expect(zonedInstant(Date.UTC(2025, 10, 2, 1, 30), 'America/New_York')).toBe(
      Date.parse('2025-11-02T05:30:00Z'),
    )
  })
})
