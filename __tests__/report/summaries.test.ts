import { describe, expect, it } from '@jest/globals'
import type { SummaryStats } from '../../src/enrich/index.js'
import type { DigestResult } from '../../src/report/result.js'
import { summaryHtml } from '../../src/report/summary.js'
import { parseSettings } from '../../src/settings/settings.js'
import { clockAt } from '../support/test-clock.js'

const settings = parseSettings(
  { date: '2025-12-24', token: 't', fields: 'llm-summary', 'llm-model': 'vendor/<model>' },
  { clock: clockAt('2025-12-26T00:00:00Z'), repository: 'o/r', workspace: '/w' },
)

const result = (summaries?: SummaryStats): DigestResult => ({
  days: [{ day: '2025-12-24', listed: 30, papers: [], postPath: '_posts/2025-12-24-daily-papers.md' }],
  posts: ['_posts/2025-12-24-daily-papers.md'],
  papers: 30,
  ...(summaries ? { summaries } : {}),
})

/** Model summary statistics for the 30 papers: every count zero, no problem, but for `differs`. */
const stats = (differs: Partial<SummaryStats>): SummaryStats => ({
  papers: 30,
  fromModel: 0,
  fromCache: 0,
  fromHuggingFace: 0,
  requests: 0,
  missing: {},
  problems: [],
  ...differs,
})

describe('the job summary of a run with model summaries', () => {
  it('says where the summaries came from and how many requests they took', () => {
    const html = summaryHtml(result(stats({ fromModel: 20, fromCache: 10, requests: 1 })), settings)
    expect(html).toContain(
      '<h3>Model summaries</h3>\n<p>30 papers: 20 written by the model, 10 from the cache; 1 model request to <code>https://models.github.ai/inference</code> (vendor/&#60;model&#62;).</p>\n',
    )
    expect(html).not.toContain('⚠️')
  })

  it('says how many papers lack one and why, and quotes each problem as text', () => {
    const html = summaryHtml(
      result(
        stats({
          fromHuggingFace: 28,
          requests: 3,
          missing: { 'rate-limited': 30 },
          problems: [
            'POST http://127.0.0.1/chat/completions: answered "<b>Too many</b> & more" (after 2 retries)',
          ],
          whyMissing:
            "30 of 30 papers have no model summary: 30 rate limited by the model host; 28 show Hugging Face's AI summary instead.",
        }),
      ),
      settings,
    )
    expect(html).toContain(
      "<p>30 papers: 0 written by the model, 0 from the cache, 28 with Hugging Face's AI summary instead; 3 model requests",
    )
    expect(html).toContain(
      '<p>⚠️ 30 of 30 papers have no model summary: 30 rate limited by the model host; 28 show Hugging Face&#39;s AI summary instead.</p>',
    )
    expect(html).toContain(
      '<ul>\n<li>POST http://127.0.0.1/chat/completions: answered &#34;&#60;b&#62;Too many&#60;/b&#62; &#38; more&#34; (after 2 retries)</li>\n</ul>',
    )
  })

  it('has no such section when no model field was asked for', () => {
    expect(summaryHtml(result(), settings)).not.toContain('Model summaries')
  })
})
