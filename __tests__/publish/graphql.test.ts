import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildSchema, parse, validate } from 'graphql'
import { CREATE_COMMIT_ON_BRANCH, READ_BRANCH } from '../../src/publish/graphql.js'

const schema = buildSchema(readFileSync('node_modules/@octokit/graphql-schema/schema.graphql', 'utf8'), {
  assumeValidSDL: true,
})
const problems = (document: string) => validate(schema, parse(document)).map((error) => error.message)

describe("the action's GraphQL documents", () => {
  it('ReadBranch, with its fixed folder slots, is valid against GitHub’s schema', () => {
    expect(problems(READ_BRANCH)).toEqual([])
  })

  it('CreateCommitOnBranch is valid against GitHub’s schema', () => {
    expect(problems(CREATE_COMMIT_ON_BRANCH)).toEqual([])
  })
})
