import { describe, expect, it } from '@jest/globals'
import { backoffMs } from '../../src/core/backoff.js'

describe('backoffMs', () => {
  const at = (random: number) => () => random

  it('doubles from the base and waits between half and all of it', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, { baseMs: 1000, random: at(0) }))).toEqual([500, 1000, 2000])
    expect([1, 2, 3].map((n) => backoffMs(n, { baseMs: 1000, random: at(0.999999) }))).toEqual([
      1000, 2000, 4000,
    ])
  })

  it('caps the doubled wait before the jitter', () => {
    expect(backoffMs(10, { baseMs: 1000, maxMs: 3000, random: at(0) })).toBe(1500)
    expect(backoffMs(10, { baseMs: 1000, maxMs: 3000, random: at(0.5) })).toBe(2250)
  })

  it('with full jitter waits anywhere from 0', () => {
    expect(backoffMs(3, { baseMs: 500, random: at(0), jitter: 'full' })).toBe(0)
    expect(backoffMs(3, { baseMs: 500, random: at(0.5), jitter: 'full' })).toBe(1000)
  })
})
