import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createMemoryLog } from './support/memory-log.js'
import { DigestError } from '../src/pipeline/errors.js'
import { runDigest } from '../src/pipeline/run.js'
import { createFilesPublisher } from '../src/publish/files.js'
import { nothingWritten } from '../src/publish/nothing-written.js'
import type { Publisher } from '../src/core/changes.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { parseSettings } from '../src/settings/settings.js'
import { parseDailyPapers } from '../src/source/paper.js'
import type { PaperSource } from '../src/source/source.js'
import { clockAt } from './support/test-clock.js'

/** What a run says when it writes nothing, or fewer papers than were listed: each message tells what happened. */

const NOW = clockAt('2025-12-26T00:00:00Z')
const seedItems = JSON.parse(
  readFileSync(resolve(process.cwd(), '__tests__/fixtures/seed/2025-12-24.json'), 'utf8'),
) as unknown[]
/** The seed day (upvotes 11, 5, 4, 4, 1) on 2025-12-24; every other day is empty. */
const seedSource: PaperSource = {
  fetchDay: (day) =>
    Promise.resolve({
      day,
      ...parseDailyPapers(day === '2025-12-24' ? seedItems : [], day),
    }),
}

async function run(raw: RawInputs, publisher: Publisher) {
  const log = createMemoryLog()
  const settings = parseSettings({ mode: 'files', ...raw }, { clock: NOW, workspace: '/unused' })
  const result = await runDigest(settings, { source: seedSource, publisher, log, clock: NOW })
  return { result, log }
}

describe('a run that writes nothing says why', () => {
  const post = '_posts/2025-12-24-daily-papers-2025-12-24.md'

  it('a hand-edited post under overwrite: never: the post exists and differs, not "unchanged"', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pipeline-messages-'))
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    await run({ date: '2025-12-24' }, publisher)
    await writeFile(join(root, post), 'A person fixed this post.\n')

    const { result } = await run({ date: '2025-12-24', overwrite: 'never' }, publisher)
    expect(result.skipped).toBe('the post exists and differs; overwrite is "never"')
    expect(await readFile(join(root, post), 'utf8')).toBe('A person fixed this post.\n')
  })

  it('an unchanged post: the post is unchanged', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pipeline-messages-'))
    const publisher = createFilesPublisher({ root, log: createMemoryLog() })
    await run({ date: '2025-12-24' }, publisher)
    const { result } = await run({ date: '2025-12-24', overwrite: 'never' }, publisher)
    expect(result.skipped).toBe('the post is unchanged')
  })
})

describe('nothingWritten', () => {
  const posts = ['_posts/a.md', '_posts/b.md', '_posts/c.md']

  it('tells each reason with its count, posts only, overwrite named once', () => {
    expect(
      nothingWritten(posts, [
        { path: '_posts/a.md', reason: 'overwrite-never' },
        { path: '_posts/b.md', reason: 'unchanged' },
        { path: '_posts/c.md', reason: 'overwrite-never' },
        { path: '_data/daily.json', reason: 'overwrite-never' },
      ]),
    ).toBe('1 post is unchanged, 2 posts exist and differ; overwrite is "never"')
  })

  it('speaks of the whole when there is one reason', () => {
    const all = (reason: 'unchanged' | 'edited') => posts.map((path) => ({ path, reason }))
    expect(nothingWritten(posts, all('unchanged'))).toBe('the 3 posts are unchanged')
    expect(nothingWritten(posts, all('edited'))).toBe('the 3 posts were edited since the action wrote them')
    expect(nothingWritten(['_posts/a.md'], [{ path: '_posts/a.md', reason: 'edited' }])).toBe(
      'the post was edited since the action wrote it',
    )
  })

  it('speaks of files when the run had no post (data files only)', () => {
    expect(nothingWritten([], [{ path: '_data/daily.json', reason: 'overwrite-never' }])).toBe(
      'the file exists and differs; overwrite is "never"',
    )
  })
})

describe('filters that leave no paper are named', () => {
  const publisher: Publisher = {
    readText: () => Promise.resolve(undefined),
    publish: () => Promise.reject(new Error('nothing should be published')),
  }

  it('under empty-day: skip, in the log and in the result', async () => {
    const { result, log } = await run({ date: '2025-12-24', 'min-upvotes': '12' }, publisher)
    expect(log.lines).toContain('2025-12-24: 5 listed, none passed min-upvotes 12, no post (empty-day: skip)')
    expect(result.skipped).toBe('2025-12-24: 5 listed, none passed min-upvotes 12')
  })

  it('names the keywords too, and fails under empty-day: fail', async () => {
    const failing = run(
      { date: '2025-12-24', 'min-upvotes': '2', keywords: 'quantum, "knitting"', 'empty-day': 'fail' },
      publisher,
    )
    await expect(failing).rejects.toThrow(
      new DigestError(
        '2025-12-24: no papers to post (5 listed, none passed min-upvotes 2 / keywords "quantum", "\\"knitting\\""); empty-day is "fail"',
      ),
    )
  })

  it('says "no papers" when none was listed', async () => {
    const { result, log } = await run({ date: '2025-12-21', 'min-upvotes': '12' }, publisher)
    expect(log.lines).toContain('2025-12-21: no papers, no post (empty-day: skip)')
    expect(result.skipped).toBe('no papers on 2025-12-21')
  })
})

describe('a daily post that shows fewer papers than were listed', () => {
  async function renderedPost(raw: RawInputs): Promise<string> {
    let content = ''
    const publisher: Publisher = {
      readText: () => Promise.resolve(undefined),
      publish: (changes) => {
        content = changes.files[0]?.content ?? ''
        return Promise.resolve({ written: changes.files.map((file) => file.path), kept: [] })
      },
    }
    await run({ date: '2025-12-24', style: 'classic', ...raw }, publisher)
    return content
  }

  it('says both numbers, in English and in Korean', async () => {
    expect(await renderedPost({ 'max-papers': '2' })).toContain(
      "\n**2** of the day's 5 papers were selected.\n",
    )
    expect(await renderedPost({ 'min-upvotes': '11' })).toContain(
      "\n**1** of the day's 5 papers was selected.\n",
    )
    expect(await renderedPost({ 'max-papers': '4', language: 'ko' })).toContain(
      '\n총 5개의 논문 중 **4개**가 선정되었습니다.\n',
    )
  })

  it("says both numbers in the digest style's TL;DR and description", async () => {
    const post = await renderedPost({ 'max-papers': '2', style: 'digest' })
    expect(post).toMatch(/^description: .*2 of the day's 5 papers\. Most upvoted: /m)
    expect(post).toContain("\n> **TL;DR** — 2 of the day's 5 papers. Most upvoted: ")
    const korean = await renderedPost({ 'max-papers': '4', style: 'digest', language: 'ko' })
    expect(korean).toContain('\n> **한눈에 보기** — 논문 5편 중 4편. 가장 많은 추천: ')
  })

  it('keeps the sentence of a post that shows them all', async () => {
    expect(await renderedPost({ 'max-papers': '5' })).toContain('\n**5** papers were collected.\n')
    expect(await renderedPost({ language: 'ko' })).toContain('\n총 **5개**의 논문이 수집되었습니다.\n')
  })
})
