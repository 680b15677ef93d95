import * as core from '@actions/core'
import type { Log } from './log.js'
import { runDigest } from './pipeline.js'
import { createPublisher } from './publish/index.js'
import { digestOutputs } from './report/outputs.js'
import { summaryHtml } from './report/summary.js'
import { INPUT_NAMES, type RawInputs } from './settings/inputs.js'
import { parseSettings } from './settings/settings.js'
import { createSource } from './source/index.js'

/** The action: inputs → settings → pipeline → outputs and job summary. The one place that fails the run. */
export async function run(): Promise<void> {
  try {
    const settings = parseSettings(readInputs(), {
      now: new Date(),
      repository: process.env.GITHUB_REPOSITORY,
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      githubApiUrl: process.env.GITHUB_API_URL,
      githubGraphqlUrl: process.env.GITHUB_GRAPHQL_URL,
    })
    const log = actionsLog()
    const result = await runDigest(settings, {
      source: createSource(settings),
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

function readInputs(): RawInputs {
  const inputs: RawInputs = {}
  for (const name of INPUT_NAMES) inputs[name] = core.getInput(name)
  return inputs
}

function actionsLog(): Log {
  return {
    info: core.info,
    warning: (message) => core.warning(message),
    group: (name, work) => core.group(name, work),
  }
}
