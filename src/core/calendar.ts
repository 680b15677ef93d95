/** Days are `YYYY-MM-DD` strings of the Hugging Face calendar (UTC); zones matter only for a post's date. */

const DAY_MS = 86_400_000
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** Epoch ms at UTC midnight, or undefined when it is no calendar day. */
export function parseDay(text: string): number | undefined {
  const match = DAY_PATTERN.exec(text)
  if (!match) return undefined
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const ms = Date.UTC(year, month - 1, day)
  return formatDay(ms) === text ? ms : undefined
}

/** The UTC day of an instant, whatever the runner's own zone. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(day: string, count: number): string {
  return formatDay(dayMs(day) + count * DAY_MS)
}

export function eachDay(from: string, to: string): string[] {
  const days: string[] = []
  for (let ms = dayMs(from); ms <= dayMs(to); ms += DAY_MS) days.push(formatDay(ms))
  return days
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS)
}

/** `2025-W48`: the week belongs to the year its Thursday falls in. */
export function isoWeek(day: string): string {
  const thursday = addDays(periodOf(day, 'weekly').from, 3)
  const year = thursday.slice(0, 4)
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Monday to Friday, on the UTC calendar Hugging Face's days follow. */
export function isWeekday(day: string): boolean {
  return ![0, 6].includes(new Date(dayMs(day)).getUTCDay())
}

/** The ISO week (Monday to Sunday) or the month that contains `day`. */
export function periodOf(day: string, period: 'weekly' | 'monthly'): { from: string; to: string } {
  if (period === 'weekly') {
    const monday = addDays(day, 1 - (new Date(dayMs(day)).getUTCDay() || 7))
    return { from: monday, to: addDays(monday, 6) }
  }
  const [year, month] = day.split('-').map(Number) as [number, number]
  return { from: formatDay(Date.UTC(year, month - 1, 1)), to: formatDay(Date.UTC(year, month, 0)) }
}

function dayMs(day: string): number {
  const ms = parseDay(day)
  if (ms === undefined) throw new RangeError(`"${day}" is not a YYYY-MM-DD day`)
  return ms
}

export function isTimeZone(zone: string): boolean {
  // The list answers for the usual names without loading ICU's zone data (~25 ms before the first
  // request); the formatter also knows aliases and any spelling of a name.
  if (zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** The zone's UTC offset in minutes at an instant (Asia/Seoul: 540), read from its name there (`GMT+09:00`). */
function offsetMinutes(instantMs: number, zone: string): number {
  // UTC, the default, needs no formatter, whose first use loads ICU's zone data (~10 ms).
  if (zone === 'UTC') return 0
  const format =
    offsetFormats.get(zone) ??
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
  offsetFormats.set(zone, format)
  const name = format.formatToParts(instantMs).find((part) => part.type === 'timeZoneName')?.value ?? ''
  // `GMT` alone is UTC; the seconds of a historical local mean time are left out.
  const [, sign, hours = 0, minutes = 0] = /([+-])(\d+):(\d+)/.exec(name) ?? []
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes))
}

/**
 * When `zone`'s clocks show `localMs` (a wall time written as UTC), as Temporal's `compatible`: a time
 * that happens twice is the earlier, one skipped by a daylight-saving gap is pushed forward by the gap.
 */
export function zonedInstant(localMs: number, zone: string): number {
  const offsets = new Set([offsetMinutes(localMs - DAY_MS, zone), offsetMinutes(localMs + DAY_MS, zone)])
  const exact = [...offsets]
    .map((offset) => localMs - offset * 60_000)
    .filter((instant) => instant + offsetMinutes(instant, zone) * 60_000 === localMs)
  if (exact.length > 0) return Math.min(...exact)
  return localMs - offsetMinutes(localMs - DAY_MS, zone) * 60_000
}

/** Front-matter date as Jekyll writes it: `2025-12-24 09:15:00 +0900`. */
function formatZoned(instantMs: number, zone: string): string {
  const offset = offsetMinutes(instantMs, zone)
  const wall = new Date(instantMs + offset * 60_000).toISOString()
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${wall.slice(0, 10)} ${wall.slice(11, 19)} ${sign}${hours}${minutes}`
}

/** `time` on `day` in `zone`, or `now` when that is still ahead: Jekyll does not publish future posts. */
export function postDate(
  day: string,
  time: { hour: number; minute: number },
  zone: string,
  now: number,
): string {
  const planned = zonedInstant(dayMs(day) + (time.hour * 60 + time.minute) * 60_000, zone)
  return formatZoned(Math.min(planned, now), zone)
}

/**
 * 23:59 on the period's last day, after every daily post it sums up, and the same on every later run;
 * while that is ahead, the start of the run's day: the same for every run that day.
 */
export function periodPostDate(lastDay: string, zone: string, now: number): string {
  const end = zonedInstant(dayMs(lastDay) + (23 * 60 + 59) * 60_000, zone)
  if (end <= now) return formatZoned(end, zone)
  const today = formatZoned(now, zone).slice(0, 10)
  return formatZoned(zonedInstant(dayMs(today), zone), zone)
}
