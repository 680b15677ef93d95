import { posix } from 'node:path'
import { FIELDS, LANGUAGES, type Field, type Language } from '../digest/fields.js'
import { z } from '../zod.js'
import { addDays, daysBetween, isTimeZone, parseDay, periodOf, utcDay, type WallTime } from './calendar.js'
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName, type RawInputs } from './inputs.js'
import { unknownPlaceholders } from './template.js'

export const DIGESTS = ['daily', 'weekly', 'monthly'] as const
export const MODES = ['commit', 'pull-request', 'files', 'dry-run'] as const
export const EMPTY_DAY_POLICIES = ['skip', 'post', 'fail'] as const
export const OVERWRITE_POLICIES = ['changed', 'never'] as const

export type Mode = (typeof MODES)[number]

/** Everything a run needs, parsed and checked once; nothing deeper reads inputs or the environment. */
export interface Settings {
  /** The first and last day to fetch: the day, the range, or the week or month up to today. */
  from: string
  to: string
  digest: (typeof DIGESTS)[number]
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
  repository?: { owner: string; repo: string }
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
  commitMessage: string
  token?: string
  hfToken?: string
  hfApiUrl: string
  /** Where `files` mode writes: the runner's GITHUB_WORKSPACE or the CLI's `--out`. */
  workspace: string
  githubApiUrl: string
  githubGraphqlUrl: string
}

/** What the runner (or the CLI) tells about the world outside the inputs. */
export interface Environment {
  now: Date
  /** GITHUB_REPOSITORY */
  repository?: string
  workspace: string
  githubApiUrl?: string
  githubGraphqlUrl?: string
}

/** Every bad input of a run, one message each, so the user fixes them all at once. */
export class SettingsError extends Error {
  override name = 'SettingsError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

const MAX_RANGE_DAYS = 3 * 366
/** What an empty `title`, `filename` and `max-papers` mean for each kind of digest. */
const DIGEST_DEFAULTS = {
  daily: {
    title: 'Hugging Face Daily Papers - {date}',
    filename: '{date}-daily-papers.md',
    maxPapers: undefined,
  },
  weekly: {
    title: 'Hugging Face Weekly Papers - {week}',
    filename: '{date}-weekly-papers.md',
    maxPapers: 20,
  },
  monthly: {
    title: 'Hugging Face Monthly Papers - {month}',
    filename: '{date}-monthly-papers.md',
    maxPapers: 20,
  },
} as const

/** A raw input string turned into a value, or into the problem `reject` describes. */
const text = <T>(parse: (value: string, reject: (message: string) => never) => T) =>
  z.pipe(
    z.string(),
    z.transform((value: string, payload) =>
      parse(value, (message) => {
        payload.issues.push({ code: 'custom', message, input: value })
        return z.NEVER
      }),
    ),
  )

/** Comma- or newline-separated list, blanks dropped. */
const list = () =>
  text((value) =>
    value
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )

const optionalText = () => text((value) => value.trim() || undefined)

function wholeNumber(minimum: number) {
  return text((value, reject) => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < minimum) {
      return reject(`${quote(value)} is not a whole number ≥ ${minimum}`)
    }
    return Number(trimmed)
  })
}

/** A check that fails with the problem `findProblem` names, if it names one. */
function rule<T>(findProblem: (value: T) => string | undefined) {
  return z.superRefine<T>((value, context) => {
    const message = findProblem(value)
    if (message !== undefined) context.addIssue({ code: 'custom', message })
  })
}

function oneOf<const T extends readonly string[]>(values: T) {
  return z
    .string()
    .check(
      rule((value) =>
        values.includes(value)
          ? undefined
          : `${quote(value)} is not accepted; use one of: ${values.join(', ')}`,
      ),
    ) as unknown as z.ZodMiniType<T[number], string>
}

function template() {
  return z.string().check(
    rule((value) => {
      const unknown = unknownPlaceholders(value)
      if (unknown.length === 0) return undefined
      return `${quote(value)} names ${unknown.map((key) => `{${key}}`).join(', ')}; a template knows {date}, {from}, {to}, {week} and {month}`
    }),
  )
}

/** A folder below the repository root: relative, no `..`, normalised without `./` or trailing slashes. */
function folder() {
  return text((value, reject) => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    const normalised = posix.normalize(trimmed).replace(/\/+$/, '')
    if (
      trimmed.includes('\\') ||
      posix.isAbsolute(trimmed) ||
      normalised === '.' ||
      trimmed.split('/').includes('..')
    ) {
      return reject(
        `${quote(value)} must be a folder below the repository root, relative to it (e.g. _posts), without ".." or a leading "/"`,
      )
    }
    return normalised
  })
}

