/** What the tests of parseDailyPapers share: the saved days of the API, and one item around a paper's fields. */
import { resolve } from 'node:path'
import { parseDailyPapers } from '../../src/source/paper.js'

export const fixtures = resolve(process.cwd(), '__tests__/fixtures/hf/daily')

/** One API item around `paper` fields, with the item's own fields in `top`. */
export const item = (paper: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  paper: { id: '2501.00001', title: 'T', upvotes: 1, ...paper },
  ...top,
})
/** What parseDailyPapers makes of one such item. */
export const parseOne = (paper: Record<string, unknown>, top?: Record<string, unknown>) =>
  parseDailyPapers([item(paper, top)], 'test')
