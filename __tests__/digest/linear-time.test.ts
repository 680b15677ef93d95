import { describe, expect, it } from '@jest/globals'
import { performance } from 'node:perf_hooks'
import { renderPost } from '../../src/digest/index.js'
import { parseDailyPapers } from '../../src/source/paper.js'

/**
 * Megabyte-long hostile fields render in time proportional to their length: no step may backtrack on
 * a long run (a 150,000-backslash title once took 268 s). The bound is generous for a loaded machine.
 */
const BOUND_MS = 5_000
const MEGABYTE = 1 << 20

const fills: Array<[string, string]> = [
  ['backslashes', '\\'],
  ['backslashes before "&"', '\\\\\\&'],
  ['"&" before word characters', '&amp'],
  ['braces', '{'],
  ['pipes after backslashes', '\\\\|'],
  ['a mix', '\\&{|$~\\\\#;'],
]

const styles = [{ style: 'classic' as const }, { style: 'digest' as const, topPapers: 5 }]

describe.each(styles)('rendering megabyte-long fields in the $style style', (style) => {
  it.each(fills)('renders a 1 MB title and a 2 MB abstract of %s in well under 5 s', (_, unit) => {
    const title = unit.repeat(Math.ceil(MEGABYTE / unit.length))
    const summary = unit.repeat(Math.ceil((2 * MEGABYTE) / unit.length))
    const { papers } = parseDailyPapers(
      [{ paper: { id: '2501.00001', title, summary, upvotes: 1, ai_keywords: [title] } }],
      'test',
    )
    const started = performance.now()
    const post = renderPost(papers, {
      ...style,
      description: true,
      language: 'en',
      title: 'Daily Papers',
      date: '2025-01-02 09:00:00 +0000',
      categories: [],
      tags: [],
      fields: ['abstract', 'ai-summary', 'keywords'],
    })
    const elapsed = performance.now() - started
    console.log(
      `${style.style}, ${unit}: ${(post.length / MEGABYTE).toFixed(1)} MB of post in ${elapsed.toFixed(0)} ms`,
    )
    expect(elapsed).toBeLessThan(BOUND_MS)
  })
})
