import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildSchema, parse, validate } from 'graphql'
import {
  CREATE_COMMIT_ON_BRANCH,
  CREATE_PULL_REQUEST,
  CREATE_REF,
  readBranchDocument,
  readFilesDocument,
} from '../../src/publish/graphql.js'

const schema = buildSchema(readFileSync('node_modules/@octokit/graphql-schema/schema.graphql', 'utf8'), {
  assumeValidSDL: true,
})
const problems = (document: string) => validate(schema, parse(document)).map((error) => error.message)

describe("the action's GraphQL documents", () => {
  // Every document graphql.ts exports, as its header promises.
  it.each([
    ['ReadBranch, with its fixed folder slots,', readBranchDocument()],
    ['CreateCommitOnBranch', CREATE_COMMIT_ON_BRANCH],
    ['CreateRef', CREATE_REF],
    ['CreatePullRequest', CREATE_PULL_REQUEST],
    ['ReadFiles of one path', readFilesDocument(1)],
    ['ReadFiles of a hundred paths', readFilesDocument(100)],
  ])('%s is valid against GitHub’s schema', (_name, document) => {
    expect(problems(document)).toEqual([])
  })
})
