import { describe, expect, it } from '@jest/globals'
import { rateLimitAnswer } from '../../src/publish/rate-limit.js'

const NOW = Date.UTC(2025, 11, 24, 12)
const inAMinute = String(NOW / 1000 + 60)

describe('rateLimitAnswer', () => {
  it.each([
    ['a 429, whatever its headers', { status: 429 }, { kind: 'rate limit', waitS: undefined }],
    [
      'a 429 with a used-up limit',
      { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAMinute } },
      { kind: 'rate limit', waitS: 60 },
    ],
    [
      'a 403 with a used-up limit',
      { status: 403, response: { headers: { 'x-ratelimit-remaining': '0', 'retry-after': '5' } } },
      { kind: 'rate limit', waitS: 5 },
    ],
    [
      "GraphQL's RATE_LIMITED",
      { status: 200, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
      { kind: 'rate limit', waitS: undefined },
    ],
    [
      'a secondary rate limit',
      { status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '30' } },
      { kind: 'secondary rate limit', waitS: 30 },
    ],
  ])('reads %s as a rate limit', (_, error, expected) => {
    expect(rateLimitAnswer(error, NOW)).toEqual(expected)
  })

  it.each([
    ['a 403 with requests left', { status: 403, headers: { 'x-ratelimit-remaining': '12' } }],
    ['a 403 without rate-limit headers', { status: 403, message: 'Resource not accessible by integration' }],
    ['a 500', { status: 500, headers: { 'x-ratelimit-remaining': '0' } }],
    ['no error at all', undefined],
  ])('reads %s as no rate limit', (_, error) => {
    expect(rateLimitAnswer(error, NOW)).toBeUndefined()
  })
})
