import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { createFilesPublisher } from '../../src/publish/files.js'
import type { ChangeSet, FileChange } from '../../src/core/changes.js'
import { logKept, writeDecision } from '../../src/publish/write-policy.js'
import { createMemoryLog } from '../support/memory-log.js'
import { expectOperations, POST, publisherFor, standIn, unedited } from './github-stand-in.js'

const STATE = '.hf-daily-papers/written.json'
const set = (files: FileChange[], overwrite: ChangeSet['overwrite'] = 'changed'): ChangeSet => ({
  files,
  message: 'Add Hugging Face Daily Papers for 2025-12-24',
  overwrite,
})

describe('write policy', () => {
  const file = (policy?: FileChange['policy']): FileChange => ({ path: POST, content: 'new\n', policy })
  const old = gitBlobOid('old\n')

  it('keeps an identical file whatever the policy, and writes a missing one unless it is a refreshed post', () => {
    for (const policy of [undefined, { kind: 'state' } as const, { kind: 'unedited' } as const]) {
      expect(writeDecision(file(policy), gitBlobOid('new\n'), 'changed')).toEqual({
        write: false,
        reason: 'unchanged',
      })
    }
    expect(writeDecision(file(), undefined, 'never')).toEqual({ write: true })
    expect(writeDecision(file({ kind: 'state' }), undefined, 'never')).toEqual({ write: true })
    // A refreshed post that is gone was deleted by a person: it is not written again.
    expect(writeDecision(file({ kind: 'unedited', lastWritten: old }), undefined, 'changed')).toEqual({
      write: false,
      reason: 'deleted',
    })
  })

  it('follows overwrite for posts, always replaces state, and replaces a refreshed post only while unedited', () => {
    expect(writeDecision(file(), old, 'changed')).toEqual({ write: true })
    expect(writeDecision(file(), old, 'never')).toEqual({ write: false, reason: 'overwrite-never' })
    expect(writeDecision(file({ kind: 'state' }), old, 'never')).toEqual({ write: true })
    expect(writeDecision(file({ kind: 'unedited', lastWritten: old }), old, 'changed')).toEqual({
      write: true,
    })
    expect(
      writeDecision(file({ kind: 'unedited', lastWritten: gitBlobOid('other\n') }), old, 'changed'),
    ).toEqual({ write: false, reason: 'edited' })
    expect(writeDecision(file({ kind: 'unedited' }), old, 'changed')).toEqual({
      write: false,
      reason: 'edited',
    })
  })
})

describe('a post of the run’s own days that is held (its record entry removed or none, its record unreadable, its list shrunk)', () => {
  it.each(['opted-out', 'not-recorded', 'record-unreadable', 'shrunk'] as const)(
    'is written where there is none (unless the record has it: shrunk), and kept under changed where one differs (%s)',
    (why) => {
      const post: FileChange = { path: POST, content: 'new\n', policy: { kind: 'held', why } }
      const old = gitBlobOid('old\n')
      // A shrunk post has an entry: one that is gone was deleted by a person.
      expect(writeDecision(post, undefined, 'changed')).toEqual(
        why === 'shrunk' ? { write: false, reason: 'deleted' } : { write: true },
      )
      expect(writeDecision(post, undefined, 'always')).toEqual({ write: true })
      expect(writeDecision(post, gitBlobOid('new\n'), 'always')).toEqual({
        write: false,
        reason: 'unchanged',
      })
      expect(writeDecision(post, old, 'changed')).toEqual({ write: false, reason: why })
      expect(writeDecision(post, old, 'never')).toEqual({ write: false, reason: 'overwrite-never' })
      expect(writeDecision(post, old, 'always')).toEqual({ write: true })
    },
  )
})

describe('a post whose own record file cannot be read', () => {
  it('is not written where it is gone, as it may be one a person deleted, unless overwrite is always', () => {
    const post: FileChange = {
      path: POST,
      content: 'new\n',
      policy: { kind: 'held', why: 'record-unreadable', evenWhenGone: true },
    }
    expect(writeDecision(post, undefined, 'changed')).toEqual({ write: false, reason: 'record-unreadable' })
    expect(writeDecision(post, undefined, 'never')).toEqual({ write: false, reason: 'record-unreadable' })
    expect(writeDecision(post, undefined, 'always')).toEqual({ write: true })
  })
})

