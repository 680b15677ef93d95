import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  REFERENCE_INPUTS,
  SEED_DAY,
  SEED_DIR,
  SEED_FIELDS,
  SEED_POST as POST,
} from '../support/reference-day.js'
import { runAction } from '../support/run-action.js'
import { LLM_TOKEN, startStandIns } from './llm-stand-ins.js'

/**
 * The model layer at the edges of the bundles (`npm run bundle` first), against local stand-ins for
 * Hugging Face and an OpenAI-compatible host: the action asks the model nothing when no field needs it,
 * and the bundled CLI writes model summaries. The summaries themselves and their failures: llm.test.ts.
 */
const { hf, llm } = startStandIns()

describe('the bundled action without a model field', () => {
  it('asks the model nothing, though a host and a token are given', async () => {
    const run = await runAction({
      inputs: {
        ...REFERENCE_INPUTS,
        fields: SEED_FIELDS,
        mode: 'files',
        'hf-api-url': hf().url,
        'llm-api-url': llm().url,
        'llm-token': LLM_TOKEN,
      },
      workspace: await mkdtemp(join(tmpdir(), 'workspace-')),
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('Model summaries')
    expect(llm().requests).toEqual([])
  })
})

describe('the bundled CLI', () => {
  it('reads LLM_TOKEN from its environment and never prints it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-'))
    const flags = Object.entries({
      ...REFERENCE_INPUTS,
      fields: 'llm-summary',
      'llm-api-url': llm().url,
    }).flatMap(([name, value]) => [`--${name}`, value])
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['dist/cli.js', ...flags, '--input', join(SEED_DIR, `${SEED_DAY}.json`), '--out', out],
      { env: { PATH: process.env.PATH, LLM_TOKEN } },
    )
    expect(llm().requests.map((request) => request.authorization)).toEqual([`Bearer ${LLM_TOKEN}`])
    expect((await readFile(join(out, POST), 'utf8')).match(/^ {3}- 요약: /gm)).toHaveLength(5)
    expect(stderr).toContain('== Model summaries')
    expect(stderr).not.toContain(LLM_TOKEN)
  })
})
