import { describe, expect, it } from '@jest/globals'
import type { Period } from '../../src/source/source.js'
import { consecutiveDays } from '../support/days.js'
import { fixtures, items, serveEachTest } from './hf-source-fixture.js'

/** A week or a month in one paged request, each day as its own `date=` request gives it. */
const days = new Map(fixtures)
const { server, connect } = serveEachTest({ days })

const queries = () => server().requests.map((request) => new URL(request.url, server().url).search)
const week = (name: string, monday: string): Period => ({
  query: 'week',
  name,
  days: consecutiveDays(monday, 7),
})
const month = (name: string, length: number): Period => ({
  query: 'month',
  name,
  days: consecutiveDays(`${name}-01`, length),
})

/** The period's days; fails with the reason when the source would ask them one by one. */
async function daysOf(period: Period) {
  const answered = await connect().source.fetchPeriod!(period)
  if (!Array.isArray(answered)) throw new Error(answered.askByDay)
  return answered
}

/** Each day of the period asked for with `date=`, after the period's own requests. */
async function dayByDay(period: Period) {
  const { source } = connect()
  return Promise.all(period.days.map((day) => source.fetchDay(day)))
}

describe('a period in one request', () => {
  it('gives a week as its seven days give it, in one request a hundred papers', async () => {
    const period = week('2025-W48', '2025-11-24')
    const answered = await daysOf(period)
    const listed = period.days.reduce((sum, day) => sum + (fixtures.get(day)?.length ?? 0), 0)
    expect(queries()).toEqual(
      Array.from({ length: Math.floor(listed / 100) + 1 }, (_, page) => `?week=2025-W48&limit=100&p=${page}`),
    )
    expect(queries().length).toBeLessThanOrEqual(2)
    expect(answered).toEqual(await dayByDay(period))
    expect(answered.some((day) => day.papers.length > 0)).toBe(true)
  })

  it('pages through a month, 100 papers to a page, and gives each day as its own request does', async () => {
    const period = month('2024-01', 31)
    const answered = await daysOf(period)
    const listed = period.days.reduce((sum, day) => sum + (fixtures.get(day)?.length ?? 0), 0)
    expect(listed).toBeGreaterThan(200)
    // And the last weekday it shows empty, asked for by itself: empty there too.
    expect(queries()).toEqual([
      ...Array.from(
        { length: Math.floor(listed / 100) + 1 },
        (_, page) => `?month=2024-01&limit=100&p=${page}`,
      ),
      '?date=2024-01-16&limit=100&p=0',
    ])
    expect(answered).toEqual(await dayByDay(period))
  })

  it('keeps a paper listed on two days of the period on both, as their own answers do', async () => {
    const [twice] = items('2025-12-02', 1, 7)
    const onFirst = { ...twice, paper: { ...twice!.paper, submittedOnDailyAt: '2025-12-01T09:00:00.000Z' } }
    days.set('2025-12-01', [...items('2025-12-01', 3), onFirst])
    days.set('2025-12-02', [twice!])
    const period = week('2025-W49', '2025-12-01')
    const answered = await daysOf(period)
    // As Hugging Face lists a day: most upvoted first (these are alike), then the newer id.
    expect(answered.slice(0, 2).map((day) => day.papers.map((paper) => paper.id))).toEqual([
      ['2511.90007', '2511.90002', '2511.90001', '2511.90000'],
      ['2511.90007'],
    ])
    expect(answered).toEqual(await dayByDay(period))
  })

  it('leaves out a paper listed outside the period, telling it with the first day', async () => {
    days.set('2025-12-08', [...items('2025-12-08', 2), ...items('2025-12-20', 1, 5)])
    days.set('2025-12-09', items('2025-12-09', 1, 8))
    const answered = await daysOf(week('2025-W50', '2025-12-08'))
    expect(answered[0]).toMatchObject({
      day: '2025-12-08',
      papers: [{ id: '2511.90001' }, { id: '2511.90000' }],
      offDay: [{ id: '2511.90005', listedOn: '2025-12-20', askedFor: '2025-W50' }],
    })
    expect(answered.slice(1).every((day) => day.offDay?.length === 0)).toBe(true)
  })

  it('gives up on grouping when a paper has no submittedOnDailyAt: the days are to be asked one by one', async () => {
    const unstamped = items('2025-12-15', 2)
    delete unstamped[1]!.paper.submittedOnDailyAt
    days.set('2025-12-15', unstamped)
    await expect(daysOf(week('2025-W51', '2025-12-15'))).rejects.toThrow(
      "Hugging Face's answer for week 2025-W51 has papers without a submittedOnDailyAt to place them on their day",
    )
  })

  it('gives up on an answer missing a weekday that its own answer lists, as from a server that ignores week=', async () => {
    // Its latest list, whatever is asked: for the week, then for the last weekday the week showed empty.
    server().inject({ status: 200, body: items('2025-12-24', 5) })
    server().inject({ status: 200, body: items('2025-12-24', 5) })
    await expect(daysOf(week('2025-W52', '2025-12-22'))).rejects.toThrow(
      "Hugging Face's answer for week 2025-W52 lists no paper on 2025-12-26, a weekday whose own answer (date=) lists some: it is not the whole week",
    )
    expect(queries()).toEqual(['?week=2025-W52&limit=100&p=0', '?date=2025-12-26&limit=100&p=0'])
  })

  it('takes an answer whose empty weekday is empty in its own answer too, after asking once', async () => {
    days.set('2025-12-22', items('2025-12-22', 2))
    const answered = await daysOf(week('2025-W52', '2025-12-22'))
    expect(answered[0]?.papers).toHaveLength(2)
    expect(queries()).toEqual(['?week=2025-W52&limit=100&p=0', '?date=2025-12-26&limit=100&p=0'])
  })

  it('gives up on an answer that sends its first page again for p=1, as from a server that ignores p', async () => {
    const page = [...items('2025-11-03', 50), ...items('2025-11-04', 50, 50)]
    server().inject({ status: 200, body: page })
    server().inject({ status: 200, body: page })
    await expect(daysOf(week('2025-W45', '2025-11-03'))).rejects.toThrow(
      `GET ${server().url}/api/daily_papers?week=2025-W45&limit=100&p=1 sent the page before it again: the server ignores p, and the rest of week 2025-W45 would be missing`,
    )
  })

  it('refuses an answer none of whose papers is listed in the period, as from a server that ignores week=', async () => {
    server().inject({ status: 200, body: items('2025-11-03', 5) })
    await expect(connect().source.fetchPeriod!(week('2025-W52', '2025-12-22'))).rejects.toThrow(
      new Error(
        `GET ${server().url}/api/daily_papers?week=2025-W52&limit=100&p=0 listed 5 papers, none of them on a day ` +
          'of week 2025-W52 (2025-12-22 to 2025-12-28) by their submittedOnDailyAt: it ignored week=. ' +
          "Expected the period's papers, as Hugging Face sends; check hf-api-url.",
      ),
    )
  })

  it('stops a server that sends full pages of new papers after 50 pages for the period', async () => {
    let page = 0
    for (let index = 0; index < 60; index++) {
      server().inject({ status: 200, body: items('2025-11-04', 100, 100 * page++) })
    }
    await expect(connect().source.fetchPeriod!(week('2025-W45', '2025-11-03'))).rejects.toThrow(
      new RegExp(
        '&p=49: Hugging Face still sent a full page of new papers after 50 pages \\(5000 papers\\), ' +
          'the limit for week 2025-W45; no real week has that many\\.',
      ),
    )
    expect(server().requests).toHaveLength(50)
  })

  it("stops reading a week's answers at 32 MiB, its days' bytes up to the ceiling for a period", async () => {
    server().inject({ flood: 'a', bytes: Infinity })
    await expect(connect().source.fetchPeriod!(week('2025-W45', '2025-11-03'))).rejects.toThrow(
      /\?week=2025-W45&limit=100&p=0: Hugging Face sent more than 32 MiB, the limit for week 2025-W45 \(all its pages; a real day is a few hundred kB: check that hf-api-url is Hugging Face's API\); stopped reading/,
    )
    await server().floods[0]?.closed
    expect(server().floods[0]).toMatchObject({ hungUp: true })
    expect(server().floods[0]!.sent).toBeLessThan(64 * 1024 * 1024)
  })

  it('explains a 400 for a period that begins after today', async () => {
    await expect(connect().source.fetchPeriod!(week('2099-W01', '2098-12-29'))).rejects.toThrow(
      /\?week=2099-W01&limit=100&p=0: Hugging Face answered 400 Bad Request: "Date cannot be in the future" \(it begins on 2098-12-29, after today, \d{4}-\d\d-\d\d UTC: Hugging Face lists a period only once it has begun\)$/,
    )
  })
})
