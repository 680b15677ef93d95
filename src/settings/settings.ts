import { defaultTitle } from './titles.js'
import { type Field, type Language, type Style } from '../core/fields.js'
import { z } from '../core/zod.js'
import { formatDay, type WallTime } from '../core/calendar.js'
import { characterProblem } from './characters.js'
import { DIGEST_DEFAULTS, STYLE_DEFAULTS, type Digest } from './digest-defaults.js'
import { checkEnvironment, type Environment } from './environment.js'
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName, type RawInputs } from './inputs.js'
import { type LlmSettings } from './llm.js'

import { crossCheck } from './checks.js'
import { periodUpToToday } from './dates.js'
import { inputSchemas, type Parsed } from './input-schemas.js'
import type { EMPTY_DAY_POLICIES, OVERWRITE_POLICIES } from './input-schemas.js'
import { describeProblem } from './schema.js'
import { publishTarget, type PublishTarget } from './target.js'

export { DIGESTS } from './digest-defaults.js'
export type { Environment } from './environment.js'

/** Everything a run needs, parsed and checked once; nothing deeper reads inputs or the environment. */
export interface Settings {
  /** The first and last day to fetch: the day, the range, or the week or month up to today. */
  from: string
  to: string
  digest: Digest
  style: Style
  language: Language
  timezone: string
  postTime: WallTime
  /** Templates: `{date}` (a period's first day), `{from}`, `{to}`, `{week}`, `{month}`. */
  title: string
  categories: string[]
  tags: string[]
  author?: string
  permalink?: string
  /** Jekyll's `layout` for the post, for sites whose `_config.yml` sets none. */
  layout?: string
  /** Whether the front matter holds a `description` (home cards, link previews). */
  description: boolean
  /** Whether the front matter holds an `image`: the top paper's Hugging Face thumbnail. */
  image: boolean
  fields: Field[]
  /** A digest-style post shows this many papers in full, the rest one line each. */
  topPapers: number
  maxPapers?: number
  minUpvotes: number
  keywords: string[]
  emptyDay: (typeof EMPTY_DAY_POLICIES)[number]
  postsDir: string
  filename: string
  dataDir?: string
  /** Where the posts go: the mode, with what it needs (a commit mode: the token and the repository). */
  target: PublishTarget
  overwrite: (typeof OVERWRITE_POLICIES)[number]
  /** A daily digest also renders the posts of this many days before `from` again (see src/refresh). */
  refreshDays: number
  commitMessage: string
  hfToken?: string
  hfApiUrl: string
  /** The model layer, for the llm-summary and llm-title fields. */
  llm: LlmSettings
  /** GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, for messages about them. */
  outputFile?: string
  summaryFile?: string
}

/** Every bad input of a run, one message each, so the user fixes them all at once. */
export class SettingsError extends Error {
  override name = 'SettingsError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/**
 * Turns raw input strings and the runner's variables into Settings, or throws a SettingsError listing
 * every bad input and variable. An empty string means "not given": the default applies.
 */
export function parseSettings(raw: RawInputs, environment: Environment): Settings {
  // One reading of the clock: every input that names a day resolves it against the same today.
  const today = formatDay(environment.clock.now())
  const schemas = inputSchemas(today)
  const problems: string[] = []
  const parsed: Partial<Record<InputName, unknown>> = {}
  for (const name of INPUT_NAMES) {
    const given = raw[name]?.trim() ? raw[name] : INPUT_DEFAULTS[name]
    const characters = characterProblem(name, given)
    if (characters !== undefined) {
      problems.push(describeProblem(name, characters))
      continue
    }
    const result = (schemas[name] as z.ZodMiniType<unknown, string>).safeParse(given)
    if (result.success) parsed[name] = result.data
    else problems.push(...result.error.issues.map((issue) => describeProblem(name, issue.message)))
  }
  const values = parsed as Parsed
  const { facts, problems: environmentProblems } = checkEnvironment(environment, parsed.mode === 'files')
  problems.push(...environmentProblems)
  problems.push(...crossCheck(values, facts, environment))
  if (problems.length > 0) throw new SettingsError(problems)

  const defaults = DIGEST_DEFAULTS[values.digest]
  const styleDefaults = STYLE_DEFAULTS[values.style]
  const { from, to } =
    values.digest === 'daily' ? values.date : periodUpToToday(values.date.from, values.digest, today)
  return {
    from,
    to,
    digest: values.digest,
    style: values.style,
    language: values.language,
    timezone: values.timezone.trim(),
    postTime: values['post-time'],
    title: values.title.trim() || defaultTitle(values.digest, values.language),
    categories: values.categories.length > 0 ? values.categories : [...defaults.categories],
    tags: values.tags.length > 0 ? values.tags : [...defaults.tags],
    author: values.author,
    permalink: values.permalink,
    layout: values.layout,
    description: values.description ?? styleDefaults.description,
    image: values.image ?? styleDefaults.image,
    fields: [...new Set(values.fields.length > 0 ? values.fields : styleDefaults.fields)],
    topPapers: values['top-papers'] ?? Number(INPUT_DEFAULTS['top-papers']),
    maxPapers: values['max-papers'] ?? defaults.maxPapers,
    minUpvotes: values['min-upvotes'] ?? Number(INPUT_DEFAULTS['min-upvotes']),
    keywords: values.keywords,
    emptyDay: values['empty-day'],
    postsDir: values['posts-dir'] ?? INPUT_DEFAULTS['posts-dir'],
    filename: values.filename.trim() || defaults.filename,
    dataDir: values['data-dir'],
    target: publishTarget(values, facts, { from, to }),
    overwrite: values.overwrite,
    refreshDays: values['refresh-days'] ?? Number(INPUT_DEFAULTS['refresh-days']),
    commitMessage: values['commit-message'].trim(),
    hfToken: values['hf-token'],
    hfApiUrl: values['hf-api-url'],
    llm: {
      apiUrl: values['llm-api-url'],
      model: values['llm-model'],
      token: values['llm-token'],
      maxCalls: values['llm-max-calls'] ?? Number(INPUT_DEFAULTS['llm-max-calls']),
      github: { token: values.token, apiUrl: facts.githubApiUrl },
    },
    outputFile: facts.outputFile,
    summaryFile: facts.summaryFile,
  }
}
