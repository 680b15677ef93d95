import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMemoryLog } from './support/memory-log.js'
import { createFilesPublisher } from '../src/publish/files.js'
import type { RawInputs } from '../src/settings/inputs.js'
import { runWithModel, useLlmServer } from './support/model-pipeline.js'

/**
 * The model is asked only for posts that will be written: not for the run's own post that a person
 * deleted or edited since the action wrote it, nor under overwrite: never for one that is there. A new
 * llm-model asks again for the run's own posts; a run whose post is left as it is asks none of them.
 */
const llm = useLlmServer()
const POST = '_posts/2024-01-03-daily-papers-2024-01-03.md'
const DAY = { date: '2024-01-03', 'refresh-days': '0' }
const OTHER_MODEL = { ...DAY, 'llm-model': 'another/model' }

let workspace = ''
afterEach(() => rm(workspace, { recursive: true, force: true }))

async function firstRun(raw: RawInputs = DAY) {
  workspace = await mkdtemp(join(tmpdir(), 'model-kept-'))
  const publisher = createFilesPublisher({ root: workspace, log: createMemoryLog() })
  await runWithModel(llm(), raw, publisher)
  llm().requests.length = 0
  return publisher
}

describe('the model and the posts a run leaves as they are', () => {
  it('asks nothing for a post a person edited, under overwrite: changed', async () => {
    const publisher = await firstRun()
    const edited = `${await readFile(join(workspace, POST), 'utf8')}\nA person's note.\n`
    await writeFile(join(workspace, POST), edited)

    const { result } = await runWithModel(llm(), OTHER_MODEL, publisher)
    expect(llm().requests).toEqual([])
    expect(await readFile(join(workspace, POST), 'utf8')).toBe(edited)
    expect(result.posts).toEqual([])
  })

  it('asks nothing for a post a person deleted, and does not bring it back', async () => {
    const publisher = await firstRun()
    await unlink(join(workspace, POST))

    await runWithModel(llm(), OTHER_MODEL, publisher)
    expect(llm().requests).toEqual([])
    await expect(readFile(join(workspace, POST), 'utf8')).rejects.toThrow(/ENOENT/)
  })

  it('asks in pull-request mode, where the work branch decides, not what this run reads', async () => {
    const publisher = await firstRun()
    await writeFile(
      join(workspace, POST),
      `${await readFile(join(workspace, POST), 'utf8')}\nA person's note.\n`,
    )

    const pullRequest = { mode: 'pull-request', token: 'ghs_0123456789', repository: 'owner/blog' }
    await runWithModel(llm(), { ...OTHER_MODEL, ...pullRequest }, publisher)
    expect(llm().requests).toHaveLength(1)
  })

  it('asks nothing under overwrite: never for a post that is there', async () => {
    const publisher = await firstRun()
    await runWithModel(llm(), { ...OTHER_MODEL, overwrite: 'never' }, publisher)
    expect(llm().requests).toEqual([])
  })

  it('asks again, and rewrites the post, for a post as the action wrote it, and under overwrite: always', async () => {
    const publisher = await firstRun()
    await runWithModel(llm(), OTHER_MODEL, publisher)
    expect(llm().requests).toHaveLength(1)

    const edited = `${await readFile(join(workspace, POST), 'utf8')}\nA person's note.\n`
    await writeFile(join(workspace, POST), edited)
    llm().requests.length = 0
    await runWithModel(llm(), { ...DAY, 'llm-model': 'a/third', overwrite: 'always' }, publisher)
    expect(llm().requests).toHaveLength(1)
    expect(await readFile(join(workspace, POST), 'utf8')).not.toBe(edited)
  })
})
