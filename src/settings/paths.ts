import { posix } from 'node:path'
import { quote, text } from './schema.js'

/**
 * Where posts and data go, relative to the repository root. Refused: anything that leaves the root
 * (`..`, a leading `/`), anything into git's own folder (a `.git` part, in any case, as case-insensitive
 * file systems read it), and `\` or `:`, which Windows reads as separators or a drive.
 */
const ESCAPES = /[\\:]/

function hasForbiddenPart(path: string): boolean {
  return path.split('/').some((part) => part === '..' || part.toLowerCase() === '.git')
}

/** A folder below the repository root, normalised without `./` or trailing slashes. */
export function folder() {
  return text((value, reject) => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    const normalised = posix.normalize(trimmed).replace(/\/+$/, '')
    if (
      ESCAPES.test(trimmed) ||
      posix.isAbsolute(trimmed) ||
      normalised === '.' ||
      hasForbiddenPart(trimmed)
    ) {
      return reject(
        `${quote(value)} must be a folder below the repository root, relative to it (e.g. _posts): no leading "/", no "..", ".git", "\\" or ":"`,
      )
    }
    return normalised
  })
}

/** The problem with a post's file name template, if any: one name (so no `..` or `.git`), ending in .md or .markdown. */
export function fileNameProblem(value: string): string | undefined {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (!trimmed.includes('/') && !ESCAPES.test(trimmed) && /\.(md|markdown)$/.test(trimmed)) return undefined
  return `${quote(value)} must be a file name ending in .md or .markdown, without folders (the folder is posts-dir), "\\" or ":"`
}
