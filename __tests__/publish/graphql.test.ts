import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildSchema, parse, validate } from 'graphql'
import { CREATE_COMMIT_ON_BRANCH, readBranchQuery } from '../../src/publish/graphql.js'

const schema = buildSchema(readFileSync('node_modules/@octokit/graphql-schema/schema.graphql', 'utf8'), {
  assumeValidSDL: true,
})
const problems = (document: string) => validate(schema, parse(document)).map((error) => error.message)

describe("the action's GraphQL documents", () => {
  it.each([1, 2, 3])('ReadBranch with %i folder(s) is valid against GitHub’s schema', (folders) => {
    expect(problems(readBranchQuery(folders))).toEqual([])
  })

  it('CreateCommitOnBranch is valid against GitHub’s schema', () => {
    expect(problems(CREATE_COMMIT_ON_BRANCH)).toEqual([])
  })
})
