import { formatDay } from '../core/calendar.js'
import type { DayPapers, OffDayPaper, Paper } from '../core/paper.js'

/**
 * Checks that an answer is the day (or the week or month) that was asked for. Hugging Face stamps each item with the moment
 * it was listed (`paper.submittedOnDailyAt`); a server that ignores `date=` or mislabels a day gives
 * itself away there, or by sending every day the same list.
 */

/**
 * The UTC day each paper id of `items` is listed on, from its first item. Items without a readable
 * `submittedOnDailyAt` are not in the map: every real answer has it, but a paper is not dropped for a
 * field the API might leave out one day.
 */
export function listedDays(items: readonly unknown[]): Map<string, string> {
  const days = new Map<string, string>()
  for (const item of items) {
    const id = itemId(item)
    if (id === undefined || days.has(id)) continue
    const day = listedDay(item)
    if (day !== undefined) days.set(id, day)
  }
  return days
}

/** The UTC day of an item's `paper.submittedOnDailyAt`, when it has a readable one. */
export function listedDay(item: unknown): string | undefined {
  return utcDay(paperOf(item)?.submittedOnDailyAt)
}

/** An item's `paper.id` when it is a string, checked or not. */
export function itemId(item: unknown): string | undefined {
  const id = paperOf(item)?.id
  return typeof id === 'string' ? id : undefined
}

function paperOf(item: unknown): { id?: unknown; submittedOnDailyAt?: unknown } | undefined {
  return (item as { paper?: { id?: unknown; submittedOnDailyAt?: unknown } } | null)?.paper
}

/**
 * `papers` as the post of `day` takes them, and those left out because Hugging Face lists them on another
 * day; a paper without a listing day (see listedDays) is kept.
 */
export function splitOffDay(
  papers: readonly Paper[],
  listedOn: ReadonlyMap<string, string>,
  day: string,
): { papers: Paper[]; offDay: OffDayPaper[] } {
  const kept: Paper[] = []
  const offDay: OffDayPaper[] = []
  for (const paper of papers) {
    const listed = listedOn.get(paper.id)
    if (listed === undefined || listed === day) kept.push(paper)
    else offDay.push({ id: paper.id, listedOn: listed })
  }
  return { papers: kept, offDay }
}

/** `2025-11-03` for `2025-11-03T12:00:00.000Z` (or `2025-11-04T01:00:00+09:00`); undefined when not an ISO date-time. */
function utcDay(stamp: unknown): string | undefined {
  // Bounded and anchored, so Date.parse never sees a long or free-form string.
  if (typeof stamp !== 'string' || stamp.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(stamp)) return undefined
  const time = Date.parse(stamp)
  return Number.isNaN(time) ? undefined : formatDay(time)
}

/**
 * Why a multi-day fetch cannot be trusted: every day came from the same list URL with the same
 * non-empty list, which only a server that ignores `date=` sends. Undefined when the days differ, for a
 * single day, and for a saved response (no `listUrl`), which stands for every day by design.
 */
export function ignoredDate(days: readonly DayPapers[]): string | undefined {
  const [first, ...others] = days
  if (first?.listUrl === undefined || others.length === 0) return undefined
  const listing = listingOf(first)
  if (listing.length === 0) return undefined
  if (!others.every((day) => day.listUrl === first.listUrl && sameListing(listingOf(day), listing))) {
    return undefined
  }
  const last = days[days.length - 1] as DayPapers
  return (
    `${first.listUrl} ignored date=: all ${days.length} days from ${first.day} to ${last.day} listed the same ` +
    `${listing.length} papers. Expected a different list each day, as Hugging Face sends; check hf-api-url.`
  )
}

/** Every id the server listed for the day, wherever it ended up, in a stable order. */
function listingOf(day: DayPapers): string[] {
  return [
    ...day.papers.map((paper) => paper.id),
    ...(day.offDay ?? []).map((paper) => paper.id),
    ...day.invalid.map((paper) => paper.id),
  ].sort()
}

function sameListing(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index])
}
