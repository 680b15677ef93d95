import { describe, expect, it } from '@jest/globals'
import { announcedWaitMs, parseRateLimits } from '../../../src/core/http/announced-wait.js'

const HF_POLICY = '"fixed window";"api";q=500;w=300'

describe('parseRateLimits', () => {
  it("reads Hugging Face's two headers into one limit with its policy", () => {
    expect(parseRateLimits({ ratelimit: '"api";r=12;t=140', 'ratelimit-policy': HF_POLICY })).toEqual([
      { name: 'api', remaining: 12, resetSeconds: 140, quota: 500, windowSeconds: 300 },
    ])
  })

  it.each([
    ['spaces around the separators', ' "api" ; r = 12 ;t=140 ', ' "fixed window" ; "api" ; q = 500 ; w=300'],
    ['a bare token as the name', 'api;r=12;t=140', '"fixed window";api;q=500;w=300'],
    ['the draft’s own policy form', '"api";r=12;t=140', '"api";q=500;w=300'],
    ['upper-case keys', '"api";R=12;T=140', '"fixed window";"api";Q=500;W=300'],
    [
      'unknown parameters, a byte sequence and a quoted , or ;',
      '"api";r=12;pk=:cHJvamVjdDEyMw==:;t=140;note="a, b; c"',
      '"fixed window";"api";qu="requests";q=500;w=300;extra',
    ],
  ])('accepts %s', (_, rateLimit, policy) => {
    expect(parseRateLimits({ ratelimit: rateLimit, 'ratelimit-policy': policy })).toEqual([
      { name: 'api', remaining: 12, resetSeconds: 140, quota: 500, windowSeconds: 300 },
    ])
  })

  it('pairs several limits with their policies by name, from one line or repeated lines', () => {
    const expected = [
      { name: 'api', remaining: 5, resetSeconds: 30, quota: 500, windowSeconds: 300 },
      { name: 'pages', remaining: 0, resetSeconds: 100, quota: 100, windowSeconds: 300 },
    ]
    const policy = '"fixed window";"pages";q=100;w=300, "fixed window";"api";q=500;w=300'
    expect(
      parseRateLimits({ ratelimit: '"api";r=5;t=30, "pages";r=0;t=100', 'ratelimit-policy': policy }),
    ).toEqual(expected)
    expect(
      parseRateLimits({ ratelimit: ['"api";r=5;t=30', '"pages";r=0;t=100'], 'ratelimit-policy': policy }),
    ).toEqual(expected)
  })

  it('keeps a name with an escaped quote, and pairs one limit with one policy whatever their names', () => {
    expect(
      parseRateLimits({ ratelimit: '"a\\"b";r=1;t=2', 'ratelimit-policy': '"other";q=10;w=60' }),
    ).toEqual([{ name: 'a"b', remaining: 1, resetSeconds: 2, quota: 10, windowSeconds: 60 }])
  })

  it('reads a limit without a policy, or with a policy that names another limit', () => {
    expect(parseRateLimits({ ratelimit: '"api";r=3;t=9' })).toEqual([
      { name: 'api', remaining: 3, resetSeconds: 9 },
    ])
    expect(
      parseRateLimits({
        ratelimit: '"api";r=3;t=9, "pages";r=1;t=9',
        'ratelimit-policy': '"fixed window";"resolvers";q=3000;w=300',
      }),
    ).toEqual([
      { name: 'api', remaining: 3, resetSeconds: 9 },
      { name: 'pages', remaining: 1, resetSeconds: 9 },
    ])
  })

  it.each([
    ['no header', {}],
    ['an empty header', { ratelimit: '' }],
    ['no r', { ratelimit: '"api";t=140' }],
    ['no t', { ratelimit: '"api";r=12' }],
    ['r that is not a number', { ratelimit: '"api";r=many;t=140' }],
    ['a negative r', { ratelimit: '"api";r=-1;t=140' }],
    ['a decimal t', { ratelimit: '"api";r=1;t=1.5' }],
    ['the older draft’s dictionary', { ratelimit: 'limit=100, remaining=50, reset=5' }],
    ['the older separate headers', { 'ratelimit-remaining': '50', 'ratelimit-reset': '5' }],
    ['an unterminated string', { ratelimit: '"api;r=1;t=2' }],
  ])('finds no limit in %s', (_, headers) => {
    expect(parseRateLimits(headers)).toEqual([])
  })

  it('leaves out a quota that is not a number and a window of 0 seconds', () => {
    expect(parseRateLimits({ ratelimit: '"api";r=1;t=2', 'ratelimit-policy': '"api";q=lots;w=0' })).toEqual([
      { name: 'api', remaining: 1, resetSeconds: 2 },
    ])
  })
})

describe('announcedWaitMs', () => {
  const now = Date.parse('2025-11-03T12:00:00Z')

  it('takes t as a wait only from a limit with nothing left', () => {
    expect(announcedWaitMs({ ratelimit: '"api";r=0;t=42' }, now)).toBe(42_000)
    expect(announcedWaitMs({ ratelimit: '"api";r=7;t=42' }, now)).toBeUndefined()
    expect(announcedWaitMs({ ratelimit: '"api";r=7;t=42, "pages";r=0;t=9' }, now)).toBe(9_000)
  })

  it('reads Retry-After in seconds or as an HTTP date, and takes the longer of the two', () => {
    expect(announcedWaitMs({ 'retry-after': '7' }, now)).toBe(7_000)
    expect(announcedWaitMs({ 'retry-after': 'Mon, 03 Nov 2025 12:00:30 GMT' }, now)).toBe(30_000)
    expect(announcedWaitMs({ 'retry-after': 'Mon, 03 Nov 2025 11:00:00 GMT' }, now)).toBe(0)
    expect(announcedWaitMs({ 'retry-after': '60', ratelimit: '"api";r=0;t=42' }, now)).toBe(60_000)
  })

  it("reads OpenAI's retry-after-ms before anything else, and GitHub's reset of a used-up limit", () => {
    expect(announcedWaitMs({ 'retry-after-ms': '1500', 'retry-after': '60' }, now)).toBe(1_500)
    const inAMinute = String(now / 1000 + 60)
    expect(announcedWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAMinute }, now)).toBe(
      60_000,
    )
    expect(
      announcedWaitMs({ 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': inAMinute }, now),
    ).toBeUndefined()
  })

  it('finds no wait in nothing or nonsense', () => {
    expect(announcedWaitMs({}, now)).toBeUndefined()
    expect(announcedWaitMs({ 'retry-after': 'soon', ratelimit: 'nonsense' }, now)).toBeUndefined()
  })
})
