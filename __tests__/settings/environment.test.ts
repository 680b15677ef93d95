import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathKind } from '../../src/core/path-kind.js'
import { runnerEnvironment, type Environment } from '../../src/settings/environment.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import { problemsOf } from './parse.js'
import { clockAt } from '../support/test-clock.js'

/** The runner's variables, checked whatever the mode, each problem naming its variable. */
const folder = mkdtempSync(join(tmpdir(), 'environment-'))
const file = join(folder, 'output')
writeFileSync(file, '')
const runner = {
  GITHUB_REPOSITORY: 'octo/blog',
  GITHUB_WORKSPACE: folder,
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
  GITHUB_OUTPUT: file,
  GITHUB_STEP_SUMMARY: file,
}
const clock = clockAt('2025-12-25T03:00:00Z')
const environmentOf = (variables: Record<string, string | undefined>): Environment => ({
  ...runnerEnvironment({ ...runner, ...variables }),
  clock,
  pathKind,
})

/** What the inputs here go over: a day, and no token, unlike the shared `base` (see the CLI test below). */
const withoutToken: RawInputs = { date: '2025-12-24' }

describe('the runner’s variables', () => {
  it('are accepted as a runner sets them, and carried into the settings', () => {
    const settings = parseSettings({ mode: 'files' }, environmentOf({}))
    expect(settings).toMatchObject({
      target: { mode: 'files', workspace: folder },
      outputFile: file,
      summaryFile: file,
      llm: { github: { apiUrl: 'https://api.github.com' } },
    })
  })

  it.each([
    [
      'GITHUB_API_URL',
      'not a url',
      /^Environment variable GITHUB_API_URL: "not a url" is not an http\(s\) URL; use e\.g\. https:\/\/example\.com \(GitHub's API, e\.g\. https:\/\/api\.github\.com or https:\/\/HOST\/api\/v3\)$/,
    ],
    [
      'GITHUB_GRAPHQL_URL',
      'ftp://ghe.example/graphql',
      /^Environment variable GITHUB_GRAPHQL_URL: "ftp:\/\/ghe\.example\/graphql" is not an http\(s\) URL/,
    ],
    [
      'GITHUB_API_URL',
      'https://x:secret@ghe.example/api/v3',
      /^Environment variable GITHUB_API_URL: is a URL with a user name or password in it/,
    ],
    [
      'GITHUB_REPOSITORY',
      'nonsense',
      /^Environment variable GITHUB_REPOSITORY: "nonsense" is not a repository; use owner\/name: /,
    ],
    [
      'GITHUB_REPOSITORY',
      'octo/..',
      /^Environment variable GITHUB_REPOSITORY: "octo\/\.\." is not a repository/,
    ],
    [
      'GITHUB_OUTPUT',
      'relative/output',
      /^Environment variable GITHUB_OUTPUT: "relative\/output" is not an absolute path; the runner sets it to the file it reads back$/,
    ],
    ['GITHUB_OUTPUT', folder, /^Environment variable GITHUB_OUTPUT: ".*" is a folder, not a file/],
    [
      'GITHUB_STEP_SUMMARY',
      `${file}\n::add-mask::x`,
      /^Environment variable GITHUB_STEP_SUMMARY: ".*\\n::add-mask::x" has a control character \(U\+000A\); a path is one line/,
    ],
  ])('refuse a bad %s even in dry-run, with a clear message', (variable, value, message) => {
    const problems = problemsOf({ mode: 'dry-run' }, environmentOf({ [variable]: value }), withoutToken)
    expect(problems).toEqual([expect.stringMatching(message)])
    expect(problems[0]).not.toContain('secret')
  })

  it.each([
    [
      undefined,
      /^Environment variable GITHUB_WORKSPACE: is not set; files mode writes into the checked-out repository \(run actions\/checkout first\)$/,
    ],
    ['workspace', /^Environment variable GITHUB_WORKSPACE: "workspace" is not an absolute path/],
    [join(folder, 'missing'), /^Environment variable GITHUB_WORKSPACE: ".*missing" does not exist/],
    [file, /^Environment variable GITHUB_WORKSPACE: ".*output" is not a folder/],
  ])('refuse GITHUB_WORKSPACE %j in files mode only', (workspace, message) => {
    const environment = environmentOf({ GITHUB_WORKSPACE: workspace })
    expect(problemsOf({ mode: 'files' }, environment, withoutToken)).toEqual([expect.stringMatching(message)])
    expect(problemsOf({ mode: 'dry-run' }, environment, withoutToken)).toEqual([])
  })

  it('are reported together with the bad inputs, all at once', () => {
    const problems = problemsOf(
      { mode: 'files', language: 'klingon' },
      environmentOf({ GITHUB_API_URL: '::', GITHUB_WORKSPACE: undefined }),
      withoutToken,
    )
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'Input "language"',
      'Environment variable GITHUB_API_URL',
      'Environment variable GITHUB_WORKSPACE',
    ])
  })
})

describe('the CLI', () => {
  const cli = (variables: Record<string, string | undefined>, out = folder): Environment => ({
    ...environmentOf(variables),
    outputFile: undefined,
    summaryFile: undefined,
    workspace: out,
    caller: 'cli',
  })

  it('asks for GITHUB_TOKEN, not a workflow expression, when commit mode has no token', () => {
    const problems = problemsOf({ mode: 'commit' }, cli({}), withoutToken)
    expect(problems).toEqual([
      'Input "token": is empty, but mode "commit" needs a GitHub token; set GITHUB_TOKEN (or pass --token) to a token that can write to the repository',
    ])
  })

  it('writes under an --out folder that does not exist yet, but not under a file', () => {
    expect(problemsOf({ mode: 'files' }, cli({}, join(folder, 'new')), withoutToken)).toEqual([])
    expect(problemsOf({ mode: 'files' }, cli({}, file), withoutToken)).toEqual([
      expect.stringMatching(/^--out: ".*output" is not a folder; give the folder to write the posts under$/),
    ])
  })
})
