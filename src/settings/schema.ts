import { findControlCharacter, quoteForMessage } from '../core/control-characters.js'
import { z } from '../core/zod.js'
import { TEMPLATE_KEYS, unknownPlaceholders } from '../core/template.js'
import { SECRET_INPUTS, type InputName } from './inputs.js'

/** A raw input string turned into a value, or into the problem `reject` describes. */
export const text = <T>(parse: (value: string, reject: (message: string) => never) => T) =>
  z.pipe(
    z.string(),
    z.transform((value: string, payload) =>
      parse(value, (message) => {
        payload.issues.push({ code: 'custom', message, input: value })
        return z.NEVER
      }),
    ),
  )

/** Empty is undefined: its default may depend on another input. */
export const unlessEmpty = <T>(
  parse: (trimmed: string, reject: (message: string) => never, value: string) => T,
) => text((value, reject) => (value.trim() === '' ? undefined : parse(value.trim(), reject, value)))

/**
 * Front matter that themes print as they find it (Chirpy's title in its `<h1>`, its categories and tags
 * in links), where Liquid a theme passes on would run: no tag, no `{{` or `{%`.
 */
const MARKUP = /<[\p{L}/!?]|\{[{%]/u

function markupProblem(value: string | undefined): string | undefined {
  const markup = MARKUP.exec(value ?? '')?.[0]
  if (markup === undefined) return undefined
  return `${quote(value)} holds ${quote(markup)}, which a theme would print as markup or run as Liquid; write it as plain text`
}

export const list = () =>
  text((value) =>
    value
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )

export const optionalText = () => unlessEmpty((trimmed) => trimmed)

/** A list, or a text, that goes into the front matter: refused with markup in it. */
export const frontMatterList = () => z.pipe(z.string().check(rule(markupProblem)), list())
export const frontMatterText = () => optionalText().check(rule(markupProblem))

export const wholeNumber = (minimum: number, maximum = Infinity) =>
  unlessEmpty((trimmed, reject, value) => {
    const number = Number(trimmed)
    if (/^\d+$/.test(trimmed) && Number.isSafeInteger(number) && number >= minimum && number <= maximum)
      return number
    const accepted = maximum === Infinity ? `≥ ${minimum}` : `from ${minimum} to ${maximum}`
    return reject(`${quote(value)} is not a whole number ${accepted}`)
  })

export const switchInput = () =>
  unlessEmpty((trimmed, reject, value) =>
    trimmed === 'true' || trimmed === 'false'
      ? trimmed === 'true'
      : reject(
          `${quote(value)} is not accepted; use true or false, or leave it empty for the style's default`,
        ),
  )

export function rule<T>(findProblem: (value: T) => string | undefined) {
  return z.superRefine<T>((value, context) => {
    const message = findProblem(value)
    if (message !== undefined) context.addIssue({ code: 'custom', message })
  })
}

export const oneOf = <const T extends readonly string[]>(values: T) =>
  text((value, reject) =>
    values.includes(value.trim())
      ? (value.trim() as T[number])
      : reject(`${quote(value)} is not accepted; use one of: ${values.join(', ')}`),
  )

/** `{{date}}` (Liquid's habit) or `{ date }`: a placeholder's name in other braces. */
const KEY = `(?:${TEMPLATE_KEYS.join('|')})`
const LOOKALIKE = new RegExp(String.raw`\{\{\s*${KEY}\s*\}\}|\{\s+${KEY}\s*\}|\{${KEY}\s+\}`, 'i')

export function template() {
  return z.string().check(
    rule((value) => {
      const unknown = unknownPlaceholders(value)
      const known = 'a template knows {date}, {from}, {to}, {week} and {month}'
      if (unknown.length > 0)
        return `${quote(value)} names ${unknown.map((key) => `{${key}}`).join(', ')}; ${known}`
      // Left as they are, these would print their braces in every post.
      const lookalike = LOOKALIKE.exec(value)?.[0]
      if (lookalike === undefined) return markupProblem(value)
      return `${quote(value)} writes ${quote(lookalike)}, which is no placeholder: write it in single braces without spaces (${known})`
    }),
  )
}

/** Without a trailing slash; no user name or password: URLs are shown in messages. */
export function parseHttpUrl(value: string): string | { problem: string } {
  const url = URL.parse(value.trim())
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return { problem: `${quote(value)} is not an http(s) URL; use e.g. https://example.com` }
  }
  if (url.username !== '' || url.password !== '') {
    return { problem: 'is a URL with a user name or password in it; give the URL without them' }
  }
  return url.href.replace(/\/+$/, '')
}

const LIST_INPUTS: ReadonlySet<string> = new Set(['categories', 'tags', 'fields', 'keywords'])

/**
 * No control or bidirectional formatting characters, which could start a log line, a workflow command or
 * a misleading name. A secret goes into an HTTP header as it is: visible ASCII only, never quoted.
 */
export function characterProblem(name: string, value: string): string | undefined {
  const trimmed = value.trim()
  if (SECRET_INPUTS.includes(name)) {
    if (/^[\x21-\x7e]*$/.test(trimmed)) return undefined
    return 'contains a character that cannot be sent in an HTTP header (a line break, space, control or non-ASCII character); a token is visible ASCII characters only (the value is not shown, being a secret)'
  }
  const isList = LIST_INPUTS.has(name)
  const found = findControlCharacter(isList ? trimmed.replace(/[\r\n]/g, ' ') : trimmed)
  if (found === undefined) return undefined
  const accepted = isList
    ? 'a list of items separated by commas or line breaks is accepted, without tabs, other control characters or bidirectional formatting characters'
    : 'one line of text is accepted, without line breaks, tabs, other control characters or bidirectional formatting characters'
  return `has a control character (${found.codePoint}) at character ${found.position} of ${quote(trimmed)}; ${accepted}`
}

export function describeProblem(name: InputName, message: string): string {
  return `Input "${name}": ${message}`
}

export function quote(value: unknown): string {
  const shown = String(value)
  return quoteForMessage(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown)
}