describe('the notice for a held post', () => {
  it('gives the overwrite hint for a post kept as it is, not for one already as wanted', () => {
    const log = createMemoryLog()
    const post: FileChange = { path: POST, content: 'new\n', policy: { kind: 'held', why: 'not-recorded' } }
    logKept(log, post, 'unchanged', 'on main')
    logKept(log, post, 'not-recorded', 'on main')
    expect(log.lines).toEqual([
      `${POST}: already as wanted on main, left as it is`,
      `${POST}: differs on main, and no record says the action wrote it (written by hand or by another tool, or its record entry was removed; in files mode, commit .hf-daily-papers/ with the posts), so it is left as it is; overwrite: always replaces it`,
    ])
  })
})

describe('a post of the run’s own days that the record says the action wrote', () => {
  const ours = gitBlobOid('ours\n')
  const post = (): FileChange => ({
    path: POST,
    content: 'new\n',
    policy: { kind: 'overwrite', lastWritten: ours },
  })

  it('is rewritten while it is still what the action wrote; once gone, only under always', () => {
    expect(writeDecision(post(), ours, 'changed')).toEqual({ write: true })
    expect(writeDecision(post(), undefined, 'changed')).toEqual({ write: false, reason: 'deleted' })
    expect(writeDecision(post(), undefined, 'never')).toEqual({ write: false, reason: 'deleted' })
    expect(writeDecision(post(), undefined, 'always')).toEqual({ write: true })
  })

  it('is kept when a person edited it, unless overwrite is always; never keeps it anyway', () => {
    const edited = gitBlobOid('edited\n')
    expect(writeDecision(post(), edited, 'changed')).toEqual({ write: false, reason: 'edited' })
    expect(writeDecision(post(), edited, 'always')).toEqual({ write: true })
    expect(writeDecision(post(), ours, 'never')).toEqual({ write: false, reason: 'overwrite-never' })
    // A file no policy guards is rewritten.
    expect(writeDecision({ path: POST, content: 'new\n' }, edited, 'changed')).toEqual({ write: true })
  })

  it('is not taken for an edit in a checkout with CRLF line ends', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hf-daily-papers-crlf-'))
    await mkdir(join(root, '_posts'))
    await writeFile(join(root, POST), 'ours\r\nsecond line\r\n')
    const log = createMemoryLog()
    const publisher = createFilesPublisher({ root, log })
    const lastWritten = gitBlobOid('ours\nsecond line\n')
    const result = await publisher.publish(
      set([{ path: POST, content: 'new\n', policy: { kind: 'overwrite', lastWritten } }]),
    )
    expect(result).toEqual({ written: [POST], kept: [] })
  })
})

