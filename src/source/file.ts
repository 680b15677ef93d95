import { promises as fs } from 'node:fs'
import { parseDailyPapers, type ParsedResponse } from './paper.js'
import type { PaperSource } from './source.js'

const EXPECTED = 'a saved response of /api/daily_papers (a JSON array of papers)'

/**
 * The CLI's `--input FILE`: a saved API response stands for whatever day is asked, so a post can be
 * rendered again without the network.
 */
export function createFileSource(
  path: string,
  readFile: (path: string, encoding: 'utf8') => Promise<string> = fs.readFile,
): PaperSource {
  let parsed: Promise<ParsedResponse> | undefined
  const load = async (): Promise<ParsedResponse> => {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      throw new Error(`Cannot read ${path}: ${(error as Error).message}; expected ${EXPECTED}`, {
        cause: error,
      })
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch (error) {
      throw new Error(`${path} is not JSON (${(error as Error).message}); expected ${EXPECTED}`, {
        cause: error,
      })
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
