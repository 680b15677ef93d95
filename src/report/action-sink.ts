import { errorMessage } from '../core/errors.js'
import type * as Core from '@actions/core'
import { format } from 'node:util'
import { encodeControlCharacters } from '../core/control-characters.js'
import { createRedactor } from '../core/redact.js'
import { neutraliseCommands } from '../core/workflow-commands.js'
import type { Log } from '../core/log.js'
import { escapeHtml } from './summary.js'

export type RunnerCore = Pick<
  typeof Core,
  'info' | 'warning' | 'notice' | 'setFailed' | 'setSecret' | 'group' | 'setOutput'
> & { summary: Pick<typeof Core.summary, 'addRaw' | 'write' | 'emptyBuffer'> }

export interface ActionSink extends Log {
  notice: (message: string) => void
  fail: (message: string) => void
  /** `file`: GITHUB_OUTPUT, named when it cannot be written (GITHUB_STEP_SUMMARY below). */
  setOutputs(outputs: Record<string, string>, file: string | undefined): void
  writeSummary(html: string, file: string | undefined): Promise<void>
}

/**
 * The one way out for the action's text: no secret or piece of one, no workflow command. Outputs and
 * the summary come after the work is done (a commit may have landed): failing to write them is a warning.
 */
export function createActionSink(core: RunnerCore, secrets: readonly string[]): ActionSink {
  for (const secret of secrets) core.setSecret(secret)
  const redact = createRedactor(secrets)
  // The summary is HTML: a secret may appear there with its `&`, `<`, `"`… escaped.
  const redactHtml = createRedactor([...secrets, ...secrets.map(escapeHtml)])
  const clean = (text: string) => neutraliseCommands(redact(text))
  const sink: ActionSink = {
    info: (message) => core.info(clean(message)),
    warning: (message) => core.warning(clean(message)),
    group: (name, work) => core.group(clean(name), work),
    notice: (message) => core.notice(clean(message)),
    fail: (message) => core.setFailed(clean(message)),
    setOutputs(outputs, file) {
      try {
        for (const [name, value] of Object.entries(outputs)) {
          core.setOutput(name, encodeControlCharacters(redact(value)))
        }
      } catch (error) {
        sink.warning(
          `Could not write the step's outputs to ${describeFile(file, 'GITHUB_OUTPUT')}: ${errorMessage(error)}. The run's work is done; later steps cannot read its outputs.`,
        )
      }
    },
    async writeSummary(html, file) {
      try {
        await core.summary.addRaw(redactHtml(html)).write()
      } catch (error) {
        core.summary.emptyBuffer()
        sink.warning(
          `Could not write the job summary to ${describeFile(file, 'GITHUB_STEP_SUMMARY')}: ${errorMessage(error)}. The run's work is done.`,
        )
      }
    },
  }
  return sink
}

export interface StrayOutlets {
  console: Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error'>
  process: Pick<NodeJS.EventEmitter, 'on'>
}

/**
 * What the libraries print and any uncaught error go through the sink too. The sink may itself print
 * through this console (`local-action` replaces @actions/core with console.log): its own text, already
 * clean, goes to the console as it was instead of round again for ever.
 */
export function routeStrayOutput(sink: ActionSink, outlets: StrayOutlets = { console, process }): void {
  let sending = false
  const send = (say: (message: string) => void, text: string) => {
    sending = true
    try {
      say(text)
    } finally {
      sending = false
    }
  }
  const target = outlets.console
  for (const method of ['log', 'info', 'debug', 'warn', 'error'] as const) {
    const before = target[method].bind(target)
    const say = method === 'warn' || method === 'error' ? sink.warning : sink.info
    target[method] = (...args: unknown[]) => (sending ? before(...args) : send(say, format(...args)))
  }
  const fail = (error: unknown) => send(sink.fail, errorMessage(error))
  outlets.process.on('uncaughtException', fail)
  outlets.process.on('unhandledRejection', fail)
}

function describeFile(file: string | undefined, variable: string): string {
  return file === undefined ? `the runner (${variable} is not set)` : `${file} (${variable})`
}
