import { describe, expect, it } from '@jest/globals'
import { startGitHubServer } from './github-server.js'

/** The stand-in is only worth its tests if it behaves like GitHub. */
describe('the GitHub stand-in', () => {
  it('refuses a GraphQL document that GitHub’s schema refuses, with GitHub’s message', async () => {
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
