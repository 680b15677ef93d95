import { FIELDS, STYLES, type Field } from '../core/fields.js'
import { LANGUAGE_TAGS, type LanguageTag } from '../core/languages.js'
import { z } from '../core/zod.js'
import { addDays, daysBetween, isTimeZone, parseDay } from '../core/calendar.js'
import { DIGESTS } from './digest-defaults.js'
import type { InputName } from './inputs.js'
import { fileNameProblem, folder, parseRepository, postsDirProblem, REPOSITORY_RULES } from './names.js'
import {
  frontMatterList,
  frontMatterText,
  parseHttpUrl,
  list,
  oneOf,
  optionalText,
  quote,
  rule,
  switchInput,
  template,
  text,
  unlessEmpty,
  wholeNumber,
} from './schema.js'

/** Upvotes settle within one to two weeks; a month of requests a day is still far below Hugging Face's limit. */
const MAX_REFRESH_DAYS = 30

/** Papers shown in full at the top of a digest-style post; past a hundred the post is a wall again. */
const MAX_TOP_PAPERS = 100

/** The longest range one run may fetch: a three-year backfill is split into smaller ones. */
const MAX_RANGE_DAYS = 3 * 366

const MAX_MODEL_LENGTH = 200

/** Chinese by the script its tag names (`zh-Hant-HK`, `zh-Hans`), or `zh-CN`/`zh-TW` with more after it. */
const CHINESE: Readonly<Record<string, LanguageTag>> = {
  hans: 'zh-CN',
  hant: 'zh-TW',
  cn: 'zh-CN',
  tw: 'zh-TW',
}

