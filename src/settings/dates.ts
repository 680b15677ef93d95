import { addDays, daysBetween, parseDay, periodOf } from '../core/calendar.js'
import { quote } from './schema.js'

/** The longest range one run may fetch: a three-year backfill is split into smaller ones. */
const MAX_RANGE_DAYS = 3 * 366

/** The week or month containing `day`, without the days that have not come yet (Hugging Face refuses them). */
export function periodUpToToday(
  day: string,
  digest: 'weekly' | 'monthly',
  today: string,
): { from: string; to: string } {
  const period = periodOf(day, digest)
  return { from: period.from, to: period.to > today ? today : period.to }
}

/** `YYYY-MM-DD`, `today`, `yesterday` or `FROM..TO`, resolved against today's UTC day; a string is a problem. */
export function resolveDates(value: string, today: string): { from: string; to: string } | string {
  const accepted = 'use today, yesterday, YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD'
  const [fromText, toText, ...rest] = value.split('..')
  if (fromText === undefined || rest.length > 0) return `${quote(value)} is not a date; ${accepted}`
  const resolve = (day: string) => (day === 'today' ? today : day === 'yesterday' ? addDays(today, -1) : day)
  const from = resolve(fromText.trim())
  const to = toText === undefined ? from : resolve(toText.trim())
  for (const day of new Set([from, to])) {
    if (parseDay(day) === undefined) return `${quote(day)} is not a date; ${accepted}`
    if (day > today) {
      return `${day} is after today (${today}, the UTC day Hugging Face is on); there are no papers for it yet`
    }
  }
  if (from > to) return `${quote(value)} ends before it starts; write the earlier day first`
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) {
    return `${quote(value)} spans more than ${MAX_RANGE_DAYS} days; split the backfill into smaller ranges`
  }
  return { from, to }
}
