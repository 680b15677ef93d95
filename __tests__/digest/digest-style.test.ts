import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Field } from '../../src/core/fields.js'
import type { Paper } from '../../src/core/paper.js'
import { renderPost, selectPapers, type PostOptions } from '../../src/digest/index.js'
import type { EnrichedPaper } from '../../src/enrich/index.js'
import { parseDailyPapers } from '../../src/source/paper.js'

/** The digest style's frame: the TL;DR hook, the top papers and the compact list, fields in their order. */
const day = resolve(process.cwd(), '__tests__/fixtures/hf/daily/2025-11-26.json')
const papers: Paper[] = selectPapers(parseDailyPapers(JSON.parse(readFileSync(day, 'utf8')), 'day').papers, {
  minUpvotes: 0,
  keywords: [],
})
const [top] = papers as [Paper]

const render = (
  options: Partial<Extract<PostOptions, { style: 'digest' }>>,
  shown: readonly Paper[] = papers,
) =>
  renderPost(shown, {
    style: 'digest',
    topPapers: 5,
    language: 'en',
    title: 'Daily Papers',
    date: '2025-11-26 09:00:00 +0000',
    categories: [],
    tags: [],
    fields: ['organization', 'hf-link', 'ai-summary', 'abstract'],
    ...options,
  })

const body = (post: string) => post.split('---\n').slice(2).join('---\n')

describe("the TL;DR's hook for a model", () => {
  it("shows the model's text as the model's, escaped like every text, on one line", () => {
    const post = render({
      tldr: '{{ site.title }} <script>x</script> [a](javascript:x)\n> quote\u2029{: .x}',
    })
    expect(post).toContain(
      '\n> **TL;DR (written by a model)** — &#123;&#123; site.title }} \\<script>x\\</script> \\[a]\\(javascript:x) > quote &#123;: .x}\n{: .prompt-tip }\n',
    )
  })

  it('falls back to the count, the leaders and the topics when the model wrote nothing', () => {
    for (const tldr of [undefined, '', ' \n\u200b ']) {
      expect(render({ ...(tldr === undefined ? {} : { tldr }) })).toContain(
        '\n> **TL;DR** — 33 papers. Most upvoted: **GigaEvo** (👍\u00a0122), **MedSAM3** (👍\u00a055), **Agent0-VL** (👍\u00a049). Recurring topics: ',
      )
    }
  })
})

describe('the frame', () => {
  it('shows every paper one line each under the ranking heading when top-papers is 0', () => {
    const post = body(render({ topPapers: 0 }))
    expect(post).not.toContain('###')
    expect(post).not.toContain('<details')
    expect(post).toContain('\n## 📊 Ranked by upvotes\n\n1. [GigaEvo: ')
    expect(post).not.toContain('{: start=')
  })

  it('continues the numbers of the compact list after the top papers, for kramdown too', () => {
    const post = body(render({ topPapers: 2 }))
    expect(post).toContain('\n## 📋 The other 31 papers\n\n3. [')
    expect(post).toMatch(/\n33\. \[.*\n\{: start="3"\}\n$/)
  })

  it('puts the line fields in the order fields lists them, after the upvotes', () => {
    const fields: Field[] = ['comments', 'arxiv-link', 'organization']
    expect(body(render({ fields }))).toContain(
      `\n👍\u00a0122\u00a0· [💬\u00a04](https://huggingface.co/papers/${top.id}#community)\u00a0· [arXiv](https://arxiv.org/abs/${top.id})\u00a0· **AIRI - Artificial Intelligence Research Institute**\n`,
    )
  })

  it("shows one summary: the model's where llm-summary is listed and it wrote one, else Hugging Face's", () => {
    const enriched = new Map<string, EnrichedPaper>([[top.id, { summary: 'By the model.', origin: 'model' }]])
    const both: Field[] = ['llm-summary', 'ai-summary']
    const withModel = body(render({ fields: both, enriched }, [top]))
    expect(withModel).toContain('\n*Summary:* By the model.\n')
    expect(withModel).not.toContain('AI summary')
    const without = body(render({ fields: both }, [top]))
    expect(without).toContain(`\n*AI summary:* ${top.aiSummary as string}\n`)
  })

  it('has no H1 and folds every abstract', () => {
    const post = body(render({}))
    expect(post).not.toMatch(/^# /m)
    expect(post.match(/<details markdown="1">\n<summary>Abstract<\/summary>/g)).toHaveLength(5)
    for (const paper of papers.slice(5)) expect(post).not.toContain(paper.summary.slice(0, 60))
  })
})
