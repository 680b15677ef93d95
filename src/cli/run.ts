import { errorMessage } from '../core/errors.js'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { systemClock } from '../core/clock.js'
import { pathKind } from '../core/path-kind.js'
import { createRedactor } from '../core/redact.js'
import { neutraliseCommands } from '../core/workflow-commands.js'
import type { Log } from '../core/log.js'
import { runDigest } from '../pipeline/run.js'
import { createDispatch, createPublisher } from '../publish/index.js'
import { digestOutputs } from '../report/result.js'
import { runnerEnvironment } from '../settings/environment.js'
import { cliSecrets, INPUT_DEFAULTS, INPUT_NAMES, type RawInputs } from '../settings/inputs.js'
import { parseSettings, SettingsError, type Settings } from '../settings/settings.js'
import { createFileSource, createSource } from '../source/index.js'
import { VERSION } from '../core/version.js'

interface ConsoleStreams {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /**
   * A dry run's post on stdout is the post as it is, for a file or a pipe; where a workflow's runner reads
   * it, a line of a paper's text could be a workflow command, so there it is neutralised too.
   */
  stdoutReadByRunner: boolean
}

const CLI_OPTIONS = {
  ...Object.fromEntries(INPUT_NAMES.map((name) => [name, { type: 'string' }])),
  out: { type: 'string' },
  input: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} satisfies ParseArgsOptionsConfig

/** Logs go to stderr, so that `--mode dry-run` prints only the post on stdout. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  streams: ConsoleStreams,
): Promise<number> {
  // Read loosely first, to know the tokens given as flags before any message could quote them.
  const { values: given, tokens } = parseArgs({
    args: argv,
    options: CLI_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const io = redacting(streams, cliSecrets(given as RawInputs, env))
  let flags
  try {
    // An argument that is no flag is not quoted: it may be a token whose flag went astray (`--token= ghp_…`).
    const stray = tokens.find((token) => token.kind === 'positional')
    if (stray !== undefined) {
      throw new Error(
        `argument ${stray.index + 1} is no flag and no flag's value (not shown: it may be a token); flags are --name value or --name=value`,
      )
    }
    const names = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []))
    const repeated = names.find((name, index) => names.indexOf(name) !== index)
    if (repeated !== undefined) throw new Error(`--${repeated} is given more than once; give it once`)
    flags = parseArgs({ args: argv, options: CLI_OPTIONS, strict: true, allowPositionals: false }).values
  } catch (error) {
    io.stderr(`hf-daily-papers: ${errorMessage(error)}\nRun hf-daily-papers --help for the options.\n`)
    return 1
  }
  const { out, input, help, version, ...inputs } = flags
  if (help || version) {
    io.stdout(help ? helpText() : `${VERSION}\n`)
    return 0
  }

  const raw: RawInputs = { mode: 'files', ...inputs }
  raw.token ||= env.GITHUB_TOKEN
  raw['hf-token'] ||= env.HF_TOKEN
  raw['llm-token'] ||= env.LLM_TOKEN
  // A saved response is one day: there is nothing to refresh earlier days from.
  if (input !== undefined) raw['refresh-days'] ??= '0'

  const log = consoleLog(io)
  try {
    const settings = parseSettings(raw, {
      ...runnerEnvironment(env),
      // The CLI writes no GitHub outputs or job summary, and writes under --out.
      outputFile: undefined,
      summaryFile: undefined,
      workspace: resolve(out ?? '.'),
      clock: systemClock,
      caller: 'cli',
      pathKind,
    })
    const problem = input === undefined ? undefined : savedDayProblem(settings, input)
    if (problem !== undefined) throw new Error(problem)
    const result = await runDigest(settings, {
      source: input === undefined ? createSource(settings, log.info) : createFileSource(input),
      publisher: createPublisher(settings, log, (text) => io.stdout(text)),
      dispatch: createDispatch(settings, log),
      log,
      clock: systemClock,
    })
    const outputs = digestOutputs(result)
    for (const [name, value] of Object.entries(outputs)) if (value !== '') log.info(`${name}: ${value}`)
    if (result.skipped !== undefined) log.info(`Nothing written: ${result.skipped}.`)
    if (result.failure === undefined) return 0
    io.stderr(`hf-daily-papers: ${result.failure.message}\n`)
    return 1
  } catch (error) {
    const problems = error instanceof SettingsError ? error.problems : [errorMessage(error)]
    for (const problem of problems) io.stderr(`hf-daily-papers: ${problem}\n`)
    return 1
  }
}

function savedDayProblem({ from, to, digest, refreshDays }: Settings, input: string): string | undefined {
  if (refreshDays > 0) {
    return `--input ${input} holds one saved day, so there are no earlier days to refresh; leave out --refresh-days (it is 0 with --input)`
  }
  if (from === to) return undefined
  const asked = digest === 'daily' ? '--date asks for' : `a ${digest} digest covers`
  const advice = digest === 'daily' ? '' : ' and --digest daily'
  return `--input ${input} holds one saved day, but ${asked} ${from}..${to}; give --date the day it was saved for${advice}`
}

/** stderr's lines also cannot act as workflow commands, in case the CLI runs in a workflow step. */
function redacting(streams: ConsoleStreams, secrets: string[]): ConsoleStreams {
  const redact = createRedactor(secrets)
  const neutraliseStdout = streams.stdoutReadByRunner ? neutraliseCommands : (text: string) => text
  return {
    ...streams,
    stdout: (text) => streams.stdout(neutraliseStdout(redact(text))),
    stderr: (text) => streams.stderr(neutraliseCommands(redact(text))),
  }
}

function consoleLog(io: ConsoleStreams): Log {
  return {
    info: (message) => io.stderr(`${message}\n`),
    warning: (message) => io.stderr(`warning: ${message}\n`),
    group: async (name, work) => {
      io.stderr(`== ${name}\n`)
      return work()
    },
  }
}

/** The flags with action.yml's descriptions, so that the two never tell different stories. */
function helpText(): string {
  const inputs = readActionInputs()
  const lines = [
    `hf-daily-papers ${VERSION}: publish Hugging Face Daily Papers as a Jekyll post`,
    '',
    'Usage: hf-daily-papers [--date yesterday] [--language en] [--out DIR] [--input FILE] [--mode files] …',
    '',
    '  --out DIR        where mode "files" writes (default: the current directory)',
    '  --input FILE     render a saved /api/daily_papers response instead of fetching',
    '  --help, --version',
    '',
    'Inputs (as in action.yml; mode defaults to "files" here; GITHUB_TOKEN, HF_TOKEN and LLM_TOKEN are read from the environment for --token, --hf-token and --llm-token):',
  ]
  for (const name of INPUT_NAMES) {
    const fallback = name === 'mode' ? 'files' : INPUT_DEFAULTS[name]
    lines.push(`  --${name}${fallback ? ` (default: ${fallback})` : ''}`)
    const description = inputs[name]?.description
    if (description) lines.push(`      ${description.split('\n')[0]}`)
  }
  return `${lines.join('\n')}\n`
}

/** None when action.yml is not beside dist/. */
function readActionInputs(): Record<string, { description?: string } | undefined> {
  try {
    const action = parseYaml(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs?: Record<string, { description?: string }>
    }
    return action.inputs ?? {}
  } catch {
    return {}
  }
}
