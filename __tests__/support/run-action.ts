/**
 * Runs the bundled action (dist/index.js) the way a GitHub runner does: a separate node process, an
 * `INPUT_*` variable for every input with action.yml's defaults, `GITHUB_*` variables, and files for
 * `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`. The e2e project's globalSetup has made dist/ fresh.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export interface ActionRun {
  exitCode: number
  /** The signal that ended the process, as when the 60 s limit killed it; null when it exited. */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
  /** From starting the process to its exit: for the benchmark. */
  durationMs: number
}

export interface ActionRunOptions {
  inputs: Record<string, string>
  /** GITHUB_* and other variables; the runner's defaults for github.com otherwise. */
  env?: Record<string, string>
  /** Substituted for `${{ github.token }}`, as the runner does. */
  githubToken?: string
  workspace?: string
  /** The runner gone: the action's stdout is closed before it writes a line. */
  closeStdout?: boolean
}

const ACTION_ROOT = process.cwd()

let actionYmlRead: Promise<{ inputs: Record<string, { default?: string }> }> | undefined
/** action.yml, read once per test file: a file runs the action up to forty times. */
function actionYml() {
  actionYmlRead ??= readFile(resolve(ACTION_ROOT, 'action.yml'), 'utf8').then(
    (text) => parse(text) as { inputs: Record<string, { default?: string }> },
  )
  return actionYmlRead
}

let runnersFolder: string | undefined
/**
 * A run's temporary folder, in one folder that goes when the process exits (under jest, jest.config.js
 * removes every test's temporary folder): a test without a workspace of its own reads the files its run
 * wrote there after the run.
 */
function runnerTemp(): Promise<string> {
  if (runnersFolder === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'hf-daily-papers-runners-'))
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }))
    runnersFolder = folder
  }
  return mkdtemp(join(runnersFolder, 'runner-'))
}

export async function runAction({
  inputs,
  env = {},
  githubToken = '',
  workspace,
  closeStdout = false,
}: ActionRunOptions): Promise<ActionRun> {
  const action = await actionYml()
  for (const name of Object.keys(inputs)) {
    if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`)
  }
  const temp = await runnerTemp()
  const outputFile = join(temp, 'output')
  const summaryFile = join(temp, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const cwd = workspace ?? temp

  const inputVariables = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => {
      const value = inputs[name] ?? String(input.default ?? '').replace('${{ github.token }}', githubToken)
      return [`INPUT_${name.toUpperCase()}`, value]
    }),
  )
  let durationMs = 0
  const result = await new Promise<{
    code: number
    signal: NodeJS.Signals | null
    stdout: string
    stderr: string
  }>((done) => {
    const startedAt = Date.now()
    const child = execFile(
      process.execPath,
      [resolve(ACTION_ROOT, 'dist/index.js')],
      {
        cwd,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: cwd,
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          RUNNER_TEMP: temp,
          // jest.config.js sets it for the tests (a file runs the action up to forty times), never for
          // `npm run bench`, which times the bundle cold as a runner starts it.
          ...(process.env.NODE_COMPILE_CACHE && { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE }),
          ...env,
          ...inputVariables,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        durationMs = Date.now() - startedAt
        done({ code: error ? Number(error.code ?? 1) : 0, signal: error?.signal ?? null, stdout, stderr })
      },
    )
    if (closeStdout) child.stdout?.destroy()
  })
  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
  const summary = await readFile(summaryFile, 'utf8')
  if (workspace !== undefined) await rm(temp, { recursive: true, force: true })
  return {
    exitCode: result.code,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    summary,
    workspace: cwd,
    durationMs,
  }
}

/** `name<<DELIMITER\nvalue\nDELIMITER\n`, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string
  return outputs
}

/**
 * Everything a run left for people to read (log, summary, outputs), without the `::add-mask::` lines
 * that hand the runner its secrets: the runner consumes those and never shows them.
 */
export function everythingShown(run: ActionRun): string {
  const log = `${run.stdout}\n${run.stderr}`.replace(/^::add-mask::.*$/gm, '')
  return [log, run.summary, ...Object.values(run.outputs)].join('\n')
}
