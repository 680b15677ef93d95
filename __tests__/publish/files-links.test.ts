import { describe, expect, it } from '@jest/globals'
import { link, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMemoryLog } from '../support/memory-log.js'
import { createFilesPublisher } from '../../src/publish/files.js'
import type { ChangeSet } from '../../src/core/changes.js'

/**
 * Files mode in a checked-out repository whose content is not ours: `_posts`, the data folder or a
 * post may be a symbolic link that git checked out. Nothing may be written outside the workspace.
 */
const POST = '_posts/2025-12-24-daily-papers.md'
const DATA = '_data/papers/daily-2025-12-24.json'
const changeSet = (overwrite: ChangeSet['overwrite'] = 'changed'): ChangeSet => ({
  files: [
    { path: POST, content: 'post\n' },
    { path: DATA, content: '[]\n' },
  ],
  message: 'm',
  overwrite,
})

/** A workspace and, beside it, a folder the attacker wants written. */
async function workspaceAndOutside() {
  const base = await mkdtemp(join(tmpdir(), 'files-links-'))
  const root = join(base, 'workspace')
  const outside = join(base, 'outside')
  await mkdir(root)
  await mkdir(outside)
  return { root, outside }
}

const publish = (root: string, changes = changeSet()) =>
  createFilesPublisher({ root, log: createMemoryLog() }).publish(changes)

describe('files publisher and symbolic links', () => {
  it('refuses a _posts folder that links out of the workspace, naming the link and its target, and writes nothing', async () => {
    const { root, outside } = await workspaceAndOutside()
    await symlink(outside, join(root, '_posts'))
    const failure = publish(root)
    await expect(failure).rejects.toThrow(
      `Refusing to write "${POST}": the folder "_posts" is a symbolic link to ${JSON.stringify(outside)}, outside the workspace`,
    )
    expect(await readdir(outside)).toEqual([])
    // Checked before anything was written: the data file, whose path is fine, is not there either.
    expect(await readdir(root)).toEqual(['_posts'])
  })

  it('refuses a data folder whose parent links out, by a relative link', async () => {
    const { root, outside } = await workspaceAndOutside()
    await symlink('../outside', join(root, '_data'))
    await expect(publish(root)).rejects.toThrow(
      `Refusing to write "${DATA}": the folder "_data" is a symbolic link to "../outside", outside the workspace`,
    )
    expect(await readdir(outside)).toEqual([])
    expect(await readdir(root)).toEqual(['_data'])
  })

  it('never writes through a post that is itself a link, to outside or inside, even when its content differs', async () => {
    const { root, outside } = await workspaceAndOutside()
    await writeFile(join(outside, 'victim'), 'precious\n')
    await mkdir(join(root, '_posts'))
    await symlink(join(outside, 'victim'), join(root, POST))
    await expect(publish(root)).rejects.toThrow(
      `Refusing to write "${POST}": "${POST}" is a symbolic link (to ${JSON.stringify(join(outside, 'victim'))}); the action writes no file through a link`,
    )
    expect(await readFile(join(outside, 'victim'), 'utf8')).toBe('precious\n')

    const inside = await workspaceAndOutside()
    await mkdir(join(inside.root, '_posts'))
    await writeFile(join(inside.root, 'other.md'), 'other\n')
    await symlink('../other.md', join(inside.root, POST))
    await expect(publish(inside.root)).rejects.toThrow(/is a symbolic link \(to "\.\.\/other\.md"\)/)
    expect(await readFile(join(inside.root, 'other.md'), 'utf8')).toBe('other\n')
  })

  it('refuses a link to a folder that does not exist', async () => {
    const { root } = await workspaceAndOutside()
    await symlink('/nonexistent/hf-daily-papers', join(root, '_posts'))
    await expect(publish(root)).rejects.toThrow(
      'the folder "_posts" is a symbolic link to "/nonexistent/hf-daily-papers", which does not exist',
    )
  })

  it('follows a folder link that stays inside the workspace', async () => {
    const { root } = await workspaceAndOutside()
    await mkdir(join(root, 'content/posts'), { recursive: true })
    await symlink('content/posts', join(root, '_posts'))
    expect((await publish(root)).written).toEqual([POST, DATA])
    expect(await readFile(join(root, 'content/posts/2025-12-24-daily-papers.md'), 'utf8')).toBe('post\n')
  })

  it('works in a workspace that is itself reached through a link (a runner that links its work folder)', async () => {
    const { root, outside } = await workspaceAndOutside()
    const linkedRoot = join(outside, 'linked-workspace')
    await symlink(root, linkedRoot)
    expect((await publish(linkedRoot)).written).toEqual([POST, DATA])
    expect(await readFile(join(root, POST), 'utf8')).toBe('post\n')
  })

  it('replaces a changed post that is a hard link instead of writing into the file it shares', async () => {
    const { root, outside } = await workspaceAndOutside()
    await writeFile(join(outside, 'victim'), 'precious\n')
    await mkdir(join(root, '_posts'))
    await link(join(outside, 'victim'), join(root, POST))
    expect((await publish(root)).written).toEqual([POST, DATA])
    expect(await readFile(join(root, POST), 'utf8')).toBe('post\n')
    expect(await readFile(join(outside, 'victim'), 'utf8')).toBe('precious\n')
    // No temporary file left behind.
    expect(await readdir(join(root, '_posts'))).toEqual(['2025-12-24-daily-papers.md'])
  })
})
