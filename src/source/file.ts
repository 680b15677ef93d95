import { createReadStream } from 'node:fs'
import { JsonTooDeepError, parseJson } from './bounded-json.js'
import { AnswerTooLargeError, formatBytes, MAX_ANSWER_BYTES, readText } from './bounded-read.js'
import { parseDailyPapers, type ParsedResponse } from './paper.js'
import type { PaperSource } from './source.js'

const EXPECTED = 'a saved response of /api/daily_papers (a JSON array of papers)'

/**
 * The CLI's `--input FILE`: a saved API response stands for whatever day is asked, so a post can be
 * rendered again without the network. It is read with the bounds of an answer from Hugging Face.
 */
export function createFileSource(
  path: string,
  open: (path: string) => AsyncIterable<Uint8Array> = createReadStream,
  maxBytes = MAX_ANSWER_BYTES,
): PaperSource {
  let parsed: Promise<ParsedResponse> | undefined
  const load = async (): Promise<ParsedResponse> => {
    let text: string
    try {
      text = await readText(open(path), maxBytes)
    } catch (error) {
      const problem =
        error instanceof AnswerTooLargeError
          ? `it is larger than ${formatBytes(error.limit)}, the limit for one response`
          : (error as Error).message
      throw new Error(`Cannot read ${path}: ${problem}; expected ${EXPECTED}`, { cause: error })
    }
    let body: unknown
    try {
      body = parseJson(text)
    } catch (error) {
      const problem =
        error instanceof JsonTooDeepError
          ? `nests deeper than ${error.limit} levels`
          : `is not JSON (${(error as Error).message})`
      throw new Error(`${path} ${problem}; expected ${EXPECTED}`, { cause: error })
    }
    return parseDailyPapers(body, path)
  }
  return {
    async fetchDay(day) {
      parsed ??= load()
      const { papers, invalid } = await parsed
      return { day, papers: [...papers], invalid: [...invalid] }
    },
  }
}
