import { quoteForMessage } from '../core/control-characters.js'
import { z } from '../core/zod.js'
import { unknownPlaceholders } from '../core/template.js'
import type { InputName } from './inputs.js'

/** The building blocks of the input schemas: each turns a raw input string into a value or a problem. */

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

/** Comma- or newline-separated list, blanks dropped. */
export const list = () =>
  text((value) =>
    value
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )

export const optionalText = () => text((value) => value.trim() || undefined)

export function wholeNumber(minimum: number, maximum = Infinity) {
  return text((value, reject) => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < minimum || Number(trimmed) > maximum) {
      const accepted = maximum === Infinity ? `≥ ${minimum}` : `from ${minimum} to ${maximum}`
      return reject(`${quote(value)} is not a whole number ${accepted}`)
    }
    return Number(trimmed)
  })
}

/** `true` or `false`; empty is undefined (the default, which may depend on another input). */
export const switchInput = () =>
  text((value, reject) => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true'
    return reject(
      `${quote(value)} is not accepted; use true or false, or leave it empty for the style's default`,
    )
  })

/** A check that fails with the problem `findProblem` names, if it names one. */
export function rule<T>(findProblem: (value: T) => string | undefined) {
  return z.superRefine<T>((value, context) => {
    const message = findProblem(value)
    if (message !== undefined) context.addIssue({ code: 'custom', message })
  })
}

export function oneOf<const T extends readonly string[]>(values: T) {
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

export function template() {
  return z.string().check(
    rule((value) => {
      const unknown = unknownPlaceholders(value)
      if (unknown.length === 0) return undefined
      return `${quote(value)} names ${unknown.map((key) => `{${key}}`).join(', ')}; a template knows {date}, {from}, {to}, {week} and {month}`
    }),
  )
}

export function httpUrl() {
  return text((value, reject) => {
    const url = parseHttpUrl(value)
    return typeof url === 'string' ? url : reject(url.problem)
  })
}

/**
 * An http(s) URL without a trailing slash, or the problem with it. A user name or password in it is
 * refused: URLs are shown in messages, and credentials belong in a token input.
 */
export function parseHttpUrl(value: string): string | { problem: string } {
  let url: URL | undefined
  try {
    url = new URL(value.trim())
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return { problem: `${quote(value)} is not an http(s) URL; use e.g. https://example.com` }
  }
  if (url.username !== '' || url.password !== '') {
    return { problem: 'is a URL with a user name or password in it; give the URL without them' }
  }
  return url.href.replace(/\/+$/, '')
}

/** A problem with an input, as every message about one starts: `Input "name": …`. */
export function describeProblem(name: InputName, message: string): string {
  return `Input "${name}": ${message}`
}

/** An input's value in a message: quoted, cut at 80 characters, control characters escaped. */
export function quote(value: unknown): string {
  const shown = String(value)
  return quoteForMessage(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown)
}
