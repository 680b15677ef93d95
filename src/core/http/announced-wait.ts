/**
 * The waits the three systems announce: `Retry-After`, `retry-after-ms` (OpenAI, Azure), GitHub's
 * `x-ratelimit-*`, and Hugging Face's draft-ietf-httpapi-ratelimit-headers:
 *
 *     RateLimit: "api";r=12;t=140                          12 requests left, the window resets in 140 s
 *     RateLimit-Policy: "fixed window";"api";q=500;w=300   500 requests per 300 s window
 *
 * Read leniently: Hugging Face's policy is not strict structured-field syntax (its second name is not a
 * parameter); a limit without a readable `r` and `t` is left out, as if the server sent no limit.
 */

export type ResponseHeaders = Record<string, string | string[] | undefined>

/** `r` and `t` of a limit, `q` and `w` of its policy; `name` is empty when the server gives none. */
export interface RateLimit {
  name: string
  remaining: number
  resetSeconds: number
  quota?: number
  windowSeconds?: number
}

export function parseRateLimits(headers: ResponseHeaders): RateLimit[] {
  const members = parseList(header(headers, 'ratelimit'))
  const policies = parseList(header(headers, 'ratelimit-policy'))
  return members.flatMap((member): RateLimit[] => {
    const remaining = integer(member.params.get('r'))
    const resetSeconds = integer(member.params.get('t'))
    if (remaining === undefined || resetSeconds === undefined) return []
    const name = member.names[0] ?? ''
    // One limit and one policy belong together even when their names differ or are missing.
    const policy =
      policies.find((candidate) => candidate.names.includes(name)) ??
      (members.length === 1 && policies.length === 1 ? policies[0] : undefined)
    const quota = integer(policy?.params.get('q'))
    // A window of 0 s is no window.
    const windowSeconds = integer(policy?.params.get('w')) || undefined
    return [{ name, remaining, resetSeconds, quota, windowSeconds }]
  })
}

/**
 * `retry-after-ms` when sent, else the longest of `Retry-After`, the `t` of a limit with `r=0` and GitHub's
 * reset of a used-up limit (a `t` with requests left is no wait).
 */
export function announcedWaitMs(headers: ResponseHeaders, now: number): number | undefined {
  const milliseconds = integer(header(headers, 'retry-after-ms')?.trim())
  if (milliseconds !== undefined) return milliseconds
  const reset = integer(header(headers, 'x-ratelimit-reset')?.trim())
  const waits = [
    ...parseRateLimits(headers)
      .filter((limit) => limit.remaining === 0)
      .map((limit) => limit.resetSeconds * 1000),
    retryAfterMs(header(headers, 'retry-after'), now),
    header(headers, 'x-ratelimit-remaining') === '0' && reset ? Math.max(0, reset * 1000 - now) : undefined,
  ].filter((wait) => wait !== undefined)
  return waits.length === 0 ? undefined : Math.max(...waits)
}

function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Each member's names (the item, and any further quoted strings) and parameters. */
function parseList(value: string | undefined) {
  return splitOutsideQuotes(value ?? '', ',')
    .filter((text) => text !== '')
    .map((text) => {
      const member = { names: [] as string[], params: new Map<string, string>() }
      splitOutsideQuotes(text, ';').forEach((part, index) => {
        const equals = part.indexOf('=')
        if (part.startsWith('"') || (index === 0 && equals < 0)) member.names.push(unquote(part))
        // A key repeated: the last one holds, as in structured fields.
        else if (equals > 0)
          member.params.set(part.slice(0, equals).trim().toLowerCase(), unquote(part.slice(equals + 1)))
      })
      return member
    })
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const pieces: string[] = []
  let start = 0
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted && char === '\\') index++
    else if (char === '"') quoted = !quoted
    else if (!quoted && char === separator) {
      pieces.push(text.slice(start, index).trim())
      start = index + 1
    }
  }
  pieces.push(text.slice(start).trim())
  return pieces
}

function unquote(text: string): string {
  const trimmed = text.trim()
  if (!trimmed.startsWith('"')) return trimmed
  return trimmed.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1')
}

/** A non-negative integer of at most 15 digits (structured fields' limit), else undefined. */
function integer(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined
}

/** A header's value; repeated header lines are one list, as structured fields join them. */
function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
