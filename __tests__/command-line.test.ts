import { describe, expect, it } from '@jest/globals'
import { runCli } from '../src/cli/run.js'

const SEED = '__tests__/fixtures/seed/2025-12-24.json'

/** The CLI in-process, without the network (`--input` only) and writing nothing (dry-run). */
async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    [...argv, '--mode', 'dry-run'],
    {},
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdoutReadByRunner: false },
  )
  return { code, stdout, stderr }
}

describe('--input FILE stands for the day it was saved for', () => {
  it('renders that day', async () => {
    const { code, stdout } = await cli('--input', SEED, '--date', '2025-12-24')
    expect(code).toBe(0)
    expect(stdout).toContain('\n> **TL;DR** — 5 papers. Most upvoted: **SpatialTree** (👍\u00a011)')
    const classic = await cli('--input', SEED, '--date', '2025-12-24', '--style', 'classic')
    expect(classic.stdout).toContain(
      '# Hugging Face Daily Papers - 2025-12-24\n\n**5** papers were collected.',
    )
  })

  it('refuses another day, naming the day the file holds', async () => {
    const { code, stdout, stderr } = await cli('--input', SEED, '--date', '2025-12-23')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      `hf-daily-papers: ${SEED} holds the papers Hugging Face listed on 2025-12-24 (their submittedOnDailyAt), not on 2025-12-23; run with --date 2025-12-24\n`,
    )
  })

  it('refuses a range, before reading the file', async () => {
    const { code, stdout, stderr } = await cli(
      '--input',
      'no-such-file.json',
      '--date',
      '2025-12-23..2025-12-24',
    )
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
    expect(stderr).toBe(
      'hf-daily-papers: --input no-such-file.json holds one saved day, but --date asks for 2025-12-23..2025-12-24; give --date the day it was saved for\n',
    )
  })

  it('refuses a weekly digest, which covers seven days', async () => {
    const { code, stderr } = await cli('--input', SEED, '--date', '2025-12-24', '--digest', 'weekly')
    expect(code).toBe(1)
    expect(stderr).toBe(
      `hf-daily-papers: --input ${SEED} holds one saved day, but a weekly digest covers 2025-12-22..2025-12-28; give --date the day it was saved for and --digest daily\n`,
    )
  })

  it('refreshes no earlier day from it, and refuses refresh-days asked for with it', async () => {
    const { code, stderr } = await cli('--input', SEED, '--date', '2025-12-24')
    expect(code).toBe(0)
    expect(stderr).toContain('== Fetch papers (2025-12-24)\n')
    const asked = await cli('--input', SEED, '--date', '2025-12-24', '--refresh-days', '3')
    expect(asked.code).toBe(1)
    expect(asked.stderr).toBe(
      `hf-daily-papers: --input ${SEED} holds one saved day, so there are no earlier days to refresh; leave out --refresh-days (it is 0 with --input)\n`,
    )
  })
})

describe('flags that go astray', () => {
  const TOKEN = 'ghp_Zx8KqW3mNvB7tLp2RsYd9FhJc4GuE1AoWyQa'

  it.each([
    ['a token after an empty --token=', ['--token=', TOKEN], 2],
    ['a token after --hf-token and a lone =', ['--hf-token', '=', TOKEN], 3],
    ['a word holding the token after its flag', ['--token', TOKEN, `x${TOKEN}`], 3],
  ])('never quotes an argument that is no flag: %s', async (_, argv, position) => {
    const { code, stdout, stderr } = await cli(...argv)
    expect(code).toBe(1)
    expect(stderr).toContain(
      `argument ${position} is no flag and no flag's value (not shown: it may be a token)`,
    )
    expect(`${stdout}${stderr}`).not.toContain(TOKEN.slice(4, 12))
  })

  it('refuses a flag given twice, which would have taken the last silently', async () => {
    const { code, stderr } = await cli('--input', SEED, '--date', '2025-12-24', '--date', '2025-12-23')
    expect(code).toBe(1)
    expect(stderr).toContain('--date is given more than once; give it once')
  })
})
