import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { lint } from 'markdownlint/promise'
import { FIELDS } from '../../src/core/fields.js'
import { renderPost, selectPapers } from '../../src/digest/index.js'
import { parseDailyPapers } from '../../src/source/paper.js'

/**
 * markdownlint's rules on generated posts, less the ones the reference layout breaks on purpose:
 * long abstract lines (MD013), text that looks like a bare URL (MD034: kramdown does not link it) and
 * an H1 repeating the front-matter title (MD025), as the reference post has.
 */
const CONFIG = { default: true, MD013: false, MD025: false, MD034: false }
const fixtures = resolve(process.cwd(), '__tests__/fixtures')
const days = [
  ...readdirSync(join(fixtures, 'hf/daily')).map((name) => join(fixtures, 'hf/daily', name)),
  ...readdirSync(join(fixtures, 'hostile')).map((name) => join(fixtures, 'hostile', name)),
]

describe('markdownlint on generated posts', () => {
  it.each(days)('%s', async (file) => {
    const { papers } = parseDailyPapers(JSON.parse(readFileSync(file, 'utf8')), file)
    const strings = Object.fromEntries(
      (['en', 'ko'] as const).map((language) => [
        language,
        renderPost(selectPapers(papers, { minUpvotes: 0, keywords: [] }), {
          language,
          title: 'Daily Papers',
          date: '2025-11-28 09:00:00 +0000',
          categories: ['Daily Papers'],
          tags: ['ai'],
          fields: FIELDS,
        }),
      ]),
    )
    const results = await lint({ strings, config: CONFIG })
    expect(results.en).toEqual([])
    expect(results.ko).toEqual([])
  })

  it('passes the reference post', async () => {
    const strings = { seed: readFileSync(join(fixtures, 'seed/2025-12-24-daily-papers.md'), 'utf8') }
    expect((await lint({ strings, config: CONFIG })).seed).toEqual([])
  })
})
