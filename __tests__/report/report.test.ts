import { describe, expect, it } from '@jest/globals'
import { digestOutputs, type DigestResult } from '../../src/report/result.js'
import { summaryHtml } from '../../src/report/summary.js'
import { parseSettings } from '../../src/settings/settings.js'
import type { Paper } from '../../src/core/paper.js'
import { showJobSummary } from '../support/job-summary.js'
import { clockAt } from '../support/test-clock.js'

const settings = (date: string, mode = 'commit') =>
  parseSettings(
    { date, mode, token: 't' },
    { clock: clockAt('2025-12-26T00:00:00Z'), repository: 'o/r', workspace: '/w' },
  )

const paper: Paper = {
  id: '2512.00001',
  title: '<think> before\n  you <b>act</b>',
  summary: '',
  upvotes: 7,
  authors: [],
  aiKeywords: [],
  organization: 'Q&A Lab',
}

const committed: DigestResult = {
  days: [{ day: '2025-12-24', listed: 3, papers: [paper], postPath: '_posts/2025-12-24-daily-papers.md' }],
  posts: ['_posts/2025-12-24-daily-papers.md'],
  papers: 1,
  commitSha: '0123456789abcdef',
  commitUrl: 'https://github.com/o/r/commit/0123456789abcdef',
}

describe('outputs', () => {
  it('gives every output of the interface as a string', () => {
    expect(digestOutputs(committed)).toEqual({
      posts: '["_posts/2025-12-24-daily-papers.md"]',
      'post-path': '_posts/2025-12-24-daily-papers.md',
      papers: '1',
      'commit-sha': '0123456789abcdef',
      'commit-url': 'https://github.com/o/r/commit/0123456789abcdef',
      'pull-request-url': '',
      skipped: 'false',
    })
    expect(
      digestOutputs({ days: [], posts: [], papers: 0, skipped: 'no papers on 2025-12-21' }),
    ).toMatchObject({
      posts: '[]',
      'post-path': '',
      skipped: 'true',
    })
  })
})

describe('job summary', () => {
  it('lists the papers with escaped titles and links the commit', () => {
    const html = summaryHtml(committed, settings('2025-12-24'))
    expect(html).toContain(
      '1 paper committed to <code>_posts/2025-12-24-daily-papers.md</code> in commit <a href="https://github.com/o/r/commit/0123456789abcdef">0123456</a>.',
    )
    expect(html).toContain(
      '&#60;think&#62; before you &#60;b&#62;act&#60;/b&#62;</a></td><td>7</td><td>Q&#38;A Lab</td>',
    )
    expect(html).not.toMatch(/<think>|<b>/)
  })

  it('shows text with blank lines in it as text, never as Markdown links or images', () => {
    const markdown =
      '\n\n[click](https://evil.example/) ![x](https://evil.example/x.png) https://evil.example/'
    const html = summaryHtml(
      {
        ...committed,
        days: [{ ...committed.days[0]!, papers: [{ ...paper, organization: `Org${markdown}` }] }],
        summaries: {
          papers: 1,
          fromModel: 0,
          fromCache: 0,
          fromHuggingFace: 0,
          requests: 1,
          missing: {},
          whyMissing: `model answered 500${markdown}`,
          problems: [`batch 1${markdown}`],
        },
      },
      settings('2025-12-24'),
    )
    const shown = showJobSummary(html)
    expect(shown.links).toEqual([committed.commitUrl, 'https://huggingface.co/papers/2512.00001'])
    expect(shown.images).toEqual([])
    // As a browser shows it: a line break in text is a space.
    const seen = shown.text.replace(/\s+/g, ' ')
    for (const text of ['Org', 'model answered 500', 'batch 1']) {
      expect(seen).toContain(`${text} [click](https://evil.example/) ![x](https://evil.example/x.png)`)
    }
  })

  it('says why nothing was written', () => {
    const html = summaryHtml(
      { ...committed, posts: [], skipped: 'the post is unchanged' },
      settings('2025-12-24'),
    )
    expect(html).toContain('<p>Nothing written: the post is unchanged.</p>')
  })

  it('lists the earlier posts refresh-days rewrote and why, and those it left as they are', () => {
    const html = summaryHtml(
      {
        ...committed,
        refreshed: [
          {
            day: '2025-12-21',
            path: '_posts/<b>21.md',
            status: 'rewritten',
            reasons: ['3 papers added', 'order changed'],
          },
          { day: '2025-12-22', path: '_posts/22.md', status: 'edited', reasons: [] },
          { day: '2025-12-23', path: '_posts/23.md', status: 'deleted', reasons: [] },
          { day: '2025-12-17', path: '_posts/17.md', status: 'unrecorded', reasons: [] },
          { day: '2025-12-18', path: '_posts/18.md', status: 'unrecorded', reasons: [] },
          { day: '2025-12-19', path: '_posts/19.md', status: 'unchanged', reasons: [] },
        ],
      },
      settings('2025-12-24'),
    )
    expect(html).toContain(
      [
        '<h3>Earlier posts (refresh-days)</h3>',
        '<ul>',
        '<li>2025-12-21 <code>_posts/&#60;b&#62;21.md</code>: 3 papers added, order changed</li>',
        '<li>2025-12-22 <code>_posts/22.md</code>: changed since the action wrote it, left as it is</li>',
        '<li>2025-12-23 <code>_posts/23.md</code>: deleted since the action wrote it, not written again</li>',
        '<li>2025-12-17, 2025-12-18: no record that the action wrote these posts, left as they are</li>',
        '</ul>',
      ].join('\n'),
    )
    expect(html).not.toContain('2025-12-19')
  })

  it('says so when only earlier posts were rewritten', () => {
    const html = summaryHtml(
      {
        ...committed,
        posts: [],
        refreshed: [
          { day: '2025-12-21', path: '_posts/21.md', status: 'rewritten', reasons: ['upvotes updated'] },
        ],
      },
      settings('2025-12-24'),
    )
    expect(html).toContain(
      '<p>The post of 2025-12-24 did not change; earlier posts were refreshed in commit <a href="https://github.com/o/r/commit/0123456789abcdef">0123456</a>.</p>',
    )
  })

  it("says why the run's own post was not written when other files were", () => {
    const html = summaryHtml(
      { ...committed, posts: [], ownKept: 'the post was deleted since the action wrote it' },
      settings('2025-12-24'),
    )
    expect(html).toContain(
      '<p>The post of 2025-12-24: the post was deleted since the action wrote it; only other files changed in commit',
    )
  })

  it('tables the days of a backfill', () => {
    const html = summaryHtml(
      { ...committed, days: [...committed.days, { day: '2025-12-25', listed: 0, papers: [] }] },
      settings('2025-12-24..2025-12-25'),
    )
    expect(html).toContain('<tr><td>2025-12-25</td><td>0</td><td>no post</td></tr>')
  })
})
