/** Kept equal to package.json's version by a test; sent in the User-Agent. */
export const VERSION = '2.0.0'
/**
 * The action's name and version, and no address: the action is installed from whatever repository its
 * user copied or forked it to (the README's `OWNER/hf-daily-papers`), so no URL here would be the right one.
 */
export const USER_AGENT = `hf-daily-papers/${VERSION}`
