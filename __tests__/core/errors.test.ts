import { describe, expect, it } from '@jest/globals'
import { runInNewContext } from 'node:vm'
import { errorMessage } from '../../src/core/errors.js'

describe('errorMessage', () => {
  it("reads an Error's message, one of another realm's too, and anything else as text", () => {
    expect(errorMessage(new TypeError('bad'))).toBe('bad')
    expect(errorMessage(runInNewContext('new Error("elsewhere")'))).toBe('elsewhere')
    expect(errorMessage('plain')).toBe('plain')
    expect(errorMessage({ message: 'not an error' })).toBe('[object Object]')
  })
})
