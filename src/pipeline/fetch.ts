import pMap from 'p-map'
import type { Log } from '../core/log.js'
import type { DayPapers } from '../core/paper.js'
import type { PaperSource } from '../source/source.js'
import { DigestError } from './errors.js'

/** Days fetched at once: quick backfills, far below Hugging Face's 500 requests per 5 minutes. */
const FETCH_CONCURRENCY = 6

/** Fetches a few days at a time, in order of the result, logging `[12/250] 2025-03-14: 23 papers`. */
export async function fetchDays(days: string[], source: PaperSource, log: Log): Promise<DayPapers[]> {
  let done = 0
  return pMap(
    days,
    async (day) => {
      const result = await source.fetchDay(day)
      for (const invalid of result.invalid) {
        log.warning(`${day}: left out paper ${invalid.id}: ${invalid.field}: ${invalid.problem}`)
      }
      for (const paper of result.papers) {
        for (const { field, problem } of paper.omitted ?? []) {
          log.warning(`${day}: paper ${paper.id}: left out ${field}: ${problem}`)
        }
      }
      for (const paper of result.offDay ?? []) {
        log.warning(
          `${day}: left out paper ${paper.id}: Hugging Face lists it on ${paper.listedOn}, not on ${day}`,
        )
      }
      if (result.papers.length === 0 && result.invalid.length > 0) {
        throw new DigestError(
          `${day}: all ${result.invalid.length} papers Hugging Face listed failed validation; the API may have changed its format`,
        )
      }
      done++
      log.info(`${days.length > 1 ? `[${done}/${days.length}] ` : ''}${day}: ${result.papers.length} papers`)
      return result
    },
    { concurrency: FETCH_CONCURRENCY },
  )
}
