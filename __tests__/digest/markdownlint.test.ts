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
 * an H1 repeating the front-matter title (MD025), as the reference post has. The digest style's fold is
 * the only inline HTML allowed (MD033), and its compact list goes on with the ranking (6., 7., …), which
 * MD029 wants to start at 1.
 */
const CONFIG = {
  default: true,
  MD013: false,
  MD025: false,
  MD034: false,
  MD029: false,
  MD033: { allowed_elements: ['details', 'summary'] },
}
const fixtures = resolve(process.cwd(), '__tests__/fixtures')
const days = [
  ...readdirSync(join(fixtures, 'hf/daily')).map((name) => join(fixtures, 'hf/daily', name)),
  ...readdirSync(join(fixtures, 'hostile')).map((name) => join(fixtures, 'hostile', name)),
]

describe('markdownlint on generated posts', () => {
  it.each(days)('%s', async (file) => {
    const { papers } = parseDailyPapers(JSON.parse(readFileSync(file, 'utf8')), file)
    const styles = [{ style: 'classic' as const }, { style: 'digest' as const, topPapers: 5 }]
    const strings = Object.fromEntries(
      (['en', 'ko'] as const).flatMap((language) =>
        styles.map((style) => [
          `${style.style}-${language}`,
          renderPost(selectPapers(papers, { minUpvotes: 0, keywords: [] }), {
            ...style,
            language,
            title: 'Daily Papers',
            date: '2025-11-28 09:00:00 +0000',
            categories: ['Daily Papers'],
            tags: ['ai'],
            fields: FIELDS,
          }),
        ]),
      ),
    )
    const results = await lint({ strings, config: CONFIG })
    for (const name of Object.keys(strings)) expect([name, results[name]]).toEqual([name, []])
  })

  it('passes the reference post', async () => {
    const strings = { seed: readFileSync(join(fixtures, 'seed/2025-12-24-daily-papers.md'), 'utf8') }
    expect((await lint({ strings, config: CONFIG })).seed).toEqual([])
  })
})
