import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitBlobOid } from '../../src/core/git-blob.js'
import { createFilesPublisher } from '../../src/publish/files.js'
import {
  POST_RECORD,
  recordChanges,
  recordPath,
  recordShards,
  type RecordEntry,
  type RecordUpdate,
} from '../../src/core/post-record.js'
import { parseStateFile, renderStateFile } from '../../src/core/state-file.js'
import type { ChangeSet, FileChange } from '../../src/core/changes.js'
import { createMemoryLog } from '../support/memory-log.js'
import { expectOperations, publisherFor, standIn, unedited } from './github-stand-in.js'

const RECORD = '.hf-daily-papers/posts/2025-11.json'
const POST_17 = '_posts/2025-11-17-daily-papers-2025-11-17.md'
const POST_18 = '_posts/2025-11-18-daily-papers-2025-11-18.md'
const parseRecord = (text: string) => parseStateFile(POST_RECORD, text)
const renderRecord = (entries: ReadonlyMap<string, RecordEntry>) => renderStateFile(POST_RECORD, entries)
const entry = (content: string, papers: RecordEntry['papers'] = [['2511.00001', 3]]): RecordEntry => ({
  blob: gitBlobOid(content),
  papers,
})

/** A record that knows POST_17 as `old 17`, and the update that writes both posts. */
function update(entries = new Map([[POST_17, entry('old 17\n')]])): RecordUpdate {
  const text = renderRecord(entries)
  return {
    files: new Map([[RECORD, { entries, readOid: gitBlobOid(text), writable: true }]]),
    posts: new Map([
      [POST_17, { record: RECORD, papers: [['2511.00002', 9]] }],
      [POST_18, { record: RECORD, papers: [] }],
    ]),
  }
}

const changeSet = (files: FileChange[], record: RecordUpdate): ChangeSet => ({
  files,
  message: 'Add Hugging Face Daily Papers for 2025-11-18',
  overwrite: 'changed',
  record,
})

describe('the record file', () => {
  it("is one file per post's day, in a dot folder Jekyll ignores", () => {
    expect(recordPath('2025-11-30')).toBe('.hf-daily-papers/posts/2025-11-30.json')
    expect(recordPath('2025-12-01')).toBe('.hf-daily-papers/posts/2025-12-01.json')
  })

  it('is one file per period for a weekly or monthly post, named as its {week} or its month', () => {
    expect(recordPath('2025-11-24', 'week')).toBe('.hf-daily-papers/posts/2025-W48.json')
    expect(recordPath('2024-12-30', 'week')).toBe('.hf-daily-papers/posts/2025-W01.json')
    // Not 1.x's `2025-11.json`, which holds every post of its month.
    expect(recordPath('2025-11-01', 'month')).toBe('.hf-daily-papers/posts/2025-11-month.json')
  })

  it("is looked for in the post's own file, its first day's (a period post's) and 1.x's month file", () => {
    expect(recordShards('2025-11-30')).toEqual(['2025-11-30', '2025-11'])
    expect(recordShards('2025-11-24', 'week')).toEqual(['2025-W48', '2025-11-24', '2025-11'])
    expect(recordShards('2025-11-01', 'month')).toEqual(['2025-11-month', '2025-11-01', '2025-11'])
  })

  it('renders sorted, parseable JSON and reads back what it wrote', () => {
    const entries = new Map([
      [POST_18, entry('b\n', [])],
      [
        POST_17,
        entry('a\n', [
          ['2511.00001', 12],
          ['2511.00002', 0],
        ]),
      ],
    ])
    const text = renderRecord(entries)
    expect(Object.keys((JSON.parse(text) as { posts: object }).posts)).toEqual([POST_17, POST_18])
    expect(text).toContain(
      '      "papers": [\n        ["2511.00001", 12],\n        ["2511.00002", 0]\n      ]',
    )
    expect(parseRecord(text)).toEqual({ entries: new Map([...entries].reverse()) })
    expect(renderRecord(new Map([...entries].reverse()))).toBe(text)
    expect(parseRecord(renderRecord(new Map()))).toEqual({ entries: new Map() })
  })

  it('reads what it can of a file a person broke, and says what is wrong', () => {
    const good = entry('a\n')
    const text = JSON.stringify({
      posts: { [POST_17]: good, [POST_18]: { blob: 'not a blob id', papers: [] }, ['__proto__']: good },
    })
    expect(parseRecord(text)).toEqual({
      entries: new Map([
        [POST_17, good],
        ['__proto__', good],
      ]),
      kept: new Map([[POST_18, { blob: 'not a blob id', papers: [] }]]),
      problem: 'has 1 entry it cannot read',
    })
    expect(parseRecord('{"posts": ').problem).toMatch(/^is not valid JSON/)
    expect(parseRecord('[]').problem).toBe('is not a record of posts ({"posts": {…}} expected)')
    expect(parseRecord(`${'['.repeat(100_000)}`).problem).toBe(
      'is not valid JSON (nested deeper than 32 levels)',
    )
    expect(parseRecord(' '.repeat(4 * 1024 * 1024 + 1)).problem).toBe('is larger than 4 MB')
  })
})