/** `today`: the run's UTC day. */
export function inputSchemas(today: string) {
  return {
    date: text((value, reject) => resolveDates(value.trim(), today, reject)),
    digest: oneOf(DIGESTS),
    style: oneOf(STYLES),
    language: text(language),
    timezone: text((value, reject) =>
      isTimeZone(value.trim())
        ? value.trim()
        : reject(`${quote(value)} is not an IANA time zone; use e.g. UTC, Asia/Seoul or America/New_York`),
    ),
    'post-time': text((value, reject) => {
      const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim())
      if (!match) return reject(`${quote(value)} is not a time; use HH:MM, e.g. 09:00`)
      return { hour: Number(match[1]), minute: Number(match[2]) }
    }),
    title: template(),
    categories: frontMatterList(),
    tags: frontMatterList(),
    author: frontMatterText(),
    permalink: z.pipe(
      template(),
      z.transform((value) => value.trim() || undefined),
    ),
    layout: unlessEmpty((trimmed, reject, value) =>
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(trimmed)
        ? trimmed
        : reject(
            `${quote(value)} is not a layout name; use the name of a file in the site's _layouts without its extension, e.g. post (letters, digits, "-" and "_")`,
          ),
    ),
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
    'empty-day': oneOf(['skip', 'post', 'fail']),
    repository: unlessEmpty(
      (trimmed, reject, value) =>
        parseRepository(trimmed) ?? reject(`${quote(value)} is not a repository; ${REPOSITORY_RULES}`),
    ),
    branch: text((value, reject) => {
      const trimmed = value.trim().replace(/^refs\/heads\//, '')
      if (trimmed === '') return undefined
      // git's rules for ref names, the parts a user can trip over (control characters are refused earlier).
      if (/[\s~^:?*[\\]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$|^@$|^HEAD$/.test(trimmed)) {
        return reject(`${quote(value)} is not a valid branch name`)
      }
      return trimmed
    }),
    'posts-dir': folder().check(rule(postsDirProblem)),
    filename: template().check(rule(fileNameProblem)),
    'data-dir': folder(),
    mode: oneOf(['commit', 'pull-request', 'files', 'dry-run']),
    overwrite: oneOf(['changed', 'always', 'never']),
    'refresh-days': wholeNumber(0, MAX_REFRESH_DAYS),
    'commit-message': template(),
    // The workflow's file name in .github/workflows (that folder may be written before it), or its id.
    'dispatch-workflow': unlessEmpty((trimmed, reject, value) => {
      const name = trimmed.replace(/^\.github\/workflows\//, '')
      if (/^(?!\.)[A-Za-z0-9._-]+\.ya?ml$/.test(name) || /^\d+$/.test(name)) return name
      return reject(
        `${quote(value)} is not a workflow file; give the file name of a workflow in .github/workflows (letters, digits, ".", "-" or "_", not starting with ".", ending in .yml or .yaml, e.g. pages-deploy.yml) or its numeric id`,
      )
    }),
    token: optionalText(),
    'hf-token': optionalText(),
    // The clients append /api/daily_papers or /chat/completions: a query or fragment would swallow it.
    'hf-api-url': baseUrl('https://huggingface.co'),
    'llm-api-url': baseUrl('https://models.github.ai/inference or https://api.openai.com/v1'),
    'llm-model': text((value, reject) => {
      const trimmed = value.trim()
      if (/^[\x21-\x7e]+$/.test(trimmed) && trimmed.length <= MAX_MODEL_LENGTH) return trimmed
      return reject(
        `${quote(value)} is not a model name; give the host's model id, visible ASCII characters without spaces (at most ${MAX_MODEL_LENGTH}), e.g. openai/gpt-4.1-mini`,
      )
    }),
    'llm-token': optionalText(),
    'llm-max-calls': wholeNumber(0),
  } satisfies Record<InputName, z.ZodMiniType<unknown, string>>
}

export type Parsed = { [K in InputName]: z.output<ReturnType<typeof inputSchemas>[K]> }

/** `YYYY-MM-DD`, `today`, `yesterday` or `FROM..TO`, resolved against today's UTC day. */
function resolveDates(value: string, today: string, reject: (message: string) => never) {
  const accepted = 'use today, yesterday, YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD'
  const [fromText, toText, ...rest] = value.split('..')
  if (fromText === undefined || rest.length > 0) return reject(`${quote(value)} is not a date; ${accepted}`)
  const resolve = (day: string) => (day === 'today' ? today : day === 'yesterday' ? addDays(today, -1) : day)
  const from = resolve(fromText.trim())
  const to = toText === undefined ? from : resolve(toText.trim())
  for (const day of new Set([from, to])) {
    if (parseDay(day) === undefined) {
      const which = from === to ? '' : ` in ${quote(value)}`
      return reject(`${quote(day)}${which} is not a date; ${accepted}`)
    }
    if (day > today) {
      return reject(
        `${day} is after today (${today}, the UTC day Hugging Face is on); there are no papers for it yet`,
      )
    }
  }
  if (from > to) return reject(`${quote(value)} ends before it starts; write the earlier day first`)
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
    return reject(
      `${quote(value)} spans more than ${MAX_RANGE_DAYS} days; split the backfill into smaller ranges`,
    )
  }
  return { from, to }
}

/**
 * Any letter case, `_` or `-`; also by a regional tag as Chirpy's locale files name it (`ja-JP`), Chinese
 * by script (`zh-Hant`). A bare `zh` or `pt` is refused: its variants differ in words a reader notices.
 */
function language(value: string, reject: (message: string) => never): LanguageTag {
  const wanted = value.trim().replace(/_/g, '-').toLowerCase()
  const exact = LANGUAGE_TAGS.find((tag) => tag.toLowerCase() === wanted)
  if (exact) return exact
  const [base = '', subtag = ''] = wanted.split('-')
  if (base === 'zh') {
    if (Object.hasOwn(CHINESE, subtag)) return CHINESE[subtag] as LanguageTag
    const which = subtag === '' ? 'does not say which Chinese' : 'is neither Chinese the posts are written in'
    return reject(
      `${quote(value)} ${which}: use zh-CN (Simplified, as written in mainland China) or zh-TW (Traditional, as written in Taiwan)`,
    )
  }
  if (base === 'pt') {
    return reject(`${quote(value)} is not accepted: posts are written in Brazilian Portuguese; use pt-BR`)
  }
  const regional = LANGUAGE_TAGS.find((tag) => tag === base)
  if (regional && /^[a-z]{2}-[a-z]{2}$/.test(wanted)) return regional
  return reject(`${quote(value)} is not accepted; use one of: ${LANGUAGE_TAGS.join(', ')}`)
}

/** A base URL that paths go under: no query or fragment, which is not quoted whole (some hosts take a key there). */
function baseUrl(example: string) {
  return text((value, reject) => {
    const url = parseHttpUrl(value)
    if (typeof url !== 'string') return reject(url.problem)
    const cut = url.search(/[?#]/)
    if (cut === -1) return url
    return reject(
      `${quote(`${url.slice(0, cut)}${url[cut]}…`)} has a query or fragment; give the base URL the API's paths go under, e.g. ${example}`,
    )
  })
}
