import { FIELDS, LANGUAGES, type Field, type Language } from '../digest/fields.js'
import { z } from '../zod.js'
import {
  addDays,
  daysBetween,
  eachDay,
  isTimeZone,
  parseDay,
  periodOf,
  utcDay,
  type WallTime,
} from './calendar.js'
import { characterProblem } from './characters.js'
import { DIGEST_DEFAULTS, DIGESTS, type Digest } from './digest-defaults.js'
import { checkEnvironment, type Environment, type RunnerFacts } from './environment.js'
import {
  isBranchName,
  parseRepository,
  parseWorkflow,
  REPOSITORY_RULES,
  type Repository,
} from './github-names.js'
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName, type RawInputs } from './inputs.js'
import { llmInputSchemas, type LlmSettings } from './llm.js'
import { fileNameProblem, folder } from './paths.js'
import { httpUrl, list, oneOf, optionalText, quote, rule, template, text, wholeNumber } from './schema.js'
import { sharedName } from './template.js'

export { DIGESTS } from './digest-defaults.js'
export type { Environment, PathKind } from './environment.js'
export type { LlmSettings } from './llm.js'
export const MODES = ['commit', 'pull-request', 'files', 'dry-run'] as const
export const EMPTY_DAY_POLICIES = ['skip', 'post', 'fail'] as const
export const OVERWRITE_POLICIES = ['changed', 'never'] as const

export type Mode = (typeof MODES)[number]

