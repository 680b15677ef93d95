import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMemoryLog } from '../support/memory-log.js'
import { createDryRunPublisher } from '../../src/publish/index.js'
import { createFilesPublisher } from '../../src/publish/files.js'
import type { ChangeSet } from '../../src/core/changes.js'

const changeSet = (overwrite: ChangeSet['overwrite'] = 'changed'): ChangeSet => ({
  files: [
    { path: '_posts/2025-12-24-daily-papers.md', content: 'post\n' },
    { path: '_data/papers/daily-2025-12-24.json', content: '[]\n' },
  ],
  message: 'm',
  overwrite,
})

describe('files publisher', () => {
  it('writes new files, then leaves identical ones alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'files-publisher-'))
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    expect(await publisher.publish(changeSet())).toEqual({
      written: ['_posts/2025-12-24-daily-papers.md', '_data/papers/daily-2025-12-24.json'],
      kept: [],
    })
    expect(await readFile(join(root, '_posts/2025-12-24-daily-papers.md'), 'utf8')).toBe('post\n')
    expect(await publisher.publish(changeSet())).toEqual({
      written: [],
      kept: [
        { path: '_posts/2025-12-24-daily-papers.md', reason: 'unchanged' },
        { path: '_data/papers/daily-2025-12-24.json', reason: 'unchanged' },
      ],
    })
  })

  it('rewrites a changed file, unless overwrite is never', async () => {
    const root = await mkdtemp(join(tmpdir(), 'files-publisher-'))
    await mkdir(join(root, '_posts'))
    await writeFile(join(root, '_posts/2025-12-24-daily-papers.md'), 'edited by hand\n')
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    expect((await publisher.publish(changeSet('never'))).written).toEqual([
      '_data/papers/daily-2025-12-24.json',
    ])
    expect(await readFile(join(root, '_posts/2025-12-24-daily-papers.md'), 'utf8')).toBe('edited by hand\n')
    expect((await publisher.publish(changeSet())).written).toEqual(['_posts/2025-12-24-daily-papers.md'])
  })

  it('refuses a path outside its root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'files-publisher-'))
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    await expect(
      publisher.publish({
        files: [{ path: '../escape.md', content: 'x' }],
        message: 'm',
        overwrite: 'changed',
      }),
    ).rejects.toThrow(`Refusing to write "../escape.md": it is outside ${root}`)
  })
})

describe('dry-run publisher', () => {
  it('prints a single post as it is and writes nothing', async () => {
    const printed: string[] = []
    const publisher = createDryRunPublisher({ print: (text) => printed.push(text) })
    const single: ChangeSet = {
      files: [{ path: 'a.md', content: 'post\n' }],
      message: 'm',
      overwrite: 'changed',
    }
    expect(await publisher.publish(single)).toEqual({ written: ['a.md'], kept: [] })
    expect(printed).toEqual(['post\n'])
  })

  it('prints several files under their paths', async () => {
    const printed: string[] = []
    await createDryRunPublisher({ print: (text) => printed.push(text) }).publish(changeSet())
    expect(printed).toEqual([
      '==> _posts/2025-12-24-daily-papers.md <==\npost\n\n',
      '==> _data/papers/daily-2025-12-24.json <==\n[]\n\n',
    ])
  })
})
