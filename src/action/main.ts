import { group, info, notice, setFailed, setOutput, setSecret, summary, warning } from '@actions/core'
import { exitWhenOutputCloses } from '../core/closed-output.js'
import { errorMessage } from '../core/errors.js'
import { systemClock } from '../core/clock.js'
import { pathKind } from '../core/path-kind.js'
import { runDigest } from '../pipeline/run.js'
import { createDispatch, createPublisher } from '../publish/index.js'
import { createActionSink, routeStrayOutput } from '../report/action-sink.js'
import { digestOutputs } from '../report/result.js'
import { summaryHtml } from '../report/summary.js'
import { runnerEnvironment } from '../settings/environment.js'
import { actionInputs, actionSecrets } from '../settings/inputs.js'
import { parseSettings } from '../settings/settings.js'
import { createSource } from '../source/index.js'

/** The one place that fails the run (through the sink, which hides the secrets), and reads process.env. */
async function run(): Promise<void> {
  // Before anything is logged: the runner learns the secrets, and every line goes through the sink.
  // Named, not the module: the bundle then leaves out what the action never calls (OIDC and its HTTP client).
  const runner = { group, info, notice, setFailed, setOutput, setSecret, summary, warning }
  const sink = createActionSink(runner, actionSecrets(process.env))
  routeStrayOutput(sink)
  try {
    const settings = parseSettings(actionInputs(process.env), {
      ...runnerEnvironment(process.env),
      clock: systemClock,
      pathKind,
    })
    const result = await runDigest(settings, {
      source: createSource(settings, sink.info),
      publisher: createPublisher(settings, sink, sink.info),
      dispatch: createDispatch(settings, sink),
      log: sink,
      clock: systemClock,
    })
    sink.setOutputs(digestOutputs(result), settings.outputFile)
    if (result.skipped !== undefined) sink.notice(`Nothing written: ${result.skipped}.`)
    await sink.writeSummary(summaryHtml(result, settings), settings.summaryFile)
    if (result.failure !== undefined) sink.fail(result.failure.message)
  } catch (error) {
    sink.fail(errorMessage(error))
  }
}

// A run whose log is gone is cut short, not a success.
exitWhenOutputCloses(1)
await run()
