import { expect, it } from '@jest/globals'
import { plural, shownUrl } from '../../src/core/wording.js'

it('counts a noun', () => {
  expect([0, 1, 2].map((count) => plural(count, 'paper'))).toEqual(['0 papers', '1 paper', '2 papers'])
})

it('shows a URL without its user name and password', () => {
  const url = 'https://user:secret@example.test/v1?key=sk-1#part'
  expect(shownUrl(url)).toBe('https://example.test/v1?key=sk-1#part')
  expect(shownUrl(new URL(url))).toBe('https://example.test/v1?key=sk-1#part')
  expect(shownUrl('https://example.test/a b')).toBe('https://example.test/a%20b')
})

it('shows text that is no URL as it is', () => {
  expect(shownUrl('not a url')).toBe('not a url')
})
