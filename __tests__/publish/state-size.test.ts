import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { POST_RECORD } from '../../src/core/post-record.js'
import { MAX_STATE_FILE_BYTES, readStateFiles } from '../../src/core/state-file.js'
import { createFilesPublisher } from '../../src/publish/files.js'
import { BLOB_TEXT_LIMIT } from '../support/github-graphql.js'
import { createMemoryLog } from '../support/memory-log.js'
import { expectOperations, POST, publisherFor, standIn } from './github-stand-in.js'

/**
 * State files at GitHub's real limits: GraphQL's `Blob.text` stops at 512,000 bytes (`isTruncated`), a
 * file with a NUL byte has no `text` at all, and the action never reads (nor writes) one over 4 MiB.
 */
const RECORD = '.hf-daily-papers/posts/2025-12.json'

/** A record file of `bytes` bytes or a little more, its entries Korean-free but its padding not. */
function largeRecord(bytes: number): string {
  const entries: string[] = []
  let size = 0
  for (let number = 0; size < bytes; number++) {
    const entry = `    "_posts/2025-12-${String(number).padStart(6, '0')}-요약.md": {"blob": "${'a'.repeat(40)}", "papers": [["2512.00001", 1]]}`
    entries.push(entry)
    size += Buffer.byteLength(entry) + 2
  }
  return `{\n  "posts": {\n${entries.join(',\n')}\n  }\n}\n`
}

describe('the GitHub stand-in’s blobs', () => {
  it('stops Blob.text at 512,000 bytes and says so, as github.com does', async () => {
    const text = largeRecord(BLOB_TEXT_LIMIT + 1000)
    const server = await standIn({ files: { [RECORD]: text } })
    const answer = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { authorization: 'token write-token' },
      body: JSON.stringify({
        query: `{ repository(owner: "lim4349", name: "lim4349.github.io") { defaultBranchRef { target { ... on Commit { file(path: "${RECORD}") { object { ... on Blob { byteSize isTruncated text } } } } } } } }`,
      }),
    })
    const { data } = (await answer.json()) as {
      data: {
        repository: {
          defaultBranchRef: {
            target: { file: { object: { byteSize: number; isTruncated: boolean; text: string } } }
          }
        }
      }
    }
    const blob = data.repository.defaultBranchRef.target.file.object
    expect(blob.byteSize).toBe(Buffer.byteLength(text))
    expect(blob.isTruncated).toBe(true)
    expect(Buffer.byteLength(blob.text)).toBeLessThanOrEqual(BLOB_TEXT_LIMIT)
    expect(text.startsWith(blob.text)).toBe(true)
  })
})

describe('state files past GitHub’s 512,000 bytes', () => {
  it('reads a truncated blob whole over REST, raw, after the one GraphQL read', async () => {
    const text = largeRecord(700_000)
    const server = await standIn({ files: { [RECORD]: text } })
    const { publisher } = publisherFor(server)
    expect(await publisher.readText(RECORD)).toBe(text)
    const blob = server.requests[1]?.path ?? ''
    expect(blob).toMatch(/^\/repos\/lim4349\/lim4349\.github\.io\/git\/blobs\/[0-9a-f]{40}$/)
    expectOperations(server, 'ReadFiles', blob)
  })

  it('reads a small file with the GraphQL read alone', async () => {
    const server = await standIn({ files: { [RECORD]: '{"posts": {}}\n' } })
    const { publisher } = publisherFor(server)
    expect(await publisher.readText(RECORD)).toBe('{"posts": {}}\n')
    expectOperations(server, 'ReadFiles')
  })

  it.each([
    ['holds a NUL byte', '{"posts": {}}\0\n', 'is not text (it holds a NUL byte)'],
    ['is over 4 MiB', largeRecord(MAX_STATE_FILE_BYTES + 10), 'is larger than 4 MB'],
  ])('warns about a file that %s, uses none of it and leaves it as it is', async (_, text, problem) => {
    const server = await standIn({ files: { [RECORD]: text } })
    const { publisher } = publisherFor(server)
    const log = createMemoryLog()
    const files = await readStateFiles(POST_RECORD, ['2025-12'], (path) => publisher.readText(path), log)
    expect(files.get(RECORD)).toEqual({ entries: new Map(), writable: false })
    expect(log.warnings).toEqual([
      `${RECORD} ${problem}: it is not used and is left as it is; fix it so that the action can record the posts it writes (deleted, it no longer keeps the posts it lists, and a person's edits of them, from being rewritten)`,
    ])
  })

  it('does the same in the workspace for a file over 4 MiB', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hf-daily-papers-size-'))
    await mkdir(join(root, '.hf-daily-papers/posts'), { recursive: true })
    await writeFile(join(root, RECORD), largeRecord(MAX_STATE_FILE_BYTES + 10))
    const log = createMemoryLog()
    const publisher = createFilesPublisher({ root, log })
    const files = await readStateFiles(POST_RECORD, ['2025-12'], (path) => publisher.readText(path), log)
    expect(files.get(RECORD)?.writable).toBe(false)
    expect(log.warnings).toHaveLength(1)
    expect(log.warnings[0]).toContain(`${RECORD} is larger than 4 MB`)
  })

  it('never writes a state file larger than it reads back, and says so', async () => {
    const server = await standIn()
    const { publisher, log } = publisherFor(server)
    const result = await publisher.publish({
      files: [
        { path: POST, content: 'post\n' },
        { path: RECORD, content: largeRecord(MAX_STATE_FILE_BYTES + 10), policy: { kind: 'state' } },
      ],
      message: 'Add Hugging Face Daily Papers for 2025-12-24',
      overwrite: 'changed',
    })
    expect(result.written).toEqual([POST])
    expect(result.kept).toEqual([{ path: RECORD, reason: 'too-large' }])
    expect(await server.git.readFile('main', RECORD)).toBeUndefined()
    expect(log.warnings).toEqual([
      `${RECORD}: not written on main: it would be larger than the 4 MB the action reads back; delete entries no longer needed from it`,
    ])
  })
})
