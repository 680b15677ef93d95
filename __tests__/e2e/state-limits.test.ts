import { describe, expect, it } from '@jest/globals'
import { startGitHubServer } from '../support/github-server.js'
import { BLOB_TEXT_LIMIT } from '../support/github-graphql.js'
import { REFERENCE_INPUTS, SEED_POST } from '../support/reference-day.js'
import { runAction } from '../support/run-action.js'
import { GITHUB_TOKEN, startStandIns } from './llm-stand-ins.js'

/**
 * State files at GitHub's real limits, through the bundled action (dist/index.js; `npm run bundle`
 * first), against a GitHub stand-in that stops `Blob.text` at 512,000 bytes as github.com does: a
 * Korean month of summaries keeps working, and a state file the action cannot use is a warning.
 */
const CACHE = '.hf-daily-papers/summaries/2025-12-24.json'
/** The arXiv-month file of the cache of 1.x, still read. */
const MONTH = '.hf-daily-papers/summaries/2512.json'
const RECORD = '.hf-daily-papers/posts/2025-12-24.json'

const { hf, llm, summaryInputs: inputs } = startStandIns()

interface CacheFile {
  about: string
  summaries: Record<string, Record<string, { summary: string }>>
}

describe('a Korean month of summaries past 512,000 bytes', () => {
  it('is read whole, so a run asks the model nothing and warns about nothing', async () => {
    // The day's five summaries, as the cache of 1.x kept them: in the file of their arXiv month, beside
    // a month of other papers' Korean summaries, ~0.8 MB as a real month grows.
    const first = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' } })
    let written: string | undefined
    try {
      expect(
        (await runAction({ inputs: inputs(), env: first.runnerEnv, githubToken: GITHUB_TOKEN })).exitCode,
      ).toBe(0)
      written = await first.git.readFile('main', CACHE)
    } finally {
      await first.close()
    }
    const cache = JSON.parse(written ?? '') as CacheFile
    expect(Object.keys(cache.summaries).every((id) => id.startsWith('2512.'))).toBe(true)
    const variant = Object.keys(Object.values(cache.summaries)[0] ?? {})[0] as string
    for (let number = 0; number < 900; number++) {
      cache.summaries[`2512.9${String(number).padStart(4, '0')}`] = {
        [variant]: {
          summary: `이 논문은 대규모 언어 모델의 추론 능력을 ${number}번째 방법으로 개선한다. `.repeat(8),
        },
      }
    }
    const grown = `${JSON.stringify(cache, null, 2)}\n`
    expect(Buffer.byteLength(grown)).toBeGreaterThan(BLOB_TEXT_LIMIT * 1.5)

    const github = await startGitHubServer({ tokens: { [GITHUB_TOKEN]: 'write' }, files: { [MONTH]: grown } })
    try {
      llm().requests.length = 0
      const run = await runAction({ inputs: inputs(), env: github.runnerEnv, githubToken: GITHUB_TOKEN })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).not.toContain('::warning::')
      expect(llm().requests).toEqual([])
      expect(run.summary).toContain('<p>5 papers: 0 written by the model, 5 from the cache; 0 model requests')
      expect(github.requests.some((request) => /\/git\/blobs\/[0-9a-f]{40}$/.test(request.path))).toBe(true)
      expect(await github.git.readFile('main', MONTH)).toBe(grown)
      expect(await github.git.readFile('main', CACHE)).toBeUndefined()
    } finally {
      await github.close()
    }
  })
})

describe('a state file the action cannot use', () => {
  it('is a warning naming it and what is wrong; its post waits with it (it may be one a person deleted), and the file is left as it is', async () => {
    const broken = '{"posts": {}}\0\n'
    const github = await startGitHubServer({
      tokens: { [GITHUB_TOKEN]: 'write' },
      files: { 'README.md': '# Blog\n', [RECORD]: broken },
    })
    try {
      const run = await runAction({
        inputs: { ...REFERENCE_INPUTS, 'hf-api-url': hf().url },
        env: github.runnerEnv,
        githubToken: GITHUB_TOKEN,
      })
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(
        new RegExp(
          `^::warning::${RECORD.replaceAll('.', '\\.')} is not text \\(it holds a NUL byte\\): it is not used and is left as it is; fix it so that the action can record the posts it writes`,
          'm',
        ),
      )
      expect(run.stdout).not.toContain('not one the action wrote')
      expect(run.stdout).toContain(
        `::notice::${SEED_POST}: not written on main: the action's record of it cannot be read, so a person's edit or deletion cannot be told from the action's own writing; fix the record file; overwrite: always replaces it`,
      )
      expect(run.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })
      expect(await github.git.readFile('main', SEED_POST)).toBeUndefined()
      expect(await github.git.readFile('main', RECORD)).toBe(broken)
    } finally {
      await github.close()
    }
  })
})
