import { posix, win32 } from 'node:path'
import type { Clock } from '../core/clock.js'
import { findControlCharacter } from '../core/control-characters.js'
import type { PathKind } from '../core/path-kind.js'
import { parseRepository, REPOSITORY_RULES } from './names.js'
import { parseHttpUrl, quote } from './schema.js'

/** The one GitHub whose token may go to GitHub Models. */
export const GITHUB_COM_API = 'https://api.github.com'

/** What the runner (or the CLI) tells besides the inputs, raw. */
export interface Environment {
  clock: Pick<Clock, 'now'>
  repository?: string
  /** GITHUB_WORKSPACE for the action, `--out` for the CLI. */
  workspace?: string
  githubApiUrl?: string
  githubGraphqlUrl?: string
  outputFile?: string
  summaryFile?: string
  /** Decides what a message advises; the action when absent. */
  caller?: 'action' | 'cli'
  /** Injected so that settings do no I/O; without it, no existence is checked. */
  pathKind?: (path: string) => PathKind
}

/** Every variable, whatever the mode: a bad URL fails here with its name, not later with a stack trace. */
export function checkEnvironment(environment: Environment, writesFiles: boolean) {
  const problems: string[] = []
  const problem = (variable: string, message: string) =>
    problems.push(`Environment variable ${variable}: ${message}`)

  const repositoryText = environment.repository?.trim() || undefined
  const repository = repositoryText === undefined ? undefined : parseRepository(repositoryText)
  if (repositoryText !== undefined && repository === undefined) {
    problem('GITHUB_REPOSITORY', `${quote(repositoryText)} is not a repository; ${REPOSITORY_RULES}`)
  }

  const url = (variable: string, value: string | undefined, fallback: string) => {
    if (!value?.trim()) return fallback
    const parsed = parseHttpUrl(value)
    if (typeof parsed === 'string') return parsed
    problem(variable, `${parsed.problem} (GitHub's API, e.g. https://api.github.com or https://HOST/api/v3)`)
    return fallback
  }
  const githubApiUrl = url('GITHUB_API_URL', environment.githubApiUrl, GITHUB_COM_API)
  const githubGraphqlUrl = url('GITHUB_GRAPHQL_URL', environment.githubGraphqlUrl, `${githubApiUrl}/graphql`)

  const file = (variable: string, value: string | undefined) => {
    if (!value) return undefined
    const wrong = pathProblem(value, environment.pathKind, 'file')
    if (wrong !== undefined) problem(variable, `${wrong}; the runner sets it to the file it reads back`)
    return value
  }
  const outputFile = file('GITHUB_OUTPUT', environment.outputFile)
  const summaryFile = file('GITHUB_STEP_SUMMARY', environment.summaryFile)

  const workspace = environment.workspace ?? ''
  if (writesFiles) {
    const isCli = environment.caller === 'cli'
    const wrong = workspace
      ? pathProblem(workspace, environment.pathKind, isCli ? 'folder' : 'existing folder')
      : 'is not set'
    if (wrong !== undefined) {
      if (isCli) problems.push(`--out: ${wrong}; give the folder to write the posts under`)
      else
        problem(
          'GITHUB_WORKSPACE',
          `${wrong}; files mode writes into the checked-out repository (run actions/checkout first)`,
        )
    }
  }
  return {
    facts: { repository, workspace, githubApiUrl, githubGraphqlUrl, outputFile, summaryFile },
    problems,
  }
}

export type RunnerFacts = ReturnType<typeof checkEnvironment>['facts']

function pathProblem(
  path: string,
  pathKind: Environment['pathKind'],
  expected: 'file' | 'folder' | 'existing folder',
): string | undefined {
  const control = findControlCharacter(path)
  if (control !== undefined)
    return `${quote(path)} has a control character (${control.codePoint}); a path is one line`
  if (!posix.isAbsolute(path) && !win32.isAbsolute(path)) return `${quote(path)} is not an absolute path`
  const kind = pathKind?.(path)
  if (expected === 'file' && kind === 'directory') return `${quote(path)} is a folder, not a file`
  if (expected !== 'file' && (kind === 'file' || kind === 'other')) return `${quote(path)} is not a folder`
  if (expected === 'existing folder' && kind === 'missing') return `${quote(path)} does not exist`
  return undefined
}

/** The one place that names the runner's variables. */
export function runnerEnvironment(
  variables: Record<string, string | undefined>,
): Omit<Environment, 'clock' | 'caller' | 'pathKind'> {
  return {
    repository: variables.GITHUB_REPOSITORY,
    workspace: variables.GITHUB_WORKSPACE,
    githubApiUrl: variables.GITHUB_API_URL,
    githubGraphqlUrl: variables.GITHUB_GRAPHQL_URL,
    outputFile: variables.GITHUB_OUTPUT,
    summaryFile: variables.GITHUB_STEP_SUMMARY,
  }
}
