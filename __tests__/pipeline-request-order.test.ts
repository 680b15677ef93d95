import { describe, expect, it } from '@jest/globals'
import { runDigest } from '../src/pipeline/run.js'
import { batchedReader } from '../src/publish/read-batch.js'
import { daySource } from './support/day-source.js'
import { collaborators, recordingPublisher, settingsFor } from './pipeline-run.js'

describe('the order of the requests', () => {
  it("sends the branch's read (its record files, batched as the publisher does) before asking for the days", async () => {
    const settings = settingsFor({ date: '2025-12-24' })
    const events: string[] = []
    const source = daySource({})
    const fetchDay = source.fetchDay.bind(source)
    source.fetchDay = (day) => {
      events.push(`fetch ${day}`)
      return fetchDay(day)
    }
    const { publisher } = recordingPublisher()
    publisher.readText = batchedReader((paths) => {
      events.push(`read ${paths.length} paths`)
      return Promise.resolve(new Map(paths.map((path) => [path, undefined])))
    })
    await runDigest(settings, collaborators(source, publisher))
    // The 8 days' record files and 1.x's record of their month.
    expect(events[0]).toBe('read 9 paths')
    expect(events.slice(1, 9)).toEqual(expect.arrayContaining(['fetch 2025-12-24', 'fetch 2025-12-17']))
  })
})
