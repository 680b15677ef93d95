import { formatDay } from '../core/calendar.js'
import type { DayPapers, OffDayPaper, Paper } from '../core/paper.js'

// Hugging Face stamps each item with the moment it was listed (`paper.submittedOnDailyAt`): a server that
// ignores `date=` or mislabels a day gives itself away there, or by sending every day the same list.

/**
 * The UTC day each paper id is listed on, from its first item. An item without a readable stamp is not
 * in the map: every real answer has one, but a paper is not dropped for a field the API might leave out.
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

export const listedDay = (item: unknown): string | undefined => utcDay(paperOf(item)?.submittedOnDailyAt)

/** An item's `paper.id` when it is a string, checked or not. */
export function itemId(item: unknown): string | undefined {
  const id = paperOf(item)?.id
  return typeof id === 'string' ? id : undefined
}

const paperOf = (item: unknown) =>
  (item as { paper?: { id?: unknown; submittedOnDailyAt?: unknown } } | null)?.paper

/** `papers` as the post of `day` takes them (those of no known day too), and those listed on another day. */
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

/**
 * `2025-11-03` for `2025-11-03T12:00:00.000Z` (or `2025-11-04T01:00:00+09:00`); a stamp without a zone is
 * UTC, as Hugging Face's are (Date.parse would read it in the machine's own), and no day that is not on the
 * calendar (Date.parse reads `2025-02-30` as the 2nd of March).
 */
function utcDay(stamp: unknown): string | undefined {
  // Bounded and anchored, so Date.parse never sees a long or free-form string.
  if (typeof stamp !== 'string' || stamp.length > 40) return undefined
  const date = /^(\d{4}-\d{2}-\d{2})T/.exec(stamp)?.[1]
  if (date === undefined || formatDay(Date.parse(`${date}T00:00:00Z`) || 0) !== date) return undefined
  const time = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(stamp) ? stamp : `${stamp}Z`)
  return Number.isNaN(time) ? undefined : formatDay(time)
}

/**
 * Why a multi-day fetch cannot be trusted: every day came from the same list URL with the same non-empty
 * list. A saved response (no `listUrl`) stands for every day by design.
 */
export function ignoredDate(days: readonly DayPapers[]): string | undefined {
  const [first, ...others] = days
  if (first?.listUrl === undefined || others.length === 0) return undefined
  const listing = listingOf(first)
  const key = JSON.stringify(listing)
  const same = (day: DayPapers) => day.listUrl === first.listUrl && JSON.stringify(listingOf(day)) === key
  if (listing.length === 0 || !others.every(same)) return undefined
  return (
    `${first.listUrl} ignored date=: all ${days.length} days from ${first.day} to ${days.at(-1)?.day} ` +
    `listed the same ${listing.length} papers. Expected a different list each day, as Hugging Face sends; ` +
    'check hf-api-url.'
  )
}

/** Every id the server listed for the day, wherever it ended up, in a stable order. */
function listingOf(day: DayPapers): string[] {
  return [...day.papers, ...(day.offDay ?? []), ...day.invalid].map((paper) => paper.id).sort()
}
