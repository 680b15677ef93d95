import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FIELDS } from '../../src/core/fields.js'
import { cleanModelText, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from '../../src/enrich/plain-text.js'
import {
  dailyPage,
  expectInertPage,
  findJekyll,
  hrefs,
  plain,
  SAFE_HREF,
  textOf,
  withBuiltPage,
} from '../jekyll/site.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { HOSTILE_TEXTS } from '../support/llm-answers.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import { runAction, type ActionRun } from '../support/run-action.js'

/**
 * A model that answers with Liquid, HTML, kramdown attribute lists, links, images, bidi overrides,
 * workflow commands and 100 KB, through the bundled action (dist/index.js; `npm run bundle` first):
 * the post holds it as plain text only, the log holds none of it, and Jekyll builds a page that shows
 * it as text with nothing but the post's own elements and links.
 */
const DAY = '2025-11-18'
const POST = `_posts/${DAY}-daily-papers.md`
const jekyll = findJekyll()

let hf: HfServer
let llm: LlmServer
let run: ActionRun
let post: string

beforeAll(async () => {
  const items = JSON.parse(
    await readFile(resolve(process.cwd(), `__tests__/fixtures/hf/daily/${DAY}.json`), 'utf8'),
  ) as unknown[]
  hf = await startHfServer({ days: new Map([[DAY, items]]) })
  llm = await startLlmServer()
  // Both requests of the day (20 and 8 papers) answer with the hostile texts, in turn, as summary and
  // title, each followed by Korean (the 100 KB one excepted: cut to a summary's length it has none).
  llm.inject('hostile', 2)
  run = await runAction({
    inputs: {
      date: DAY,
      // Version 1's lines, one per field, which the checks read.
      style: 'classic',
      language: 'ko',
      mode: 'files',
      filename: '{date}-daily-papers.md',
      // The test layout prints the author.
      author: 'lim4349',
      fields: FIELDS.join(', '),
      'hf-api-url': hf.url,
      'llm-api-url': llm.url,
      'llm-token': 'sk-test',
    },
    workspace: await mkdtemp(join(tmpdir(), 'workspace-')),
  })
  post = await readFile(join(run.workspace, POST), 'utf8')
})
afterAll(async () => {
  await Promise.all([hf?.close(), llm?.close()])
})

describe('the bundled action, given a hostile model', () => {
  it('publishes the post with every answer in Korean as a summary and a title', () => {
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(llm.requests).toHaveLength(2)
    // The two 100 KB answers (the last of each request) are not Korean: Hugging Face's summary instead.
    expect(post.match(/^ +- 요약: /gm)).toHaveLength(26)
  })

  it('writes no brace, link, image, line break or invisible character of the model into the post', () => {
    const body = post.split('---\n').slice(2).join('---\n')
    expect(body).not.toContain('{')
    const destinations = [...body.matchAll(/\]\(([^)\s]*)\)/g)].map((match) => match[1])
    for (const destination of destinations) expect(destination).toMatch(SAFE_HREF)
    // Every line is one the post itself starts: no heading, table, reference or command from an answer.
    const foreign = body
      .split('\n')
      .filter(
        (line) =>
          !/^(|# Hugging Face Daily Papers - .*|총 \*\*28개\*\*.*|## 📊 .*|\d+\. \*\*.*| +- .*)$/.test(line),
      )
    expect(foreign).toEqual([])
    for (const hidden of [
      '\u0007',
      '\u001b',
      '\u00ad',
      '\u200b',
      '\u202e',
      '\u2066',
      '\u2069',
      '\udb40\udc41',
    ]) {
      expect(body).not.toContain(hidden)
    }
    // Every answer is cut to a summary's length.
    const longest = Math.max(...(post.match(/^ +- 요약: .*$/gm) ?? []).map((line) => line.length))
    expect(longest).toBeLessThan(MAX_SUMMARY_LENGTH * 2)
  })

  it('prints nothing of the answers in the log', () => {
    expect(run.stdout).not.toMatch(/injected|evil\.test|site\.github|<script>/)
    expect(
      run.stdout
        .split('\n')
        .filter((line) => line.startsWith('::') && !/^::((end)?group|add-mask)::/.test(line)),
    ).toEqual([
      "::warning::Model summaries: 2 of 28 papers have no model summary: 2 the answer was not in the post's language; 1 shows Hugging Face's AI summary instead.",
    ])
  })

  const maybeJekyll = jekyll ? it : it.skip
  maybeJekyll(
    'builds with Jekyll into a page that shows every answer as text, with only its own elements and links',
    () =>
      withBuiltPage({ [`${DAY}-daily-papers.md`]: post }, dailyPage(DAY), (page) => {
        expectInertPage('the post with hostile summaries', page)
        for (const href of hrefs(page)) expect(href).not.toContain('evil.test')
        const shown = plain(textOf(page))
        for (const hostile of HOSTILE_TEXTS) {
          expect(shown).toContain(`요약: ${plain(cleanModelText(hostile, MAX_SUMMARY_LENGTH))} 이 논문은`)
          expect(shown).toContain(`(${plain(cleanModelText(hostile, MAX_TITLE_LENGTH))} 이 논문은`)
        }
      }),
    120_000,
  )
})
