import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { createFileSource } from '../../src/source/file.js'
import { inListOrder, parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'

const seedPath = resolve(process.cwd(), '__tests__/fixtures/seed/2025-12-24.json')
const seed = JSON.parse(await fs.readFile(seedPath, 'utf8')) as unknown[]

/** An `open` that serves `text` and counts its calls. */
function fakeFile(text: string) {
  const reads: string[] = []
  const readFile = (path: string) => {
    reads.push(path)
    return Readable.from([Buffer.from(text)])
  }
  return { reads, readFile }
}

describe('createFileSource', () => {
  it('returns the papers of a saved response for the day asked', async () => {
    const day = await createFileSource(seedPath).fetchDay('2025-12-24')
    const { papers, invalid } = parseDailyPapers(seed, seedPath)
    expect(day).toEqual({ day: '2025-12-24', papers: inListOrder(papers), invalid })
    expect(day.papers).toHaveLength(5)
  })

  it('refuses a day the file was not saved for, naming the day it was (read once)', async () => {
    const { reads, readFile } = fakeFile(JSON.stringify(seed))
    const source = createFileSource('saved.json', readFile)
    expect((await source.fetchDay('2025-12-24')).papers).toHaveLength(5)
    await expect(source.fetchDay('2025-12-25')).rejects.toThrow(
      'saved.json holds the papers Hugging Face listed on 2025-12-24 (their submittedOnDailyAt), not on 2025-12-25; run with --date 2025-12-24',
    )
    expect(reads).toEqual(['saved.json'])
  })

  it('leaves out a paper listed on another day, as from Hugging Face', async () => {
    const mixed = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    mixed[0]!.paper.submittedOnDailyAt = '2025-12-23T13:00:00.000Z'
    const day = await createFileSource('saved.json', fakeFile(JSON.stringify(mixed)).readFile).fetchDay(
      '2025-12-24',
    )
    expect(day.papers).toHaveLength(4)
    expect(day.offDay).toEqual([{ id: mixed[0]!.paper.id, listedOn: '2025-12-23' }])
  })

  it('stands for the day asked when no paper says which day it was listed on', async () => {
    const unstamped = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    for (const item of unstamped) delete item.paper.submittedOnDailyAt
    const day = await createFileSource('saved.json', fakeFile(JSON.stringify(unstamped)).readFile).fetchDay(
      '2025-12-25',
    )
    expect(day).toMatchObject({ day: '2025-12-25', papers: expect.any(Array) })
    expect(day.papers).toHaveLength(5)
  })

  it('reports an invalid paper with its id and field', async () => {
    const broken = structuredClone(seed) as Array<{ paper: Record<string, unknown> }>
    delete broken[0]!.paper.title
    const { papers, invalid } = await createFileSource(
      'saved.json',
      fakeFile(JSON.stringify(broken)).readFile,
    ).fetchDay('2025-12-24')
    expect(papers).toHaveLength(4)
    expect(invalid).toEqual([{ id: '2512.19526', field: 'paper.title', problem: expect.any(String) }])
  })

  it('names a file it cannot read and what it expected', async () => {
    const missing = resolve(process.cwd(), 'no-such-response.json')
    await expect(createFileSource(missing).fetchDay('2025-12-24')).rejects.toThrow(
      `Cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'; expected a saved response of /api/daily_papers (a JSON array of papers)`,
    )
  })

  it('names a file that is not JSON', async () => {
    const source = createFileSource('post.md', fakeFile('# Daily Papers').readFile)
    await expect(source.fetchDay('2025-12-24')).rejects.toThrow(
      /^post\.md is not JSON \(.+\); expected a saved response of \/api\/daily_papers \(a JSON array of papers\)$/,
    )
  })

  it('fails on JSON that is not a list of papers, naming the file', async () => {
    const source = createFileSource('saved.json', fakeFile('{"error":"Invalid date"}').readFile)
    const fetching = source.fetchDay('2025-12-24')
    await expect(fetching).rejects.toThrow(UnexpectedResponseError)
    await expect(fetching).rejects.toThrow(
      'saved.json returned {"error":"Invalid date"} where a JSON array of papers was expected',
    )
  })
})

describe('createFileSource bounds', () => {
  it('stops reading an endless file at 8 MiB, naming it and the limit', async () => {
    const started = performance.now()
    await expect(createFileSource('/dev/zero').fetchDay('2025-12-24')).rejects.toThrow(
      'Cannot read /dev/zero: it is larger than 8 MiB, the limit for one response; expected a saved response of /api/daily_papers (a JSON array of papers)',
    )
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('reads a response of exactly the limit and refuses one byte more', async () => {
    const json = JSON.stringify(seed)
    const padded = (bytes: number) => `${json}${' '.repeat(bytes - Buffer.byteLength(json))}`
    const exact = createFileSource('saved.json', fakeFile(padded(8 * 1024 * 1024)).readFile)
    expect((await exact.fetchDay('2025-12-24')).papers).toHaveLength(5)
    const over = createFileSource('saved.json', fakeFile(padded(8 * 1024 * 1024 + 1)).readFile)
    await expect(over.fetchDay('2025-12-24')).rejects.toThrow(
      'Cannot read saved.json: it is larger than 8 MiB, the limit for one response',
    )
  })

  it('refuses a document nested 100,000 deep, naming the file and the limit', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const source = createFileSource('deep.json', fakeFile(deep).readFile)
    await expect(source.fetchDay('2025-12-24')).rejects.toHaveProperty(
      'message',
      'deep.json nests deeper than 32 levels; expected a saved response of /api/daily_papers (a JSON array of papers)',
    )
  })

  it('quotes only the start of a large object that is not a list', async () => {
    const source = createFileSource('big.json', fakeFile(JSON.stringify({ note: 'x'.repeat(1e6) })).readFile)
    await expect(source.fetchDay('2025-12-24')).rejects.toThrow(
      `big.json returned {"note":"${'x'.repeat(191)}… where a JSON array of papers was expected`,
    )
  })
})
