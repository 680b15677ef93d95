import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../version.js'
import { createFileSource } from './file.js'
import { createHuggingFaceSource } from './huggingface.js'
import type { PaperSource } from './source.js'

export type { Paper } from './paper.js'
export type { DayPapers, PaperSource } from './source.js'

/** Hugging Face, or a saved API response when the CLI was given `--input FILE`. */
export function createSource(settings: Settings, inputFile?: string): PaperSource {
  if (inputFile !== undefined) return createFileSource(inputFile)
  return createHuggingFaceSource({
    baseUrl: settings.hfApiUrl,
    token: settings.hfToken,
    userAgent: USER_AGENT,
  })
}
