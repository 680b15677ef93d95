import { expect, it } from '@jest/globals'
import { gitBlobOid } from '../../src/core/git-blob.js'

it('computes git blob ids as git does', () => {
  expect(gitBlobOid('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')
  expect(gitBlobOid('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a')
})
