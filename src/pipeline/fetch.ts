import pMap from 'p-map'
import { eachDay, isoWeek, periodOf } from '../core/calendar.js'
import type { Log } from '../core/log.js'
import type { DayPapers } from '../core/paper.js'
import { OPENING_REQUESTS } from '../source/pacer.js'
import type { PaperSource, Period } from '../source/source.js'
import { DigestError } from './errors.js'

/**
 * Requests sent at once: a daily run's day and its refresh days in one round trip (the pacer's opening
 * requests), quick backfills, far below Hugging Face's 500 requests per 5 minutes.
 */
const FETCH_CONCURRENCY = OPENING_REQUESTS
/** Weeks and months at once: each pages on by itself, and may read more bytes than a day (HUGGING_FACE). */
const PERIOD_CONCURRENCY = 3

/**
 * From how many days asked in one month a `month=` request pays: a month's few pages against a request
 * a day, or a week's one or two. A week pays from three days.
 */
const MONTH_FROM_DAYS = 8
const WEEK_FROM_DAYS = 3

/** One request: a day, or a week or month of which `asked` are the days the run wants. */
type Request = { day: string } | { period: Period; asked: string[] }

/** With `byPeriod` (a weekly or monthly digest, a backfill) a week or a month to a request where it pays. */
export async function fetchDays(
  days: string[],
  source: PaperSource,
  log: Log,
  byPeriod = false,
): Promise<DayPapers[]> {
  const requests = byPeriod && source.fetchPeriod ? planRequests(days) : days.map((day) => ({ day }))
  const fetched = new Map<string, DayPapers>()
  let done = 0
  await pMap(
    requests,
    async (request) => {
      const answered = 'day' in request ? [await source.fetchDay(request.day)] : await fetchPeriod(request)
      const asked = new Set('day' in request ? [request.day] : request.asked)
      for (const result of answered) {
        // A period's answer may hold papers listed outside it, told with its first day, asked or not.
        if (!asked.has(result.day)) {
          warnOffDay(result, log)
          continue
        }
        checkDay(result, log)
        fetched.set(result.day, result)
        done++
        log.info(
          `${days.length > 1 ? `[${done}/${days.length}] ` : ''}${result.day}: ${result.papers.length} papers`,
        )
      }
    },
    { concurrency: requests.some((request) => 'period' in request) ? PERIOD_CONCURRENCY : FETCH_CONCURRENCY },
  )
  return days.map((day) => fetched.get(day) as DayPapers)

  async function fetchPeriod({ period, asked }: { period: Period; asked: string[] }): Promise<DayPapers[]> {
    const answered = await source.fetchPeriod!(period)
    if (Array.isArray(answered)) return answered
    log.warning(`${period.name}: ${answered.askByDay}; asking for its days one by one`)
    // With the other periods in flight, no more days at once than a run that asks day by day.
    return pMap(asked, (day) => source.fetchDay(day), {
      concurrency: Math.floor(FETCH_CONCURRENCY / PERIOD_CONCURRENCY),
    })
  }
}

export function planRequests(days: readonly string[]): Request[] {
  const left = new Set(days)
  const requests: Request[] = []
  const take = (kind: 'weekly' | 'monthly', fromDays: number, name: (day: string) => string) => {
    for (const [key, group] of Map.groupBy(left, name)) {
      if (group.length < fromDays) continue
      const { from, to } = periodOf(group[0]!, kind)
      const query = kind === 'weekly' ? 'week' : 'month'
      requests.push({ period: { query, name: key, days: eachDay(from, to) }, asked: group })
      for (const day of group) left.delete(day)
    }
  }
  take('monthly', MONTH_FROM_DAYS, (day) => day.slice(0, 7))
  take('weekly', WEEK_FROM_DAYS, isoWeek)
  return [...requests, ...[...left].map((day) => ({ day }))]
}

function warnOffDay(result: DayPapers, log: Log): void {
  for (const paper of result.offDay ?? []) {
    const where = paper.askedFor ?? result.day
    log.warning(
      `${where}: left out paper ${paper.id}: Hugging Face lists it on ${paper.listedOn}, not ${paper.askedFor ? 'in' : 'on'} ${where}`,
    )
  }
}

/** Fails the run when the day had papers and none was valid. */
function checkDay(result: DayPapers, log: Log): void {
  const { day } = result
  for (const invalid of result.invalid) {
    log.warning(`${day}: left out paper ${invalid.id}: ${invalid.field}: ${invalid.problem}`)
  }
  for (const paper of result.papers) {
    for (const { field, problem } of paper.omitted ?? []) {
      log.warning(`${day}: paper ${paper.id}: left out ${field}: ${problem}`)
    }
  }
  warnOffDay(result, log)
  if (result.papers.length === 0 && result.invalid.length > 0) {
    throw new DigestError(
      `${day}: all ${result.invalid.length} papers Hugging Face listed failed validation; the API may have changed its format`,
    )
  }
}
