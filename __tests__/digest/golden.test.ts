import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { renderPost, selectPapers, type PostOptions } from '../../src/digest/index.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import { expectGolden } from '../support/golden.js'

/**
 * Golden fixtures in the style of remark's plugins: `fixtures/digest/<case>/{input.json, config.json,
 * post.md}`. `UPDATE=1 npm test` rewrites post.md; read the diff before committing it. A missing post.md
 * fails, in CI too: only UPDATE=1 writes one. The reference day has one home, `fixtures/seed/`: its
 * answer, the options of its post and the post itself.
 */
const FIXTURES = resolve(process.cwd(), '__tests__/fixtures/digest')
const SEED = resolve(process.cwd(), '__tests__/fixtures/seed')

type CaseConfig = PostOptions & { maxPapers?: number; minUpvotes?: number; keywords?: string[] }

describe('golden posts', () => {
  it.each(readdirSync(FIXTURES))('%s', (name) => {
    const folder = join(FIXTURES, name)
    const config = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as CaseConfig
    const { papers } = parseDailyPapers(JSON.parse(readFileSync(join(folder, 'input.json'), 'utf8')), name)
    const selected = selectPapers(papers, {
      maxPapers: config.maxPapers,
      minUpvotes: config.minUpvotes ?? 0,
      keywords: config.keywords ?? [],
    })
    const post = renderPost(selected, { ...config, listed: papers.length })
    expectGolden(join(folder, 'post.md'), post)
  })

  it('fails on a missing golden file unless UPDATE=1 writes it', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'golden-')), 'post.md')
    expect(() => expectGolden(missing, 'a post\n', false)).toThrow(
      `${missing} is missing: UPDATE=1 npm test writes it from this rendering; read it, then commit it`,
    )
    expectGolden(missing, 'a post\n', true)
    expect(readFileSync(missing, 'utf8')).toBe('a post\n')
    expect(() => expectGolden(missing, 'another post\n', false)).toThrow()
  })

  it('keeps the reference post byte for byte (the reference post itself, which UPDATE never rewrites)', () => {
    const { papers } = parseDailyPapers(
      JSON.parse(readFileSync(join(SEED, '2025-12-24.json'), 'utf8')),
      'seed',
    )
    const options = JSON.parse(readFileSync(join(SEED, 'post-options.json'), 'utf8')) as PostOptions
    expect(renderPost(selectPapers(papers, { minUpvotes: 0, keywords: [] }), options)).toBe(
      readFileSync(join(SEED, '2025-12-24-daily-papers.md'), 'utf8'),
    )
  })
})
