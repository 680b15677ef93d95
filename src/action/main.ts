import { errorMessage } from '../core/errors.js'
import { systemClock } from '../core/clock.js'
import { pathKind } from '../core/path-kind.js'
import { createActionSink, routeStrayOutput } from '../report/action-sink.js'
import { runnerEnvironment } from '../settings/environment.js'
import { actionInputs } from '../settings/inputs.js'
import { actionSecrets } from '../settings/secrets.js'
import { parseSettings, type Settings } from '../settings/settings.js'
import { createSource, fetchingAhead, type PaperSource } from '../source/index.js'

/**
 * The action: inputs → settings → pipeline → outputs and job summary. The one place that fails the run,
 * and the only reader of process.env. Settings and the Hugging Face client are all that loads before the
 * first request leaves; the rest of the action loads while it travels.
 */
export async function run(): Promise<void> {
  // A rate-limit wait can be announced before the sink below exists: its lines wait for the sink.
  const early: string[] = []
  let tell: (line: string) => void = (line) => void early.push(line)
  const begun = begin(process.env, (line) => tell(line))
  // One turn of the event loop lets the connection open and the request leave before the imports
  // below keep the thread busy.
  await new Promise((resolve) => setImmediate(resolve))
  const core = await import('@actions/core')
  // Before anything is logged: the runner learns the secrets, and every line goes through the sink.
  const sink = createActionSink(core, actionSecrets(process.env))
  routeStrayOutput(sink)
  early.forEach((line) => sink.info(line))
  tell = sink.info
  try {
    if (begun instanceof Error) throw begun
    const { settings, source } = begun
    // Only now: @actions/github reads GITHUB_API_URL as it loads, which the settings have checked.
    const { runDigest, createPublisher, createDispatch, digestOutputs, summaryHtml } =
      await import('./deferred.js')
    const result = await runDigest(settings, {
      source,
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

/** The settings and a source already fetching the first day, or why the inputs were refused. */
function begin(
  env: NodeJS.ProcessEnv,
  onRateLimitWait: (line: string) => void,
): { settings: Settings; source: PaperSource } | Error {
  try {
    const settings = parseSettings(actionInputs(env), {
      ...runnerEnvironment(env),
      clock: systemClock,
      pathKind,
    })
    return { settings, source: fetchingAhead(createSource(settings, onRateLimitWait), [settings.from]) }
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}
