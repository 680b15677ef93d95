import { z } from '../core/zod.js'
import { isLoopback } from '../core/http/loopback.js'
import { formatDay, isoWeek, periodOf } from '../core/calendar.js'
import { DIGEST_DEFAULTS, STYLE_DEFAULTS, TITLES, type Digest } from './digest-defaults.js'
import { checkEnvironment, type Environment, type RunnerFacts } from './environment.js'
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName, type RawInputs } from './inputs.js'
import { inputSchemas, type Parsed } from './input-schemas.js'
import { postNameProblems, type Repository } from './names.js'
import { characterProblem, describeProblem, quote } from './schema.js'

/** Parsed and checked once; nothing deeper reads inputs or the environment. */
export type Settings = ReturnType<typeof parseSettings>

/** Every bad input, one message each, so the user fixes them all at once. */
export class SettingsError extends Error {
  override name = 'SettingsError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/** An empty input means "not given": the default applies. */
export function parseSettings(raw: RawInputs, environment: Environment) {
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
  problems.push(...environmentProblems, ...crossCheck(values, facts, environment))
  if (problems.length > 0) throw new SettingsError(problems)

  const { digest, language, style } = values
  const defaults = DIGEST_DEFAULTS[digest]
  const styleDefaults = STYLE_DEFAULTS[style]
  // A week or a month up to today: Hugging Face refuses the days that have not come yet.
  const { from, to: end } = digest === 'daily' ? values.date : periodOf(values.date.from, digest)
  const to = end > today ? today : end
  return {
    from,
    to,
    digest,
    style,
    language,
    timezone: values.timezone,
    postTime: values['post-time'],
    /** Templates: `{date}` (a period's first day), `{from}`, `{to}`, `{week}`, `{month}`. */
    title: values.title.trim() || (TITLES[language]?.[digest] ?? defaults.title),
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
    target: publishTarget(values, facts, workBranch(digest, from, to)),
    overwrite: values.overwrite,
    refreshDays: values['refresh-days'] ?? Number(INPUT_DEFAULTS['refresh-days']),
    commitMessage: values['commit-message'].trim() || defaults.commitMessage,
    hfToken: values['hf-token'],
    hfApiUrl: values['hf-api-url'],
    llm: {
      apiUrl: values['llm-api-url'],
      model: values['llm-model'],
      /** Without it only GitHub Models is asked, with the `token` input. */
      token: values['llm-token'],
      maxCalls: values['llm-max-calls'] ?? Number(INPUT_DEFAULTS['llm-max-calls']),
      /** The `token` input and the GitHub it belongs to: GitHub Models takes it only from github.com. */
      github: { token: values.token, apiUrl: facts.githubApiUrl },
    },
    outputFile: facts.outputFile,
    summaryFile: facts.summaryFile,
  }
}

/** Each check runs only when all of its inputs parsed. */
function crossCheck(values: Parsed, facts: RunnerFacts, environment: Environment): string[] {
  const has = (...names: InputName[]) => names.every((name) => name in values)
  const problems: string[] = []
  const problem = (name: InputName, message: string) => problems.push(describeProblem(name, message))
  if (has('digest', 'date') && values.digest !== 'daily' && values.date.from !== values.date.to) {
    const period = values.digest === 'weekly' ? 'ISO week' : 'month'
    problem(
      'date',
      `a ${values.digest} digest takes one day and covers the ${period} that contains it; give one day, not a range`,
    )
  }
  if (has('digest', 'date', 'filename', 'permalink')) problems.push(...postNameProblems(values))
  for (const [url, token, variable] of [
    ['hf-api-url', 'hf-token', 'HF_TOKEN'],
    ['llm-api-url', 'llm-token', 'LLM_TOKEN'],
  ] as const) {
    if (has(url, token) && values[token] !== undefined && sentInTheClear(values[url])) {
      // The command line takes the token from the environment too, where a person may have left it.
      const given = environment.caller === 'cli' ? `${token} (--${token} or ${variable})` : token
      // Its host only: a path may hold a key too, and a quote cut at 80 characters would show its start.
      const parsed = URL.parse(values[url])
      const shown = parsed ? `${parsed.origin}${parsed.pathname.length > 1 ? '/…' : ''}` : 'http://…'
      problem(
        url,
        `${quote(shown)} is plain http, so ${given} would cross the network unencrypted; use https (plain http takes a token only on this machine: localhost, 127.0.0.1 or [::1])`,
      )
    }
  }
  if (has('mode') && (values.mode === 'commit' || values.mode === 'pull-request')) {
    if (has('token') && values.token === undefined) {
      const advice =
        environment.caller === 'cli'
          ? 'set GITHUB_TOKEN (or pass --token) to a token that can write to the repository'
          : 'the default ${{ github.token }} works with `permissions: contents: write`'
      problem('token', `is empty, but mode "${values.mode}" needs a GitHub token; ${advice}`)
    }
    if (has('repository') && values.repository === undefined && facts.repository === undefined) {
      problem('repository', 'is empty and GITHUB_REPOSITORY is not set; give the blog as owner/name')
    }
  }
  return problems
}

/** A plain http URL to another machine than this one, where whoever is on the way reads the headers. */
function sentInTheClear(url: string): boolean {
  return new URL(url).protocol === 'http:' && !isLoopback(url)
}

/** crossCheck refused a commit mode without a token or a repository: meeting one here is a bug. */
function publishTarget(values: Parsed, facts: RunnerFacts, workBranch: string) {
  const { mode } = values
  if (mode === 'dry-run') return { mode }
  if (mode === 'files') return { mode, workspace: facts.workspace }
  const repository = values.repository ?? facts.repository
  if (values.token === undefined || repository === undefined) {
    throw new Error(`mode "${mode}" needs a token and a repository, and the checks let one through without`)
  }
  const fullName = ({ owner, repo }: Repository) => `${owner}/${repo}`.toLowerCase()
  const github = {
    token: values.token,
    repository,
    /** Another repository than the workflow's own: GITHUB_TOKEN cannot write there. */
    otherRepository: facts.repository !== undefined && fullName(repository) !== fullName(facts.repository),
    branch: values.branch,
    apiUrl: facts.githubApiUrl,
    /** GitHub Enterprise serves GraphQL at `/api/graphql`, not under the REST base: taken as given. */
    graphqlUrl: facts.githubGraphqlUrl,
  }
  // A workflow to dispatch on the branch after a commit: GITHUB_TOKEN's commits start no workflow.
  if (mode === 'commit') return { mode, github, dispatchWorkflow: values['dispatch-workflow'] }
  return { mode, github, workBranch }
}

/**
 * Pull-request mode's branch: a day's or a range's; a period's is named for the period, so that it is the
 * same all through a running week or month and never a daily run's branch of the same first day.
 */
function workBranch(digest: Digest, from: string, to: string): string {
  if (digest === 'weekly') return `weekly-papers/${isoWeek(from)}`
  if (digest === 'monthly') return `monthly-papers/${from.slice(0, 7)}`
  return `daily-papers/${from === to ? from : `${from}_${to}`}`
}
