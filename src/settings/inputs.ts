/** As action.yml declares them (a test keeps the two equal); those that depend on `digest` are empty. */
export const INPUT_DEFAULTS = {
  date: 'yesterday',
  digest: 'daily',
  style: 'digest',
  language: 'en',
  timezone: 'UTC',
  'post-time': '09:00',
  title: '',
  categories: '',
  tags: '',
  author: '',
  permalink: '',
  layout: '',
  description: '',
  image: '',
  fields: '',
  'top-papers': '5',
  'max-papers': '',
  'min-upvotes': '0',
  keywords: '',
  'empty-day': 'skip',
  repository: '',
  branch: '',
  'posts-dir': '_posts',
  filename: '',
  'data-dir': '',
  mode: 'commit',
  overwrite: 'changed',
  'refresh-days': '7',
  'commit-message': '',
  'dispatch-workflow': '',
  token: '',
  'hf-token': '',
  'hf-api-url': 'https://huggingface.co',
  'llm-api-url': 'https://models.github.ai/inference',
  'llm-model': 'openai/gpt-4.1-mini',
  'llm-token': '',
  // A day takes 1–2 model requests: this covers a few days of backfill and their retries.
  'llm-max-calls': '10',
} as const satisfies Record<string, string>

export type InputName = keyof typeof INPUT_DEFAULTS
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[]

/** A missing or empty one means "not given". */
export type RawInputs = Partial<Record<InputName, string>>

type Variables = Record<string, string | undefined>

/** In `INPUT_<NAME>` variables, as @actions/core's getInput reads them. */
export function actionInputs(env: Variables): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, env[inputVariable(name)] ?? '']))
}

/** `llm-token` → `INPUT_LLM-TOKEN`. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export const SECRET_INPUTS: readonly string[] = ['token', 'hf-token', 'llm-token']
/** Variables the CLI takes tokens from when no flag gives them. */
const SECRET_VARIABLES = ['GITHUB_TOKEN', 'HF_TOKEN', 'LLM_TOKEN']

/** Read before anything is checked. */
export function actionSecrets(env: Variables): string[] {
  return distinct(SECRET_INPUTS.map((name) => env[inputVariable(name)]))
}

export function cliSecrets(flags: Variables, env: Variables): string[] {
  return distinct([...SECRET_INPUTS.map((name) => flags[name]), ...SECRET_VARIABLES.map((name) => env[name])])
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.map((value) => value?.trim() ?? '').filter((value) => value !== ''))]
}