function httpUrl() {
  return text((value, reject) => {
    let url: URL | undefined
    try {
      url = new URL(value.trim())
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return reject(`${quote(value)} is not an http(s) URL`)
    }
    return url.href.replace(/\/+$/, '')
  })
}

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
      const trimmed = value.trim() || environment.repository?.trim() || ''
      if (trimmed === '') return undefined
      const match = /^([\w.-]+)\/([\w.-]+)$/.exec(trimmed)
      if (!match) {
        return reject(`${quote(trimmed)} is not a repository; use owner/name`)
      }
      return { owner: match[1] as string, repo: match[2] as string }
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
    filename: template().check(
      rule((value) => {
        const trimmed = value.trim()
        const isFileName =
          trimmed === '' ||
          (!trimmed.includes('/') && !trimmed.includes('\\') && /\.(md|markdown)$/.test(trimmed))
        if (isFileName) return undefined
        return `${quote(value)} must be a file name without folders ending in .md or .markdown (the folder is posts-dir)`
      }),
    ),
    'data-dir': folder(),
    mode: oneOf(MODES),
    overwrite: oneOf(OVERWRITE_POLICIES),
    'commit-message': template(),
    'dispatch-workflow': text((value, reject) => {
      const trimmed = value.trim().replace(/^\.github\/workflows\//, '')
      if (trimmed === '') return undefined
      if (!/^[\w.-]+\.ya?ml$/.test(trimmed) && !/^\d+$/.test(trimmed)) {
        return reject(
          `${quote(value)} is not a workflow file; give its file name in .github/workflows, e.g. pages-deploy.yml`,
        )
      }
      return trimmed
    }),
    token: optionalText(),
    'hf-token': optionalText(),
    'hf-api-url': httpUrl(),
  } satisfies Record<InputName, z.ZodMiniType<unknown, string>>
}

type Parsed = { [K in InputName]: z.output<ReturnType<typeof inputSchemas>[K]> }

/**
 * Turns raw input strings into Settings, or throws a SettingsError listing every bad input.
 * An empty string means "not given": the default applies.
 */
export function parseSettings(raw: RawInputs, environment: Environment): Settings {
  const schemas = inputSchemas(environment)
  const problems: string[] = []
  const parsed: Partial<Record<InputName, unknown>> = {}
  for (const name of INPUT_NAMES) {
    const given = raw[name]?.trim() ? (raw[name] as string) : INPUT_DEFAULTS[name]
    const result = (schemas[name] as z.ZodMiniType<unknown, string>).safeParse(given)
    if (result.success) parsed[name] = result.data
    else problems.push(...result.error.issues.map((issue) => describeProblem(name, issue.message)))
  }
  const values = parsed as Parsed
  problems.push(...crossCheck(values, problems.length === 0 ? undefined : parsed))
  if (problems.length > 0) throw new SettingsError(problems)

  const githubApiUrl = (environment.githubApiUrl || 'https://api.github.com').replace(/\/+$/, '')
  const defaults = DIGEST_DEFAULTS[values.digest]
  const { from, to } =
    values.digest === 'daily'
      ? values.date
      : periodUpToToday(values.date.from, values.digest, environment.now)
  return {
    from,
    to,
    digest: values.digest,
    language: values.language,
    timezone: values.timezone.trim(),
    postTime: values['post-time'],
    title: values.title.trim() || defaults.title,
    categories: values.categories,
    tags: values.tags,
    author: values.author,
    permalink: values.permalink,
    fields: [...new Set(values.fields)],
    maxPapers: values['max-papers'] ?? defaults.maxPapers,
    minUpvotes: values['min-upvotes'] ?? 0,
    keywords: values.keywords,
    emptyDay: values['empty-day'],
    repository: values.repository,
    otherRepository:
      values.repository !== undefined &&
      environment.repository !== undefined &&
      `${values.repository.owner}/${values.repository.repo}`.toLowerCase() !==
        environment.repository.toLowerCase(),
    branch: values.branch,
    pullRequestBranch: `daily-papers/${from === to ? from : `${from}_${to}`}`,
    dispatchWorkflow: values['dispatch-workflow'],
    postsDir: values['posts-dir'] ?? INPUT_DEFAULTS['posts-dir'],
    filename: values.filename.trim() || defaults.filename,
    dataDir: values['data-dir'],
    mode: values.mode,
    overwrite: values.overwrite,
    commitMessage: values['commit-message'].trim(),
    token: values.token,
    hfToken: values['hf-token'],
    hfApiUrl: values['hf-api-url'],
    workspace: environment.workspace,
    githubApiUrl,
    githubGraphqlUrl: environment.githubGraphqlUrl || `${githubApiUrl}/graphql`,
  }
}

/** Problems that involve more than one input; `partial` is set when some inputs already failed. */
function crossCheck(values: Parsed, partial: Partial<Record<InputName, unknown>> | undefined): string[] {
  const has = (name: InputName) => partial === undefined || name in partial
  const problems: string[] = []
  if (has('digest') && has('date') && values.digest !== 'daily' && values.date.from !== values.date.to) {
    problems.push(
      describeProblem(
        'date',
        `a ${values.digest} digest takes one day and covers the ${values.digest === 'weekly' ? 'ISO week' : 'month'} that contains it; give one day, not a range`,
      ),
    )
  }
  if (has('mode') && (values.mode === 'commit' || values.mode === 'pull-request')) {
    if (has('token') && values.token === undefined) {
      problems.push(
        describeProblem(
          'token',
          `is empty, but mode "${values.mode}" needs a GitHub token; the default \${{ github.token }} works with \`permissions: contents: write\``,
        ),
      )
    }
    if (has('repository') && values.repository === undefined) {
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

/** git's rules for ref names, the parts a user can trip over. */
function isBranchName(name: string): boolean {
  return (
    !/[\s~^:?*[\\]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$/.test(name) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(name)
  )
}

function describeProblem(name: InputName, message: string): string {
  return `Input "${name}": ${message}`
}

function quote(value: unknown): string {
  const shown = String(value)
  return JSON.stringify(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown)
}
