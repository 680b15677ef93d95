import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Log } from '../core/log.js'
import { checkoutBlobOid } from '../core/git-blob.js'
import { recordChanges } from '../core/post-record.js'
import type { FileChange, KeptReason, Publisher } from '../core/changes.js'
import { logKept, writeDecision } from './write-policy.js'
import { MAX_STATE_FILE_BYTES, TOO_LARGE, UnreadableStateError } from '../core/state-file.js'
import { checkedTarget, checkFolderInside, realRoot } from './workspace-path.js'

/** Under `root` (GITHUB_WORKSPACE, or `--out`): every path is checked before any file is written. */
export function createFilesPublisher({ root, log }: { root: string; log: Log }): Publisher {
  return {
    async publish(changes) {
      const real = await realRoot(root)
      const decide = async (file: FileChange) => {
        const target = await checkedTarget(root, real, file.path)
        const existing = await readIfPresent(target)
        const oid = existing === undefined ? undefined : checkoutBlobOid(existing)
        return { target, decision: writeDecision(file, oid, changes.overwrite) }
      }
      const writes: Array<{ file: FileChange; target: string }> = []
      const kept: Array<{ path: string; reason: KeptReason }> = []
      for (const file of changes.files) {
        const { target, decision } = await decide(file)
        if (decision.write) {
          writes.push({ file, target })
        } else {
          kept.push({ path: file.path, reason: decision.reason })
          logKept(log, file, decision.reason, 'in the workspace')
        }
      }
      // The record of what the action wrote, for the posts it writes now; unchanged, it is no news.
      const posts = writes.map((write) => write.file)
      for (const file of recordChanges(changes.record, posts)) {
        const { target, decision } = await decide(file)
        if (decision.write) writes.push({ file, target })
        else if (decision.reason === 'too-large') logKept(log, file, decision.reason, 'in the workspace')
      }
      for (const { file, target } of writes) {
        await mkdir(dirname(target), { recursive: true })
        await checkFolderInside(real, dirname(target), file.path)
        await replaceFile(target, file.content)
        log.info(`Wrote ${target}`)
      }
      return { written: writes.map(({ file }) => file.path), kept }
    },

    async readText(path) {
      const target = await checkedTarget(root, await realRoot(root), path)
      return readIfPresent(target, path)
    },
  }
}

/** Never read through a link; a state file (`statePath`) over MAX_STATE_FILE_BYTES is refused. */
async function readIfPresent(path: string, statePath?: string): Promise<string | undefined> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(
    (error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined
      throw error
    },
  )
  if (handle === undefined) return undefined
  try {
    if (statePath !== undefined && (await handle.stat()).size > MAX_STATE_FILE_BYTES)
      throw new UnreadableStateError(statePath, TOO_LARGE)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * A link or hard link that appeared at `path` is replaced, never written through, and a reader never sees
 * half a post. The temporary name starts with a dot, which Jekyll ignores.
 */
async function replaceFile(path: string, content: string): Promise<void> {
  // Short whatever the file's name, which may be as long as a name can be.
  const temporary = join(dirname(path), `.hf-daily-papers-${randomBytes(6).toString('hex')}.tmp`)
  try {
    // `wx`: O_CREAT | O_EXCL, which also refuses to follow a link at the temporary name.
    await writeFile(temporary, content, { flag: 'wx' })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
