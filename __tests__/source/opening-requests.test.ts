import { describe, expect, it } from '@jest/globals'
import { eachDay } from '../../src/core/calendar.js'
import { fetchDays } from '../../src/pipeline/fetch.js'
import { OPENING_REQUESTS } from '../../src/source/pacer.js'
import { createMemoryLog } from '../support/memory-log.js'
import { fixtures, serveEachTest } from './hf-source-fixture.js'

const { server, connect } = serveEachTest({ days: new Map(fixtures) })

/** A daily run's day and its refresh-days 7, as the pipeline asks for them. */
const DAYS = ['2025-11-10', ...eachDay('2025-11-03', '2025-11-09')]

describe("a daily run's requests to Hugging Face", () => {
  it('go out together, in one round trip: none waits for the answer of another', async () => {
    expect(DAYS).toHaveLength(OPENING_REQUESTS)
    // The first request to arrive gets no answer until it times out: a request held behind it would go
    // only after its retry, so the first requests the stand-in sees would not be the eight days.
    server().inject('hang')
    const { source } = connect()
    const fetched = await fetchDays(DAYS, source, createMemoryLog())
    expect(fetched.map((day) => day.day)).toEqual(DAYS)
    const asked = server().requests.map((request) =>
      new URL(request.url, server().url).searchParams.get('date'),
    )
    expect(new Set(asked.slice(0, DAYS.length))).toEqual(new Set(DAYS))
  })
})
