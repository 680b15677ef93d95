import { systemClock } from '../core/clock.js'
import type { Settings } from '../settings/settings.js'
import { USER_AGENT } from '../core/version.js'
import { createHuggingFaceSource } from './huggingface.js'
import type { PaperSource } from './source.js'

export { createFileSource } from './file.js'

/** Hugging Face's API, as the settings name it; `onRateLimitWait` hears why a run pauses for the rate limit. */
export function createSource(settings: Settings, onRateLimitWait?: (line: string) => void): PaperSource {
  return createHuggingFaceSource({
    baseUrl: settings.hfApiUrl,
    token: settings.hfToken,
    userAgent: USER_AGENT,
    clock: systemClock,
    onRateLimitWait,
  })
}
