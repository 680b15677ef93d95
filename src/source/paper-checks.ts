import { quoteUntrusted } from '../core/quote-untrusted.js'
import { encodeUrl, publicHttpsUrl } from '../core/safe-url.js'

/** An untrusted paper field's value a post may use, or why it may not: a `Paper` holds only what passed. */
export type Checked<T> = { value: T } | { problem: string }

/**
 * New-style arXiv ids (`2512.20617`, `2512.20617v2`), the only ids Hugging Face Daily Papers lists.
 * Nothing else may become part of a Hugging Face or arXiv URL.
 */
const ARXIV_ID = /^\d{4}\.\d{4,5}(?:v\d{1,3})?$/

export function isArxivId(id: unknown): id is string {
  return typeof id === 'string' && ARXIV_ID.test(id)
}

export function checkPaperId(id: string): Checked<string> {
  return isArxivId(id) ? { value: id } : refuse(id, 'an arXiv id; expected e.g. 2512.20617 or 2512.20617v2')
}

/** A count shown in a post (stars, comments): a whole number from 0 to 2^53 - 1. */
export function checkCount(count: unknown): Checked<number> {
  if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) return { value: count }
  return refuse(count, 'a count; expected a whole number of at least 0')
}

/** Longer links are not real project pages; a bound keeps every later step cheap. */
const MAX_URL_LENGTH = 2048

/** GitHub's rules for account names; repository names are letters, digits, `.`, `_` and `-`. */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const GITHUB_REPOSITORY = /^[A-Za-z0-9._-]{1,100}$/
const GITHUB_HOSTS = new Set(['github.com', 'www.github.com'])

/**
 * `https://github.com/<owner>/<repo>`, also with a trailing `/` or `.git`, written back in that first
 * form: no other host, user, port, deeper path, query or fragment.
 */
export function checkGithubRepo(candidate: unknown): Checked<string> {
  const repository = githubRepository(httpsUrl(candidate))
  if (repository !== undefined) return { value: repository }
  return refuse(candidate, 'a GitHub repository link; expected https://github.com/<owner>/<repo>')
}

function githubRepository(url: URL | undefined): string | undefined {
  if (!url || !GITHUB_HOSTS.has(url.hostname) || !hostAndPathOnly(url)) return undefined
  const [owner, repository, ...rest] = url.pathname.slice(1).replace(/\/$/, '').split('/')
  const name = repository?.replace(/\.git$/, '')
  if (rest.length > 0 || !owner || !name || !GITHUB_OWNER.test(owner)) return undefined
  if (!GITHUB_REPOSITORY.test(name) || name === '.' || name === '..') return undefined
  return `https://github.com/${owner}/${name}`
}

/** An `https://` page on a public host name, with no user or password, percent-encoded for markdown. */
export function checkProjectPage(candidate: unknown): Checked<string> {
  // httpsUrl first: a string, and not longer than a link may be.
  const url = httpsUrl(candidate) && publicHttpsUrl(candidate as string)
  if (url !== undefined) return { value: url }
  return refuse(candidate, 'a public https link; expected e.g. https://example.org/project')
}

/**
 * An image on the one host Hugging Face serves paper thumbnails from (`/social-thumbnails/papers/<id>.png`
 * in every answer seen), as the front matter's image must be; percent-encoded.
 */
export function checkThumbnail(candidate: unknown): Checked<string> {
  const url = httpsUrl(candidate)
  if (!url || url.hostname !== 'cdn-thumbnails.huggingface.co' || !hostAndPathOnly(url)) {
    return refuse(candidate, 'a Hugging Face thumbnail; expected https://cdn-thumbnails.huggingface.co/…')
  }
  return { value: encodeUrl(url.href) }
}

function httpsUrl(candidate: unknown): URL | undefined {
  if (typeof candidate !== 'string' || candidate.length > MAX_URL_LENGTH) return undefined
  const url = URL.parse(candidate.trim())
  return url?.protocol === 'https:' ? url : undefined
}

const hostAndPathOnly = (url: URL) => !(url.username || url.password || url.port || url.search || url.hash)

function refuse(value: unknown, what: string): { problem: string } {
  return { problem: `${describe(value)} is not ${what}` }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return quoteUntrusted(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? 'a list' : `a ${typeof value === 'object' ? 'JSON object' : typeof value}`
}
