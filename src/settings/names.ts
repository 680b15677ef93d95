import { posix } from 'node:path'
import { eachDay, periodOf } from '../core/calendar.js'
import { dayValues, fillTemplate, sharedName } from '../core/template.js'
import { STATE_DIR } from '../core/state-file.js'
import { DIGEST_DEFAULTS, DIGESTS, namesOwnUnit, OWN_NAME, type Digest } from './digest-defaults.js'
import { permalinkProblem, sharedProblem } from './permalink.js'
import { describeProblem, quote, unlessEmpty } from './schema.js'

export interface Repository {
  owner: string
  repo: string
}

const OWNER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/
const NAME = /^[A-Za-z0-9._-]{1,100}$/
export const REPOSITORY_RULES =
  'use owner/name: the owner 1 to 39 letters, digits, "-" or "_", starting with a letter or digit; the name 1 to 100 letters, digits, ".", "-" or "_", not dots alone and not ending in ".git"'

export function parseRepository(text: string): Repository | undefined {
  const [owner, repo, ...rest] = text.split('/')
  if (owner === undefined || repo === undefined || rest.length > 0) return undefined
  if (!OWNER.test(owner) || !NAME.test(repo) || /^\.+$/.test(repo) || /\.git$/i.test(repo)) return undefined
  return { owner, repo }
}

/** Windows reads `\` or `:` as separators or a drive. */
const ESCAPES = /[\\:]/

/**
 * `.git` as git refuses it on checkout: in any case, with trailing dots or spaces and its 8.3 short name
 * (Windows), with characters macOS ignores in names.
 */
const isGitFolder = (part: string) => {
  const bare = part.replace(/\p{Cf}/gu, '').toLowerCase()
  return bare.replace(/[. ]+$/, '') === '.git' || /^git~\d+$/.test(bare)
}

/** Below the repository root, out of `.git` and of the action's own state folder. */
export const folder = () =>
  unlessEmpty((trimmed, reject, value) => {
    const normalised = posix.normalize(trimmed).replace(/\/+$/, '')
    if (
      ESCAPES.test(trimmed) ||
      posix.isAbsolute(trimmed) ||
      normalised === '.' ||
      trimmed.split('/').some((part) => part === '..' || isGitFolder(part)) ||
      normalised.split('/')[0]?.toLowerCase() === STATE_DIR
    ) {
      return reject(
        `${quote(value)} must be a folder below the repository root, relative to it (e.g. _posts): no leading "/", no "..", ".git" (or a name git reads as it, ".git." or "GIT~1"), "\\" or ":", and not in ${STATE_DIR}, the action's own`,
      )
    }
    return normalised
  })

export function fileNameProblem(value: string): string | undefined {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (!trimmed.includes('/') && !ESCAPES.test(trimmed) && /\.(md|markdown)$/.test(trimmed)) return undefined
  return `${quote(value)} must be a file name ending in .md or .markdown, without folders (the folder is posts-dir), "\\" or ":"`
}

/**
 * Jekyll 4.3 reads posts only from folders named `_posts` (case-sensitive on a runner) and those below
 * (`PostReader#read_posts`, `Reader#get_entries`), never through a folder `EntryFilter#special?` or
 * `#backup?` drops, and only files matching `Document::DATE_FILENAME_MATCHER`; any other is skipped
 * without a word. `exclude` and `collections_dir` in _config.yml are beyond what the action sees.
 */
const SKIPPED_FOLDER = /^[._#~]|~$/
const JEKYLL_POST_NAME = /^\d{4}-\d{2}-\d{2}-.+\.(md|markdown)$/

/** `folder`: already a clean relative path. */
export function postsDirProblem(folder: string | undefined): string | undefined {
  if (folder === undefined) return undefined
  const parts = folder.split('/')
  const posts = parts.indexOf('_posts')
  const advice = 'use e.g. _posts, blog/_posts or _posts/daily'
  if (posts === -1) {
    return `${quote(folder)} is not a folder Jekyll reads posts from: it reads them only from a folder named _posts (in lower case), at the site's root or inside another folder, and from the folders below it; ${advice}`
  }
  const skipped = parts.find((part, index) => index !== posts && SKIPPED_FOLDER.test(part))
  if (skipped === undefined) return undefined
  return `${quote(folder)} is inside ${quote(skipped)}, a folder Jekyll skips (its name starts with ".", "_", "#" or "~", or ends in "~"), so none of its posts would be published; ${advice}`
}

/** A `filename` Jekyll would not publish or two posts would share, a `permalink` two posts would share. */
export function postNameProblems(values: {
  digest: Digest
  date: { from: string; to: string }
  filename: string
  permalink: string | undefined
}): string[] {
  const { digest, date, filename, permalink } = values
  const example = DIGEST_DEFAULTS[digest].filename
  const template = filename.trim() || example
  // The days whose posts this run names: each day of a range, or the period's first day.
  const days = digest === 'daily' ? eachDay(date.from, date.to) : [periodOf(date.from, digest).from]
  const sharedFile = sharedName(days, (day) => fillTemplate(template, dayValues(day)))
  const fileProblem =
    (sharedFile === undefined ? undefined : sharedProblem(template, sharedFile, 'file', example)) ??
    ownNameProblem(template, digest) ??
    otherDigestNameProblem(template, digest, days) ??
    jekyllNameProblem(template, days[0] as string, example)
  const urlProblem = permalink === undefined ? undefined : permalinkProblem(permalink, template, digest, days)
  return [
    ...(fileProblem === undefined ? [] : [describeProblem('filename', fileProblem)]),
    ...(urlProblem === undefined ? [] : [describeProblem('permalink', urlProblem)]),
  ]
}

function ownNameProblem(template: string, digest: Digest): string | undefined {
  const { unit, key } = OWN_NAME[digest]
  if (namesOwnUnit(template, digest)) return undefined
  const why =
    digest === 'daily'
      ? "each day's post would replace the one before it"
      : `a ${digest} post must carry its ${unit}, so that it never takes a daily post's name or the last ${unit}'s`
  return `${quote(template)} names no ${unit} (${key}): ${why}; put ${key} in it, e.g. ${DIGEST_DEFAULTS[digest].filename}`
}

/**
 * A name another digest's post has under its default file name (a monthly `{date}-daily-papers-{month}-01.md`
 * is the 1st's daily post): the run would replace that post.
 */
function otherDigestNameProblem(
  template: string,
  digest: Digest,
  days: readonly string[],
): string | undefined {
  for (const day of days) {
    const name = fillTemplate(template, dayValues(day))
    // A weekly or monthly post is named on its period's first day.
    const other = DIGESTS.find(
      (another) =>
        another !== digest &&
        (another === 'daily' || periodOf(day, another).from === day) &&
        fillTemplate(DIGEST_DEFAULTS[another].filename, dayValues(day)) === name,
    )
    if (other !== undefined) {
      return `${quote(template)} makes ${quote(name)}, the name a ${other} digest gives its post of ${day}, which the run would replace; put ${OWN_NAME[digest].key} in it as the default does, e.g. ${DIGEST_DEFAULTS[digest].filename}`
    }
  }
  return undefined
}

function jekyllNameProblem(template: string, day: string, example: string): string | undefined {
  const name = fillTemplate(template, dayValues(day))
  if (JEKYLL_POST_NAME.test(name)) return undefined
  return `${quote(template)} makes ${quote(name)}, a file Jekyll does not publish: a post's file name is its date, a hyphen and a slug (YYYY-MM-DD-slug.md); start it with {date}- and a word, e.g. ${example}`
}
