import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildSchema, parse, validate } from 'graphql'
import { CREATE_COMMIT_ON_BRANCH, readBranchQuery } from '../../src/publish/graphql.js'
import { startGitHubServer } from '../support/github-server.js'

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

  it('the stand-in refuses what GitHub would refuse', async () => {
    const server = await startGitHubServer()
    try {
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { authorization: 'token write-token', 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Bad { repository(owner: "octo", name: "blog") { starz } }' }),
      })
      expect(await response.json()).toEqual({
        errors: [{ message: 'Cannot query field "starz" on type "Repository".' }],
      })
    } finally {
      await server.close()
    }
  })
})
