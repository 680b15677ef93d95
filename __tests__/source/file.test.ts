import { describe, expect, it } from '@jest/globals'
import { promises as fs } from 'node:fs'
import { resolve } from 'node:path'
import { createFileSource } from '../../src/source/file.js'
import { parseDailyPapers, UnexpectedResponseError } from '../../src/source/paper.js'

const seedPath = resolve(process.cwd(), '__tests__/fixtures/seed/2025-12-24.json')
const seed = JSON.parse(await fs.readFile(seedPath, 'utf8')) as unknown[]

/** A readFile that serves `text` and counts its calls. */
function fakeFile(text: string) {
  const reads: string[] = []
  const readFile = async (path: string) => {
    reads.push(path)
    return text
  }
  return { reads, readFile }
}

describe('createFileSource', () => {
  it('returns the papers of a saved response for the day asked', async () => {
    const day = await createFileSource(seedPath).fetchDay('2025-12-24')
    expect(day).toEqual({ day: '2025-12-24', ...parseDailyPapers(seed, seedPath) })
    expect(day.papers).toHaveLength(5)
  })

  it('reads the file once for several days, each day getting the same papers', async () => {
    const { reads, readFile } = fakeFile(JSON.stringify(seed))
    const source = createFileSource('saved.json', readFile)
    const [first, second] = [await source.fetchDay('2025-12-24'), await source.fetchDay('2025-12-25')]
    expect(second).toEqual({ ...first, day: '2025-12-25' })
    expect(reads).toEqual(['saved.json'])
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
