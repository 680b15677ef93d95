/** How the settings tests parse inputs: on one runner, over a base that lets the default commit mode run. */
import type { RawInputs } from '../../src/settings/inputs.js'
import type { Environment } from '../../src/settings/environment.js'
import { parseSettings, SettingsError, type Settings } from '../../src/settings/settings.js'
import { clockAt } from '../support/test-clock.js'

/** The runner as the settings tests see it: a day in Seoul's morning, the reference blog's repository. */
export const environment: Environment = {
  clock: clockAt('2025-12-25T03:00:00Z'),
  repository: 'lim4349/lim4349.github.io',
  workspace: '/tmp/workspace',
}
/** A token, so that the default commit mode has what it needs. */
const base: RawInputs = { token: 'ghs_secret' }

/** The settings of these inputs over `base`. */
export function settingsOf(raw: RawInputs, env: Environment = environment): Settings {
  return parseSettings({ ...base, ...raw }, env)
}

/** The problems the settings report for these inputs over `over` (`base` by default); none when accepted. */
export function problemsOf(raw: RawInputs, env: Environment = environment, over: RawInputs = base): string[] {
  try {
    parseSettings({ ...over, ...raw }, env)
  } catch (error) {
    if (error instanceof SettingsError) return error.problems
    throw error
  }
  return []
}

/** The problems of inputs that must be refused: throws where they are accepted, so no test passes on none. */
export function problemsOfRefused(raw: RawInputs, env: Environment = environment): string[] {
  const problems = problemsOf(raw, env)
  if (problems.length === 0) throw new Error('expected a SettingsError')
  return problems
}
