import { lstat, readlink, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * A checked-out `_posts` or post can be a symbolic link pointing anywhere. A folder on the way may be a link
 * only into the real workspace; the file never: writing through it would change another file.
 */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError'
}

/** The workspace's real path; a root that does not exist yet (the CLI's `--out`) holds no links. */
export async function realRoot(root: string): Promise<string> {
  return realpath(root).catch(() => resolve(root))
}

export async function checkedTarget(root: string, real: string, path: string): Promise<string> {
  const target = resolve(root, path)
  const parts = relative(resolve(root), target).split(sep)
  // Settings keep paths inside; this guards against a future caller that forgets.
  if (parts[0] === '..' || isAbsolute(parts.join(sep)))
    throw new WorkspaceError(`Refusing to write ${JSON.stringify(path)}: it is outside ${root}`)
  let current = resolve(root)
  for (const [index, part] of parts.entries()) {
    current = join(current, part)
    const entry = await lstat(current).catch(missing)
    // Nothing there: the rest is created by the write.
    if (entry === undefined) break
    const here = JSON.stringify(parts.slice(0, index + 1).join('/'))
    const last = index === parts.length - 1
    if (!last && !entry.isDirectory() && !entry.isSymbolicLink())
      throw refusal(path, `${here} is a file, where a folder is needed`, ELSEWHERE)
    if (last && entry.isDirectory()) throw refusal(path, `${here} is a folder, where a file goes`, ELSEWHERE)
    if (!entry.isSymbolicLink()) continue
    const pointsTo = JSON.stringify(await readlink(current))
    if (last)
      throw refusal(
        path,
        `${here} is a symbolic link (to ${pointsTo}); the action writes no file through a link`,
      )
    const folderLink = `the folder ${here} is a symbolic link to ${pointsTo}`
    const resolved = await realpath(current).catch(missing)
    if (resolved === undefined) throw refusal(path, `${folderLink}, which does not exist`)
    if (!isInside(real, resolved))
      throw refusal(path, `${folderLink}, outside the workspace ${JSON.stringify(real)}`)
    if (inGit(real, resolved)) throw refusal(path, `${folderLink}, in the workspace's .git`)
  }
  return target
}

/** Checked again after the folders were made, just before a write. */
export async function checkFolderInside(real: string, folder: string, path: string): Promise<void> {
  const resolved = await realpath(folder)
  if (!isInside(real, resolved))
    throw refusal(
      path,
      `its folder now leads to ${JSON.stringify(resolved)}, outside the workspace ${JSON.stringify(real)}`,
    )
}

function isInside(root: string, path: string): boolean {
  const rest = relative(root, path)
  return rest === '' || (rest.split(sep)[0] !== '..' && !isAbsolute(rest))
}

/** Settings keep `.git` out of the paths; a link into it is refused too. */
function inGit(root: string, path: string): boolean {
  return relative(root, path)
    .split(sep)
    .some((part) => part.toLowerCase() === '.git')
}

const INSIDE =
  'replace the link with a real folder or file, or point "posts-dir" / "data-dir" at a folder inside the workspace'
const ELSEWHERE = 'point "posts-dir" / "data-dir" (or "filename") elsewhere, or move that file or folder'

function refusal(path: string, why: string, advice = INSIDE): WorkspaceError {
  return new WorkspaceError(
    `Refusing to write ${JSON.stringify(path)}: ${why}. Nothing was written; ${advice}`,
  )
}

function missing(error: unknown): undefined {
  if (!['ENOENT', 'ENOTDIR'].includes((error as { code?: string }).code ?? '')) throw error
}
