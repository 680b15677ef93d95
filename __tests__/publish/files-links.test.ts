import { describe, expect, it } from '@jest/globals'
import { link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createMemoryLog } from '../support/memory-log.js'
import { workspaceBesideOutside } from '../support/workspace.js'
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

const publish = (root: string, changes = changeSet()) =>
  createFilesPublisher({ root, log: createMemoryLog() }).publish(changes)

describe('files publisher and symbolic links', () => {
  it('refuses a _posts folder that links out of the workspace, naming the link and its target, and writes nothing', async () => {
    const { workspace, outside } = await workspaceBesideOutside('files-links-')
    await symlink(outside, join(workspace, '_posts'))
    const failure = publish(workspace)
    await expect(failure).rejects.toThrow(
      `Refusing to write "${POST}": the folder "_posts" is a symbolic link to ${JSON.stringify(outside)}, outside the workspace`,
    )
    expect(await readdir(outside)).toEqual([])
    // Checked before anything was written: the data file, whose path is fine, is not there either.
    expect(await readdir(workspace)).toEqual(['_posts'])
  })

  it('refuses a data folder whose parent links out, by a relative link', async () => {
    const { workspace, outside } = await workspaceBesideOutside('files-links-')
    await symlink('../outside', join(workspace, '_data'))
    await expect(publish(workspace)).rejects.toThrow(
      `Refusing to write "${DATA}": the folder "_data" is a symbolic link to "../outside", outside the workspace`,
    )
    expect(await readdir(outside)).toEqual([])
    expect(await readdir(workspace)).toEqual(['_data'])
  })

  it("refuses a _posts folder that links into the workspace's .git", async () => {
    const { workspace } = await workspaceBesideOutside('files-links-')
    await mkdir(join(workspace, '.git', 'hooks'), { recursive: true })
    await symlink('.git/hooks', join(workspace, '_posts'))
    await expect(publish(workspace)).rejects.toThrow(
      `Refusing to write "${POST}": the folder "_posts" is a symbolic link to ".git/hooks", in the workspace's .git`,
    )
    expect(await readdir(join(workspace, '.git', 'hooks'))).toEqual([])
  })

  it('never writes through a post that is itself a link, to outside or inside, even when its content differs', async () => {
    const { workspace, outside } = await workspaceBesideOutside('files-links-')
    await writeFile(join(outside, 'victim'), 'precious\n')
    await mkdir(join(workspace, '_posts'))
    await symlink(join(outside, 'victim'), join(workspace, POST))
    await expect(publish(workspace)).rejects.toThrow(
      `Refusing to write "${POST}": "${POST}" is a symbolic link (to ${JSON.stringify(join(outside, 'victim'))}); the action writes no file through a link`,
    )
    expect(await readFile(join(outside, 'victim'), 'utf8')).toBe('precious\n')

    const inside = await workspaceBesideOutside('files-links-')
    await mkdir(join(inside.workspace, '_posts'))
    await writeFile(join(inside.workspace, 'other.md'), 'other\n')
    await symlink('../other.md', join(inside.workspace, POST))
    await expect(publish(inside.workspace)).rejects.toThrow(/is a symbolic link \(to "\.\.\/other\.md"\)/)
    expect(await readFile(join(inside.workspace, 'other.md'), 'utf8')).toBe('other\n')
  })

  it('refuses a link to a folder that does not exist', async () => {
    const { workspace } = await workspaceBesideOutside('files-links-')
    await symlink('/nonexistent/hf-daily-papers', join(workspace, '_posts'))
    await expect(publish(workspace)).rejects.toThrow(
      'the folder "_posts" is a symbolic link to "/nonexistent/hf-daily-papers", which does not exist',
    )
  })

  it('follows a folder link that stays inside the workspace', async () => {
    const { workspace } = await workspaceBesideOutside('files-links-')
    await mkdir(join(workspace, 'content/posts'), { recursive: true })
    await symlink('content/posts', join(workspace, '_posts'))
    expect((await publish(workspace)).written).toEqual([POST, DATA])
    expect(await readFile(join(workspace, 'content/posts/2025-12-24-daily-papers.md'), 'utf8')).toBe('post\n')
  })

  it('works in a workspace that is itself reached through a link (a runner that links its work folder)', async () => {
    const { workspace, outside } = await workspaceBesideOutside('files-links-')
    const linkedWorkspace = join(outside, 'linked-workspace')
    await symlink(workspace, linkedWorkspace)
    expect((await publish(linkedWorkspace)).written).toEqual([POST, DATA])
    expect(await readFile(join(workspace, POST), 'utf8')).toBe('post\n')
  })

  it('replaces a changed post that is a hard link instead of writing into the file it shares', async () => {
    const { workspace, outside } = await workspaceBesideOutside('files-links-')
    await writeFile(join(outside, 'victim'), 'precious\n')
    await mkdir(join(workspace, '_posts'))
    await link(join(outside, 'victim'), join(workspace, POST))
    expect((await publish(workspace)).written).toEqual([POST, DATA])
    expect(await readFile(join(workspace, POST), 'utf8')).toBe('post\n')
    expect(await readFile(join(outside, 'victim'), 'utf8')).toBe('precious\n')
    // No temporary file left behind.
    expect(await readdir(join(workspace, '_posts'))).toEqual(['2025-12-24-daily-papers.md'])
  })
})

describe('files publisher and a file or folder in the way', () => {
  it('refuses a data folder whose path holds a file, naming it, and writes nothing', async () => {
    const { workspace } = await workspaceBesideOutside('files-in-the-way-')
    await writeFile(join(workspace, '_data'), 'mine\n')
    await expect(publish(workspace)).rejects.toThrow(
      `Refusing to write "${DATA}": "_data" is a file, where a folder is needed. Nothing was written; point "posts-dir" / "data-dir" (or "filename") elsewhere, or move that file or folder`,
    )
    expect((await readdir(workspace)).sort()).toEqual(['_data'])
    expect(await readFile(join(workspace, '_data'), 'utf8')).toBe('mine\n')
  })

  it('refuses a folder where the post goes, and writes nothing', async () => {
    const { workspace } = await workspaceBesideOutside('files-in-the-way-')
    await mkdir(join(workspace, POST, 'keep'), { recursive: true })
    await expect(publish(workspace)).rejects.toThrow(
      `Refusing to write "${POST}": "${POST}" is a folder, where a file goes.`,
    )
    expect(await readdir(join(workspace, POST))).toEqual(['keep'])
    expect(await readdir(workspace)).toEqual(['_posts'])
  })
})
