import { findControlCharacter } from '../core/control-characters.js'
import { quote } from './schema.js'
import { SECRET_INPUTS } from './secrets.js'

/** Inputs where a line break separates items. */
const LIST_INPUTS: ReadonlySet<string> = new Set(['categories', 'tags', 'fields', 'keywords'])

/** A token goes into an HTTP header as it is: visible ASCII only (no space, line break or control). */
const HEADER_SAFE = /^[\x21-\x7e]*$/

/**
 * The problem with the characters of an input, if any. Every input is one line (a list: items
 * separated by commas or line breaks) without control or bidirectional formatting characters, which
 * could start a new log line, a workflow command or a misleading name. A secret is never quoted.
 */
export function characterProblem(name: string, value: string): string | undefined {
  const trimmed = value.trim()
  if (SECRET_INPUTS.includes(name)) {
    if (HEADER_SAFE.test(trimmed)) return undefined
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