describe('reading state files back', () => {
  it('reads a file on the default branch through one GraphQL query, undefined when absent', async () => {
    const server = await standIn({ defaultBranch: 'master', files: { [STATE]: '{"a":1}\n' } })
    const { publisher } = publisherFor(server)
    expect(await publisher.readText(STATE)).toBe('{"a":1}\n')
    expect(await publisher.readText('.hf-daily-papers/none.json')).toBeUndefined()
    expectOperations(server, 'ReadFiles', 'ReadFiles')
  })

  it('reads the files asked for at once in one request', async () => {
    const server = await standIn({ files: { [STATE]: 'state\n', [POST]: 'post\n' } })
    const { publisher } = publisherFor(server)
    const paths = [STATE, POST, '.hf-daily-papers/none.json', STATE]
    expect(await Promise.all(paths.map((path) => publisher.readText(path)))).toEqual([
      'state\n',
      'post\n',
      undefined,
      'state\n',
    ])
    expectOperations(server, 'ReadFiles')
  })

  it('reads the branch with the first files, and commits on that read: two requests', async () => {
    const record = '.hf-daily-papers/posts/2025-12-24.json'
    const server = await standIn({ files: { [record]: '{"posts": {}}\n' } })
    const folders = ['_posts', '.hf-daily-papers/posts']
    const { publisher } = publisherFor(server, { folders })
    expect(await publisher.readText(record)).toBe('{"posts": {}}\n')
    const result = await publisher.publish(set([{ path: POST, content: 'post\n' }]))
    expect(result.commitSha).toBe(await server.git.head('main'))
    expectOperations(server, 'ReadBranch', 'CreateCommitOnBranch')
  })

  it('reads the branch again when it moved after that first read', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { folders: ['_posts'] })
    expect(await publisher.readText('.hf-daily-papers/posts/2025-12-24.json')).toBeUndefined()
    await server.git.commit('main', { 'README.md': 'moved\n' }, 'Meanwhile')
    const result = await publisher.publish(set([{ path: POST, content: 'post\n' }]))
    expect(result.commitSha).toBe(await server.git.head('main'))
    expect(await server.git.readFile('main', 'README.md')).toBe('moved\n')
    expectOperations(server, 'ReadBranch', 'CreateCommitOnBranch', 'ReadBranch', 'CreateCommitOnBranch')
  })

  it('names a missing branch as a commit to it would, since the record is read first', async () => {
    const server = await standIn()
    const { publisher } = publisherFor(server, { branch: 'blog' })
    await expect(publisher.readText(STATE)).rejects.toThrow(
      'Branch "blog" does not exist in lim4349/lim4349.github.io: check the "branch" input, or leave it empty for the default branch',
    )
  })

  it('reads a file whose whole text is "missing" as that text, not as a missing branch', async () => {
    const server = await standIn({ files: { [STATE]: 'missing' } })
    const { publisher } = publisherFor(server)
    expect(await publisher.readText(STATE)).toBe('missing')
  })

  it('reads the open pull request work branch first, the target branch when there is none', async () => {
    const server = await standIn({ files: { [STATE]: 'base\n' } })
    const { publisher } = publisherFor(server, { workBranch: 'daily-papers/2025-12-24' })
    expect(await publisher.readText(STATE)).toBe('base\n')
    // No work branch yet: one read asks for both, and the target branch answers.
    expectOperations(server, 'ReadFiles')
    await publisher.publish(set([{ path: STATE, content: 'work\n', policy: { kind: 'state' } }], 'never'))
    expect(await server.git.readFile('main', STATE)).toBe('base\n')
    server.requests.length = 0
    expect(await publisher.readText(STATE)).toBe('work\n')
    expectOperations(server, 'ReadFiles')
  })

  it('writes state under overwrite: never and reports what it kept and why', async () => {
    const server = await standIn({ files: { [POST]: 'edited\n', [STATE]: 'old\n' } })
    const { publisher } = publisherFor(server)
    const result = await publisher.publish(
      set(
        [
          unedited(POST, 'refreshed\n', 'ours\n'),
          { path: STATE, content: 'new\n', policy: { kind: 'state' } },
        ],
        'never',
      ),
    )
    expect(result.written).toEqual([STATE])
    expect(result.kept).toEqual([{ path: POST, reason: 'edited' }])
    expect(await server.git.readFile('main', POST)).toBe('edited\n')
    expect(await server.git.readFile('main', STATE)).toBe('new\n')
  })

  it('does the same in the workspace', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hf-daily-papers-state-'))
    await mkdir(join(root, '_posts'))
    await writeFile(join(root, POST), 'ours\n')
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    expect(await publisher.readText(STATE)).toBeUndefined()
    expect(await publisher.readText(POST)).toBe('ours\n')
    const result = await publisher.publish(
      set([
        unedited(POST, 'refreshed\n', 'ours\n'),
        { path: STATE, content: '{}\n', policy: { kind: 'state' } },
      ]),
    )
    expect(result).toEqual({ written: [POST, STATE], kept: [] })
    expect(await readFile(join(root, POST), 'utf8')).toBe('refreshed\n')
    expect(await publisher.readText(STATE)).toBe('{}\n')
  })
})
