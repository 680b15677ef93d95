import { FIELDS, STYLES, type Field } from '../core/fields.js'
import { z } from '../core/zod.js'
import { isTimeZone } from '../core/calendar.js'
import { DIGESTS } from './digest-defaults.js'
import { isBranchName, parseRepository, parseWorkflow, REPOSITORY_RULES } from './github-names.js'
import type { InputName } from './inputs.js'
import { languageInput } from './language.js'
import { llmInputSchemas } from './llm.js'
import { fileNameProblem, folder } from './paths.js'
import { postsDirProblem } from './post-names.js'
import {
  httpUrl,
  list,
  oneOf,
  optionalText,
  quote,
  rule,
  switchInput,
  template,
  text,
  wholeNumber,
} from './schema.js'
import { resolveDates } from './dates.js'

const MODES = ['commit', 'pull-request', 'files', 'dry-run'] as const
export const EMPTY_DAY_POLICIES = ['skip', 'post', 'fail'] as const
export const OVERWRITE_POLICIES = ['changed', 'always', 'never'] as const

/** Upvotes settle within one to two weeks; a month of requests a day is still far below Hugging Face's limit. */
const MAX_REFRESH_DAYS = 30

/** A Jekyll layout: the name of a file in `_layouts`, which the front matter holds as a plain word. */
const LAYOUT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** Papers shown in full at the top of a digest-style post; past a hundred the post is a wall again. */
const MAX_TOP_PAPERS = 100

/** Each input's schema, from its raw string to its typed value; `today` is the run's UTC day. */
export function inputSchemas(today: string) {
  return {
    date: text((value, reject) => {
      const range = resolveDates(value.trim(), today)
      return typeof range === 'string' ? reject(range) : range
    }),
    digest: oneOf(DIGESTS),
    style: oneOf(STYLES),
    language: languageInput(),
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
    layout: text((value, reject) => {
      const trimmed = value.trim()
      if (trimmed === '') return undefined
      return LAYOUT_NAME.test(trimmed)
        ? trimmed
        : reject(
            `${quote(value)} is not a layout name; use the name of a file in the site's _layouts without its extension, e.g. post (letters, digits, "-" and "_")`,
          )
    }),
    description: switchInput(),
    image: switchInput(),
    fields: list().check(
      rule((values) => {
        const unknown = values.filter((value) => !(FIELDS as readonly string[]).includes(value))
        if (unknown.length === 0) return undefined
        return `${unknown.map(quote).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'}; use any of: ${FIELDS.join(', ')}`
      }),
    ) as unknown as z.ZodMiniType<Field[], string>,
    'top-papers': wholeNumber(0, MAX_TOP_PAPERS),
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
    'posts-dir': folder().check(rule(postsDirProblem)),
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

export type Parsed = { [K in InputName]: z.output<ReturnType<typeof inputSchemas>[K]> }