/** Everything a run needs, parsed and checked once; nothing deeper reads inputs or the environment. */
export interface Settings {
  /** The first and last day to fetch: the day, the range, or the week or month up to today. */
  from: string
  to: string
  digest: Digest
  language: Language
  timezone: string
  postTime: WallTime
  /** Templates: `{date}` (a period's first day), `{from}`, `{to}`, `{week}`, `{month}`. */
  title: string
  categories: string[]
  tags: string[]
  author?: string
  permalink?: string
  fields: Field[]
  maxPapers?: number
  minUpvotes: number
  keywords: string[]
  emptyDay: (typeof EMPTY_DAY_POLICIES)[number]
  repository?: Repository
  /** True when `repository` names another repository than the workflow's own. */
  otherRepository: boolean
  branch?: string
  /** pull-request mode's work branch: `daily-papers/{from}` (or `…/{from}_{to}` for a range). */
  pullRequestBranch: string
  dispatchWorkflow?: string
  postsDir: string
  filename: string
  dataDir?: string
  mode: Mode
  overwrite: (typeof OVERWRITE_POLICIES)[number]
  /** A daily digest also renders the posts of this many days before `from` again (see src/refresh). */
  refreshDays: number
  commitMessage: string
  token?: string
  hfToken?: string
  hfApiUrl: string
  /** The model layer, for the llm-summary and llm-title fields. */
  llm: LlmSettings
  /** Where `files` mode writes: the runner's GITHUB_WORKSPACE or the CLI's `--out` (empty when unused). */
  workspace: string
  githubApiUrl: string
  githubGraphqlUrl: string
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

const MAX_RANGE_DAYS = 3 * 366
/** Upvotes settle within one to two weeks; a month of requests a day is still far below Hugging Face's limit. */
const MAX_REFRESH_DAYS = 30

/** Each input's schema, from its raw string to its typed value. */
function inputSchemas(environment: Environment) {
  const today = utcDay(environment.now)
  return {
    date: text((value, reject) => {
      const range = resolveDates(value.trim(), today)
      return typeof range === 'string' ? reject(range) : range
    }),
    digest: oneOf(DIGESTS),
    language: oneOf(LANGUAGES),
    timezone: z
      .string()
      .check(
        rule((value) =>
          isTimeZone(value.trim())
            ? undefined
            : `${quote(value)} is not an IANA time zone; use e.g. UTC, Asia/Seoul or America/New_York`,
        ),
      ),
    'post-time': text((value, reject) => {
      const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim())
      if (!match) {
        return reject(`${quote(value)} is not a time; use HH:MM, e.g. 09:00`)
      }
      return { hour: Number(match[1]), minute: Number(match[2]) }
    }),
    title: template(),
    categories: list(),
    tags: list(),
    author: optionalText(),
    permalink: z.pipe(
      template(),
      z.transform((value) => value.trim() || undefined),
    ),
    fields: list().check(
      rule((values) => {
        const unknown = values.filter((value) => !(FIELDS as readonly string[]).includes(value))
        if (unknown.length === 0) return undefined
        return `${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'}; use any of: ${FIELDS.join(', ')}`
      }),
    ) as unknown as z.ZodMiniType<Field[], string>,
    'max-papers': wholeNumber(1),
    'min-upvotes': wholeNumber(0),
    keywords: list(),
    'empty-day': oneOf(EMPTY_DAY_POLICIES),
    repository: text((value, reject) => {
      const trimmed = value.trim()
      if (trimmed === '') return undefined
      return parseRepository(trimmed) ?? reject(`${quote(value)} is not a repository; ${REPOSITORY_RULES}`)
    }),
    branch: text((value, reject) => {
      const trimmed = value.trim().replace(/^refs\/heads\//, '')
      if (trimmed === '') return undefined
      if (!isBranchName(trimmed)) {
        return reject(`${quote(value)} is not a valid branch name`)
      }
      return trimmed
    }),
    'posts-dir': folder(),
    filename: template().check(rule(fileNameProblem)),
    'data-dir': folder(),
    mode: oneOf(MODES),
    overwrite: oneOf(OVERWRITE_POLICIES),
    'refresh-days': wholeNumber(0, MAX_REFRESH_DAYS),
    'commit-message': template(),
    'dispatch-workflow': text((value, reject) => {
      if (value.trim() === '') return undefined
      const workflow = parseWorkflow(value)
      return typeof workflow === 'string' ? workflow : reject(workflow.problem)
    }),
    token: optionalText(),
    'hf-token': optionalText(),
    'hf-api-url': httpUrl(),
    ...llmInputSchemas(),
  } satisfies Record<InputName, z.ZodMiniType<unknown, string>>
}

type Parsed = { [K in InputName]: z.output<ReturnType<typeof inputSchemas>[K]> }

/**
 * Turns raw input strings and the runner's variables into Settings, or throws a SettingsError listing
 * every bad input and variable. An empty string means "not given": the default applies.
 */
export function parseSettings(raw: RawInputs, environment: Environment): Settings {
  const schemas = inputSchemas(environment)
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
  problems.push(...crossCheck(values, problems.length === 0 ? undefined : parsed, facts, environment))
  if (problems.length > 0) throw new SettingsError(problems)

  const defaults = DIGEST_DEFAULTS[values.digest]
  const { from, to } =
    values.digest === 'daily'
      ? values.date
      : periodUpToToday(values.date.from, values.digest, environment.now)
  const repository = values.repository ?? facts.repository
  return {
    from,
    to,
    digest: values.digest,
    language: values.language,
    timezone: values.timezone.trim(),
    postTime: values['post-time'],
    title: values.title.trim() || defaults.title,
    categories: values.categories.length > 0 ? values.categories : [...defaults.categories],
    tags: values.tags.length > 0 ? values.tags : [...defaults.tags],
    author: values.author,
    permalink: values.permalink,
    fields: [...new Set(values.fields)],
    maxPapers: values['max-papers'] ?? defaults.maxPapers,
    minUpvotes: values['min-upvotes'] ?? 0,
    keywords: values.keywords,
    emptyDay: values['empty-day'],
    repository,
    otherRepository:
      repository !== undefined &&
      facts.repository !== undefined &&
      `${repository.owner}/${repository.repo}`.toLowerCase() !==
        `${facts.repository.owner}/${facts.repository.repo}`.toLowerCase(),
    branch: values.branch,
    pullRequestBranch: `daily-papers/${from === to ? from : `${from}_${to}`}`,
    dispatchWorkflow: values['dispatch-workflow'],
    postsDir: values['posts-dir'] ?? INPUT_DEFAULTS['posts-dir'],
    filename: values.filename.trim() || defaults.filename,
    dataDir: values['data-dir'],
    mode: values.mode,
    overwrite: values.overwrite,
    refreshDays: values['refresh-days'] ?? 0,
    commitMessage: values['commit-message'].trim(),
    token: values.token,
    hfToken: values['hf-token'],
    hfApiUrl: values['hf-api-url'],
    llm: {
      apiUrl: values['llm-api-url'],
      model: values['llm-model'],
      token: values['llm-token'],
      maxCalls: values['llm-max-calls'] ?? Number(INPUT_DEFAULTS['llm-max-calls']),
    },
    workspace: facts.workspace,
    githubApiUrl: facts.githubApiUrl,
    githubGraphqlUrl: facts.githubGraphqlUrl,
    outputFile: facts.outputFile,
    summaryFile: facts.summaryFile,
  }
}

/** Problems that involve more than one input; `partial` is set when some inputs already failed. */
function crossCheck(
  values: Parsed,
  partial: Partial<Record<InputName, unknown>> | undefined,
  facts: RunnerFacts,
  environment: Environment,
): string[] {
  const has = (...names: InputName[]) => names.every((name) => partial === undefined || name in partial)
  const problems: string[] = []
  if (has('digest', 'date') && values.digest !== 'daily' && values.date.from !== values.date.to) {
    problems.push(
      describeProblem(
        'date',
        `a ${values.digest} digest takes one day and covers the ${values.digest === 'weekly' ? 'ISO week' : 'month'} that contains it; give one day, not a range`,
      ),
    )
  }
  if (has('digest', 'date', 'filename', 'permalink') && values.digest === 'daily') {
    problems.push(...sharedNames(values, eachDay(values.date.from, values.date.to)))
  }
  if (has('mode') && (values.mode === 'commit' || values.mode === 'pull-request')) {
    if (has('token') && values.token === undefined) {
      const advice =
        environment.caller === 'cli'
          ? 'set GITHUB_TOKEN (or pass --token) to a token that can write to the repository'
          : 'the default ${{ github.token }} works with `permissions: contents: write`'
      problems.push(
        describeProblem('token', `is empty, but mode "${values.mode}" needs a GitHub token; ${advice}`),
      )
    }
    if (has('repository') && values.repository === undefined && facts.repository === undefined) {
      problems.push(
        describeProblem(
          'repository',
          'is empty and GITHUB_REPOSITORY is not set; give the blog as owner/name',
        ),
      )
    }
  }
  return problems
}

/** A daily range whose `filename` or `permalink` gives two days one file or one URL: one post would be lost. */
function sharedNames(values: Parsed, days: string[]): string[] {
  const filename = values.filename.trim() || DIGEST_DEFAULTS.daily.filename
  const checks = [
    { name: 'filename' as const, template: filename, what: 'file', example: DIGEST_DEFAULTS.daily.filename },
    {
      name: 'permalink' as const,
      template: values.permalink,
      what: 'URL',
      example: '/posts/daily-papers-{date}/',
    },
  ]
  return checks.flatMap(({ name, template, what, example }) => {
    const shared = template === undefined ? undefined : sharedName(template, days)
    if (shared === undefined) return []
    const [first, second] = shared.days
    return [
      describeProblem(
        name,
        `${quote(template)} gives the posts of ${first} and ${second} the same ${what}, ${quote(shared.name)}, so one would replace the other; put {date} in it for a range of days, e.g. ${example}`,
      ),
    ]
  })
}

/** The week or month containing `day`, without the days that have not come yet (Hugging Face refuses them). */
function periodUpToToday(day: string, digest: 'weekly' | 'monthly', now: Date): { from: string; to: string } {
  const period = periodOf(day, digest)
  const today = utcDay(now)
  return { from: period.from, to: period.to > today ? today : period.to }
}

/** `YYYY-MM-DD`, `today`, `yesterday` or `FROM..TO`, resolved against today's UTC day; a string is a problem. */
function resolveDates(value: string, today: string): { from: string; to: string } | string {
  const accepted = 'use today, yesterday, YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD'
  const [fromText, toText, ...rest] = value.split('..')
  if (fromText === undefined || rest.length > 0) return `${quote(value)} is not a date; ${accepted}`
  const resolve = (day: string) => (day === 'today' ? today : day === 'yesterday' ? addDays(today, -1) : day)
  const from = resolve(fromText.trim())
  const to = toText === undefined ? from : resolve(toText.trim())
  for (const day of new Set([from, to])) {
    if (parseDay(day) === undefined) return `${quote(day)} is not a date; ${accepted}`
    if (day > today) {
      return `${day} is after today (${today}, the UTC day Hugging Face is on); there are no papers for it yet`
    }
  }
  if (from > to) return `${quote(value)} ends before it starts; write the earlier day first`
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
    return `${quote(value)} spans more than ${MAX_RANGE_DAYS} days; split the backfill into smaller ranges`
  }
  return { from, to }
}

function describeProblem(name: InputName, message: string): string {
  return `Input "${name}": ${message}`
}
