import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitBlobOid } from '../src/core/git-blob.js'
import { createFilesPublisher } from '../src/publish/files.js'
import type { Publisher } from '../src/core/changes.js'
import { daySource } from './support/day-source.js'
import { createMemoryLog } from './support/memory-log.js'
import { runWithModel, useLlmServer } from './support/model-pipeline.js'

/**
 * After llm-model changed, the posts already published keep the summaries the other model wrote in their
 * language: the refresh does not rewrite them for it, nor ask about them, and one it rewrites for its
 * ranking keeps them. Only the run's own day is asked of the new model; a model the host does not know
 * takes nothing from the blog.
 */
const llm = useLlmServer()
const EARLIER = ['2025-11-17', '2025-11-18', '2025-11-19', '2025-11-20', '2025-11-21']
const DAY = '2025-11-24'
type Item = { paper: { id: string; upvotes: number } }
const fixture = (day: string) =>
  JSON.parse(readFileSync(join('__tests__/fixtures/hf/daily', `${day}.json`), 'utf8')) as Item[]
const days: Record<string, Item[]> = Object.fromEntries([...EARLIER, DAY].map((day) => [day, fixture(day)]))
const ids = (items: Item[] | undefined) => new Set(items?.map((item) => item.paper.id))
const UNKNOWN_MODEL = { status: 404, body: { error: { code: 'unknown_model', message: 'Unknown model' } } }

let workspace = ''
afterEach(() => rm(workspace, { recursive: true, force: true }))

async function publishedWeek(): Promise<Publisher> {
  workspace = await mkdtemp(join(tmpdir(), 'model-change-'))
  const publisher = createFilesPublisher({ root: workspace, log: createMemoryLog() })
  for (const date of EARLIER)
    await runWithModel(llm(), { date, 'refresh-days': '0' }, publisher, daySource(days))
  llm().requests.length = 0
  return publisher
}

async function posts(): Promise<Map<string, string>> {
  const names = await readdir(join(workspace, '_posts'))
  const texts = await Promise.all(names.map((name) => readFile(join(workspace, '_posts', name), 'utf8')))
  return new Map(names.map((name, index) => [name, texts[index] as string]))
}

describe('a new llm-model and the posts already published', () => {
  it('leaves them as they are and asks only about the new day', async () => {
    const publisher = await publishedWeek()
    const before = await posts()

    await runWithModel(llm(), { date: DAY, 'llm-model': 'another/model' }, publisher, daySource(days))
    const asked = llm().requests.flatMap((request) => request.paperIds)
    expect(new Set(asked)).toEqual(ids(days[DAY]))
    const after = await posts()
    for (const [name, text] of before) expect([name, after.get(name)]).toEqual([name, text])
  })

  it('takes nothing from them when the host does not know the model', async () => {
    const publisher = await publishedWeek()
    const before = await posts()

    llm().inject(UNKNOWN_MODEL, 1)
    await runWithModel(llm(), { date: DAY, 'llm-model': 'openai/gpt-4.1-mimi' }, publisher, daySource(days))
    // One answer is enough: a host that does not know the model is not asked again in the run.
    expect(llm().requests).toHaveLength(1)
    const after = await posts()
    for (const [name, text] of before) expect([name, after.get(name)]).toEqual([name, text])
  })

  it("keeps the other model's summaries in a post the refresh rewrites for its ranking", async () => {
    const publisher = await publishedWeek()
    const before = await posts()
    // Upvotes that rank the first day the other way round.
    const first = EARLIER[0] as string
    const reranked = days[first]?.map((item, index) => ({
      ...item,
      paper: { ...item.paper, upvotes: index + 1 },
    }))

    await runWithModel(
      llm(),
      { date: DAY, 'llm-model': 'another/model' },
      publisher,
      daySource({ ...days, [first]: reranked ?? [] }),
    )
    const asked = new Set(llm().requests.flatMap((request) => request.paperIds))
    expect(asked).toEqual(ids(days[DAY]))
    const name = [...before.keys()].find((file) => file.includes(first)) as string
    const rewritten = (await posts()).get(name) as string
    expect(rewritten).not.toBe(before.get(name))
    // The model's lines, wherever the new ranking puts them (their indent follows the rank's digits).
    const summaries = (text: string) =>
      new Set(text.split('\n').flatMap((line) => (line.includes('요약:') ? [line.trim()] : [])))
    expect(summaries(rewritten)).toEqual(summaries(before.get(name) as string))
  })

  it("keeps an earlier post as it is when its paper is listed again on the run's day", async () => {
    workspace = await mkdtemp(join(tmpdir(), 'model-change-'))
    const publisher = createFilesPublisher({ root: workspace, log: createMemoryLog() })
    const shared = fixture('2025-11-26')
    const [first] = shared as [Item]
    const relisted = { ...first, paper: { ...first.paper, submittedOnDailyAt: '2025-11-27T08:00:00.000Z' } }
    const again = { '2025-11-26': shared, '2025-11-27': [...fixture('2025-11-27'), relisted] }
    await runWithModel(llm(), { date: '2025-11-26', 'refresh-days': '0' }, publisher, daySource(again))
    await asIfAnotherModelWrote(first.paper.id, '2025-11-26')
    const before = await posts()

    await runWithModel(llm(), { date: '2025-11-27', 'refresh-days': '1' }, publisher, daySource(again))
    expect(llm().requests.flatMap((request) => request.paperIds)).toContain(first.paper.id)
    const after = await posts()
    for (const [name, text] of before) expect([name, after.get(name)]).toEqual([name, text])
  })
})

/**
 * The stand-in writes the same summary whatever the model: the day's post, its summaries file and its
 * record are made to hold another model's summary of `id` instead, as that model would have left them.
 */
async function asIfAnotherModelWrote(id: string, day: string): Promise<void> {
  const state = (folder: string) => join(workspace, '.hf-daily-papers', folder, `${day}.json`)
  const summaries = JSON.parse(await readFile(state('summaries'), 'utf8')) as {
    summaries: Record<string, Record<string, { summary: string }>>
  }
  const [[variant, written]] = Object.entries(summaries.summaries[id] ?? {}) as [
    [string, { summary: string }],
  ]
  const other = '다른 모델이 쓴 요약입니다. 이 논문은 새로운 방법을 제안하고 실험으로 보인다.'
  summaries.summaries[id] = { [variant.replace(/ [^ ]+$/, ' another/model')]: { summary: other } }
  await writeFile(state('summaries'), JSON.stringify(summaries))
  const [name] = (await readdir(join(workspace, '_posts'))).filter((file) => file.includes(day))
  const path = join(workspace, '_posts', name as string)
  const post = (await readFile(path, 'utf8')).replace(written.summary, other)
  await writeFile(path, post)
  const record = JSON.parse(await readFile(state('posts'), 'utf8')) as {
    posts: Record<string, { blob: string }>
  }
  for (const entry of Object.values(record.posts)) entry.blob = gitBlobOid(post)
  await writeFile(state('posts'), JSON.stringify(record))
}
