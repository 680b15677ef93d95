import type { Log } from './log.js'
import { actionInputs } from './settings/inputs.js'
import { parseSettings, type Settings } from './settings/settings.js'
import { createSource, fetchingAhead, type PaperSource } from './source/index.js'

type Stages = typeof import('./stages.js')

/**
 * The action: inputs → settings → pipeline → outputs and job summary. The one place that fails the run.
 * Settings and the Hugging Face client are all that loads before the first request leaves; the rest
 * of the action loads while it travels.
 */
export async function run(): Promise<void> {
  const begun = begin()
  // One turn of the event loop lets the connection open and the request leave before the import
  // below keeps the thread busy.
  await new Promise((resolve) => setImmediate(resolve))
  const { core, runDigest, createPublisher, digestOutputs, summaryHtml } = await import('./stages.js')
  try {
    if (begun instanceof Error) throw begun
    const { settings, source } = begun
    const log = actionsLog(core)
    const result = await runDigest(settings, {
      source,
      publisher: createPublisher(settings, log, core.info),
      log,
      now: () => new Date(),
    })
    for (const [name, value] of Object.entries(digestOutputs(result))) core.setOutput(name, value)
    if (result.skipped !== undefined) core.notice(`Nothing written: ${result.skipped}.`)
    await core.summary.addRaw(summaryHtml(result, settings)).write()
    if (result.failure !== undefined) core.setFailed(result.failure)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

/** The settings and a source already fetching the first day, or why the inputs were refused. */
function begin(): { settings: Settings; source: PaperSource } | Error {
  try {
    const settings = parseSettings(actionInputs(process.env), {
      now: new Date(),
      repository: process.env.GITHUB_REPOSITORY,
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      githubApiUrl: process.env.GITHUB_API_URL,
      githubGraphqlUrl: process.env.GITHUB_GRAPHQL_URL,
    })
    return { settings, source: fetchingAhead(createSource(settings), [settings.from]) }
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

function actionsLog(core: Stages['core']): Log {
  return {
    info: core.info,
    warning: (message) => core.warning(message),
    group: (name, work) => core.group(name, work),
  }
}
