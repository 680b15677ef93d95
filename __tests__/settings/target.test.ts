import { describe, expect, it } from '@jest/globals'
import { parseSettings } from '../../src/settings/settings.js'
import { environment, problemsOfRefused, settingsOf } from './parse.js'

describe('parseSettings', () => {
  it('honours GitHub Enterprise URLs from the environment', () => {
    const enterprise = {
      ...environment,
      githubApiUrl: 'https://ghe.example/api/v3/',
      githubGraphqlUrl: 'https://ghe.example/api/graphql',
    }
    const settings = settingsOf({}, enterprise)
    expect(settings.llm.github.apiUrl).toBe('https://ghe.example/api/v3')
    expect(settings.target).toMatchObject({
      github: { apiUrl: 'https://ghe.example/api/v3', graphqlUrl: 'https://ghe.example/api/graphql' },
    })
  })

  it('needs a repository to commit to', () => {
    expect(problemsOfRefused({}, { ...environment, repository: undefined })).toEqual([
      expect.stringMatching(/"repository": is empty and GITHUB_REPOSITORY is not set/),
    ])
  })

  it('knows another repository, the pull-request branch and the workflow to dispatch', () => {
    const settings = settingsOf({
      repository: 'someone/blog',
      mode: 'pull-request',
      date: '2025-11-01..2025-11-30',
      'dispatch-workflow': '.github/workflows/pages-deploy.yml',
    })
    expect(settings.target).toEqual({
      mode: 'pull-request',
      github: expect.objectContaining({
        repository: { owner: 'someone', repo: 'blog' },
        otherRepository: true,
      }),
      workBranch: 'daily-papers/2025-11-01_2025-11-30',
    })
    expect(settingsOf({ 'dispatch-workflow': '.github/workflows/pages-deploy.yml' }).target).toMatchObject({
      mode: 'commit',
      github: { otherRepository: false },
      dispatchWorkflow: 'pages-deploy.yml',
    })
    expect(settingsOf({ mode: 'pull-request' }).target).toMatchObject({
      workBranch: 'daily-papers/2025-12-24',
    })
    // A period's own branch, the same all through a running week or month, never its first day's.
    expect(settingsOf({ mode: 'pull-request', digest: 'weekly' }).target).toMatchObject({
      workBranch: 'weekly-papers/2025-W52',
    })
    expect(settingsOf({ mode: 'pull-request', digest: 'monthly', date: '2025-11-03' }).target).toMatchObject({
      workBranch: 'monthly-papers/2025-11',
    })
  })

  it('does not need a token or a repository to write files', () => {
    expect(() =>
      parseSettings({ mode: 'files', token: '' }, { ...environment, repository: undefined }),
    ).not.toThrow()
  })
})
