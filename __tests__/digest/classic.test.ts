import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Paper } from '../../src/core/paper.js'
import { renderPost } from '../../src/digest/index.js'
import { parseDailyPapers } from '../../src/source/paper.js'

/** The classic style's keywords line: only the keywords that show something. */
const [paper] = parseDailyPapers(
  JSON.parse(readFileSync(resolve(process.cwd(), '__tests__/fixtures/seed/2025-12-24.json'), 'utf8')),
  'seed',
).papers as [Paper]
const render = (aiKeywords: string[]) =>
  renderPost([{ ...paper, aiKeywords }], {
    style: 'classic',
    language: 'en',
    title: 'Daily Papers',
    date: '2025-12-24 09:15:00 +0900',
    categories: [],
    tags: [],
    fields: ['keywords'],
  })

describe('the classic keywords line', () => {
  it('leaves out keywords that show nothing, and the line when none shows anything', () => {
    expect(render(['alpha', '\u200b', '', ' ', 'beta'])).toContain('\n   - Keywords: alpha, beta\n')
    expect(render(['\u200b', ''])).not.toContain('Keywords')
  })
})
