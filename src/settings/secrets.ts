import { inputVariable } from './inputs.js'

/** Inputs that hold secrets. */
export const SECRET_INPUTS: readonly string[] = ['token', 'hf-token', 'llm-token']
/** Variables the CLI takes tokens from when no flag gives them. */
const SECRET_VARIABLES = ['GITHUB_TOKEN', 'HF_TOKEN', 'LLM_TOKEN']

type Variables = Record<string, string | undefined>

/** The action's secrets: its token inputs as the runner passes them, read before anything is checked. */
export function actionSecrets(env: Variables): string[] {
  return distinct(SECRET_INPUTS.map((name) => env[inputVariable(name)]))
}

/** The CLI's secrets: its token flags and the tokens in its environment. */
export function cliSecrets(flags: Variables, env: Variables): string[] {
  return distinct([...SECRET_INPUTS.map((name) => flags[name]), ...SECRET_VARIABLES.map((name) => env[name])])
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.map((value) => value?.trim() ?? '').filter((value) => value !== ''))]
}
