import { addDays, daysBetween, periodOf } from '../core/calendar.js'
import { dayValues, fillTemplate, sharedName } from '../core/template.js'
import { namesOwnUnit, OWN_NAME, type Digest } from './digest-defaults.js'
import { quote } from './schema.js'

/**
 * A `permalink` two posts would share: one of them is gone from the site. Jekyll fills its own placeholders
 * too: `:title` and `:slug` with the file name's slug, `:year`, `:month`, `:day` and their kin with the
 * post's date. `days`: each day of a daily range, or the period's first day.
 */
export function permalinkProblem(
  permalink: string,
  filename: string,
  digest: Digest,
  days: readonly string[],
): string | undefined {
  if (digest === 'daily') {
    const shared = sharedName(days, (day) => dailyUrl(permalink, filename, day))
    if (shared !== undefined) return sharedProblem(permalink, shared, 'URL', '/posts/daily-papers-{date}/')
  }
  return ownUrlProblem(permalink, filename, digest, days[0] as string)
}

/** Two days whose posts get one name, for a message. */
export function sharedProblem(
  input: string,
  { days: [first, second], name }: { days: [string, string]; name: string },
  what: string,
  example: string,
): string {
  return `${quote(input)} gives the posts of ${first} and ${second} the same ${what}, ${quote(name)}, so one would replace the other; put {date} in it for a range of days, e.g. ${example}`
}

/** Jekyll's placeholders taken from the post's file name. */
const FROM_FILE_NAME = /:(?:title|slug)/

/** A file name's slug as Jekyll reads it: after the date, without the extension. */
const fileSlug = (name: string) => name.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.(?:md|markdown)$/, '')

/** Jekyll's English month names. */
const monthName = (day: string, month: 'short' | 'long') =>
  new Date(day).toLocaleString('en', { month, timeZone: 'UTC' })

/** The URL `permalink` gives the daily post of `day` named by `filename`, as Jekyll fills it. */
function dailyUrl(permalink: string, filename: string, day: string): string {
  const values = dayValues(day)
  const slug = fileSlug(fillTemplate(filename, values))
  const [year, month, date] = day.split('-') as [string, string, string]
  const jekyll: Record<string, string> = {
    title: slug,
    slug,
    year,
    short_year: year.slice(2),
    month,
    i_month: String(Number(month)),
    short_month: monthName(day, 'short'),
    long_month: monthName(day, 'long'),
    day: date,
    i_day: String(Number(date)),
    y_day: String(daysBetween(`${year}-01-01`, day) + 1).padStart(3, '0'),
  }
  // As Jekyll fills them: each name as a prefix (`:year_` is the year and `_`), the longest first.
  const names = Object.keys(jekyll).sort((a, b) => b.length - a.length)
  const placeholder = new RegExp(`:(${names.join('|')})`, 'g')
  return fillTemplate(permalink, values).replace(placeholder, (_, name: string) => jekyll[name] as string)
}

/** `:year` with the month and the day, or with the day of the year: a daily post's own date. */
function jekyllNamesDay(permalink: string): boolean {
  const has = (...names: string[]) => names.some((name) => permalink.includes(`:${name}`))
  // Not both unpadded: `:i_month:i_day` is 111 on 1 November and on 11 January.
  const apart = has('month', 'day', 'short_month', 'long_month')
  const month = has('month', 'i_month', 'short_month', 'long_month')
  return has('year', 'short_year') && (has('y_day') || (month && has('day', 'i_day') && apart))
}

/** The neighbouring units' first days: the day, week or month before and after `day`, itself a first day. */
function neighbours(day: string, digest: Digest): string[] {
  if (digest === 'daily') return [addDays(day, -1), addDays(day, 1)]
  return [periodOf(addDays(day, -1), digest).from, addDays(periodOf(day, digest).to, 1)]
}

/**
 * Every run's post would have the URL: Jekyll builds one of them, and the others are gone from the site.
 * A period's URL must name its week or month, never a day that a daily post may hold.
 */
function ownUrlProblem(permalink: string, filename: string, digest: Digest, day: string): string | undefined {
  const { unit, key } = OWN_NAME[digest]
  const slugOf = (of: string) => fileSlug(fillTemplate(filename, dayValues(of)))
  const slugNamesUnit = neighbours(day, digest).every((other) => slugOf(other) !== slugOf(day))
  if (
    namesOwnUnit(permalink, digest) ||
    (FROM_FILE_NAME.test(permalink) && slugNamesUnit) ||
    (digest === 'daily' && jekyllNamesDay(permalink))
  ) {
    return undefined
  }
  return `${quote(permalink)} names no ${unit} (${key}), so every ${unit}'s post would have that URL and the site would show only one of them; put ${key} in it (or Jekyll's :title, the file name's slug, when the filename has ${key} after its date), e.g. /posts/${digest}-papers-${key}/`
}
