import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings, SettingsError, type Environment } from '../../src/settings/settings.js'

/** The runner as the settings tests see it: a day in Seoul's morning, the reference blog's repository. */
export const environment: Environment = {
  now: new Date('2025-12-25T03:00:00Z'),
  repository: 'lim4349/lim4349.github.io',
  workspace: '/tmp/workspace',
}
/** A token, so that the default commit mode has what it needs. */
export const base: RawInputs = { token: 'ghs_secret' }

/** The problems the settings report for these inputs; none when they are accepted. */
export function problemsOf(raw: RawInputs, env: Environment = environment): string[] {
  try {
    parseSettings({ ...base, ...raw }, env)
  } catch (error) {
    if (error instanceof SettingsError) return error.problems
    throw error
  }
  return []
}
