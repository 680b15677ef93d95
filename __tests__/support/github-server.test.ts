import { describe, expect, it } from '@jest/globals'
import { startGitHubServer } from './github-server.js'
import { changes, publisherFor, standIn } from '../publish/github-stand-in.js'

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

  it('carries out commits one at a time: of several at once, each but one meets the moved head and tries again', async () => {
    const server = await standIn()
    try {
      const publish = (path: string) =>
        publisherFor(server).publisher.publish({ ...changes(''), files: [{ path, content: `${path}\n` }] })
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, index) => publish(`_posts/${index}.md`)),
      )
      expect(results.map((result) => result.written)).toEqual(
        [0, 1, 2, 3].map((index) => [`_posts/${index}.md`]),
      )
      expect(await server.git.log('main')).toHaveLength(5)
      expect(await server.git.isLinear('main')).toBe(true)
    } finally {
      await server.close()
    }
  })
})