describe('recordChanges', () => {
  it('records each written post with its blob id and ranking, keeping the other entries', () => {
    const [file, ...others] = recordChanges(update(), [{ path: POST_18, content: 'new 18\n' }])
    expect(others).toEqual([])
    expect(file).toMatchObject({ path: RECORD, policy: { kind: 'state' } })
    expect(parseRecord(file?.content ?? '').entries).toEqual(
      new Map([
        [POST_17, entry('old 17\n')],
        [POST_18, { blob: gitBlobOid('new 18\n'), papers: [] }],
      ]),
    )
  })

  it('changes no record when no recorded post is written, and none in a dry run', () => {
    expect(recordChanges(update(), [])).toEqual([])
    expect(
      recordChanges(update(), [{ path: '_data/papers/daily-2025-11-18.json', content: '[]\n' }]),
    ).toEqual([])
    expect(recordChanges(undefined, [{ path: POST_18, content: 'new 18\n' }])).toEqual([])
    const notRead = { ...update(), files: new Map() }
    expect(recordChanges(notRead, [{ path: POST_18, content: 'new 18\n' }])).toEqual([])
    const { files } = update()
    const notWritable = {
      ...update(),
      files: new Map([[RECORD, { ...files.get(RECORD)!, writable: false }]]),
    }
    expect(recordChanges(notWritable, [{ path: POST_18, content: 'new 18\n' }])).toEqual([])
  })
})

describe('publishers keep the record true to what they wrote', () => {
  it('commits the record with the posts it writes, not for a post a person edited', async () => {
    const server = await standIn({
      files: { [POST_17]: 'edited 17\n', [RECORD]: renderRecord(update().files.get(RECORD)!.entries) },
    })
    const { publisher } = publisherFor(server)
    const result = await publisher.publish(
      changeSet(
        [unedited(POST_17, 'new 17\n', 'old 17\n'), { path: POST_18, content: 'new 18\n' }],
        update(),
      ),
    )
    expect(result).toMatchObject({ written: [POST_18, RECORD], kept: [{ path: POST_17, reason: 'edited' }] })
    const recorded = parseRecord((await server.git.readFile('main', RECORD)) ?? '').entries
    expect(recorded.get(POST_17)).toEqual(entry('old 17\n'))
    expect(recorded.get(POST_18)?.blob).toBe(gitBlobOid('new 18\n'))
    expect(await server.git.readFile('main', POST_17)).toBe('edited 17\n')

    server.requests.length = 0
    const again = await publisher.publish(changeSet([{ path: POST_18, content: 'new 18\n' }], update()))
    expect(again.written).toEqual([])
    expectOperations(server, 'ReadBranch')
  })

  it('reads the record again when another run committed to it in between', async () => {
    const server = await standIn({ files: { [RECORD]: renderRecord(update().files.get(RECORD)!.entries) } })
    const theirs = new Map([...update().files.get(RECORD)!.entries, [POST_18, entry('theirs\n')]])
    await server.git.commit('main', { [RECORD]: renderRecord(theirs) }, 'Another run')
    const { publisher } = publisherFor(server)
    await publisher.publish(changeSet([{ path: POST_17, content: 'new 17\n' }], update()))
    expect(parseRecord((await server.git.readFile('main', RECORD)) ?? '').entries).toEqual(
      new Map([
        [POST_17, { blob: gitBlobOid('new 17\n'), papers: [['2511.00002', 9]] }],
        [POST_18, entry('theirs\n')],
      ]),
    )
  })

  it('lets an open pull request tell its own unmerged refresh from an edit', async () => {
    const work = 'daily-papers/2025-11-18'
    const server = await standIn({
      files: { [POST_17]: 'base 17\n', [RECORD]: renderRecord(update().files.get(RECORD)!.entries) },
    })
    const { publisher } = publisherFor(server, { workBranch: work })
    await publisher.publish(changeSet([unedited(POST_17, 'pr 17\n', 'base 17\n')], update()))
    expect(await server.git.readFile(work, POST_17)).toBe('pr 17\n')

    // The record on the work branch now says `pr 17`; the target branch still has `base 17`.
    const again = await publisher.publish(
      changeSet([unedited(POST_17, 'pr 17 again\n', 'pr 17\n')], update()),
    )
    expect(again.written).toEqual([POST_17, RECORD])
    expect(await server.git.readFile(work, POST_17)).toBe('pr 17 again\n')
  })

  it('writes the record in the workspace beside the posts, and nothing on a re-run', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hf-daily-papers-record-'))
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    const set = changeSet([{ path: POST_18, content: 'new 18\n' }], update())
    expect(await publisher.publish(set)).toEqual({ written: [POST_18, RECORD], kept: [] })
    expect(parseRecord(await readFile(join(root, RECORD), 'utf8')).entries.get(POST_18)?.blob).toBe(
      gitBlobOid('new 18\n'),
    )
    expect(await publisher.publish(set)).toEqual({
      written: [],
      kept: [{ path: POST_18, reason: 'unchanged' }],
    })
  })
})
