/** Kept equal to package.json's version by a test. */
export const VERSION = '2.0.0'
/** No address: the action is installed from whatever fork its user made, so no URL would be right. */
export const USER_AGENT = `hf-daily-papers/${VERSION}`
