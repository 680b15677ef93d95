import { createReadStream } from 'node:fs'
import { parseJsonOr } from '../core/bounded-json.js'
import { errorMessage } from '../core/errors.js'
import { formatBytes, readText, TooLargeError } from '../core/http/body.js'
import { HUGGING_FACE } from '../core/http/limits.js'
import { listedDays, splitOffDay } from './drift.js'
import { inListOrder, parseDailyPapers } from './paper.js'
import type { PaperSource } from './source.js'

const EXPECTED = 'a saved response of /api/daily_papers (a JSON array of papers)'

/**
 * The CLI's `--input FILE`, read with the bounds of an answer from Hugging Face. It stands only for the
 * day most of its papers' `submittedOnDailyAt` name (any day when none does): asked for another day, it
 * refuses rather than post that day's papers under the wrong date.
 */
export function createFileSource(
  path: string,
  open: (path: string) => AsyncIterable<Uint8Array> = createReadStream,
): PaperSource {
  const load = async () => {
    let text: string
    try {
      text = await readText(open(path), HUGGING_FACE.maxBodyBytes)
    } catch (error) {
      const problem =
        error instanceof TooLargeError
          ? `it is larger than ${formatBytes(error.limit)}, the limit for one response`
          : errorMessage(error)
      throw new Error(`Cannot read ${path}: ${problem}; expected ${EXPECTED}`, { cause: error })
    }
    const body = parseJsonOr(text, (tooDeep, cause) => {
      const problem =
        tooDeep === undefined ? `is not JSON (${errorMessage(cause)})` : `nests deeper than ${tooDeep} levels`
      return new Error(`${path} ${problem}; expected ${EXPECTED}`, { cause })
    })
    const parsed = parseDailyPapers(body, path)
    const listedOn = listedDays(body as unknown[])
    return { parsed, listedOn, savedFor: mostCommon(listedOn.values()) }
  }
  let saved: ReturnType<typeof load> | undefined
  return {
    async fetchDay(day) {
      saved ??= load()
      const { parsed, listedOn, savedFor } = await saved
      if (savedFor !== undefined && savedFor !== day) {
        throw new Error(
          `${path} holds the papers Hugging Face listed on ${savedFor} (their submittedOnDailyAt), not on ${day}; run with --date ${savedFor}`,
        )
      }
      // As from Hugging Face: a paper listed on another day is left out, and the pipeline says so.
      const { papers, offDay } = splitOffDay(parsed.papers, listedOn, day)
      return {
        day,
        papers: inListOrder(papers),
        invalid: [...parsed.invalid],
        ...(offDay.length > 0 ? { offDay } : {}),
      }
    },
  }
}

/** The value seen most often; the first seen of those tied. */
function mostCommon(values: Iterable<string>): string | undefined {
  const groups = [...Map.groupBy(values, (value) => value).values()]
  return groups.reduce<string[]>((best, same) => (same.length > best.length ? same : best), [])[0]
}
