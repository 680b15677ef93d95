/** Kept equal to package.json's version by a test; sent in the User-Agent. */
export const VERSION = '1.0.0'
export const USER_AGENT = `hf-daily-papers/${VERSION} (+https://github.com/hf-daily-papers/hf-daily-papers)`
