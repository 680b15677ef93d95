import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
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
 * What of the model layer the bundled action (dist/index.js; `npm run bundle` first) loads, and the
 * bundled CLI's model summaries, against local stand-ins for Hugging Face and an OpenAI-compatible host.
 * The summaries themselves and their failures: llm.test.ts.
 */
const { hf, llm } = startStandIns()

/** The definitions of the model layer's own code as the bundle writes them, as a function or a const. */
const MODEL_LAYER_CODE = /(?:function |const )(?:enrichPapers|createOpenAiClient)(?:\(|=)/g

/** The definitions of MODEL_LAYER_CODE found in `paths`, in the order found. */
async function modelLayerCode(paths: string[]): Promise<string[]> {
  const sources = await Promise.all(paths.map((path) => readFile(path, 'utf8')))
  return sources.flatMap((source) => source.match(MODEL_LAYER_CODE) ?? [])
}

describe('what the bundled action loads', () => {
  /** Runs the reference day in files mode and returns the bundle's modules that Node loaded. */
  async function loadedModules(fields: string): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'loaded-'))
    const hook = join(dir, 'record.mjs')
    const list = join(dir, 'loaded.txt')
    await writeFile(list, '')
    await writeFile(
      hook,
      `import { registerHooks } from 'node:module'\nimport { appendFileSync } from 'node:fs'\n` +
        `registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context) } })\n`,
    )
    const run = await runAction({
      inputs: {
        ...REFERENCE_INPUTS,
        fields,
        mode: 'files',
        'hf-api-url': hf().url,
        'llm-api-url': llm().url,
        'llm-token': LLM_TOKEN,
      },
      env: { NODE_OPTIONS: `--import=${hook}` },
      workspace: await mkdtemp(join(tmpdir(), 'workspace-')),
    })
    expect(run.exitCode).toBe(0)
    return (await readFile(list, 'utf8'))
      .split('\n')
      .filter((url) => url.includes('/dist/'))
      .map((url) => url.slice(url.indexOf('/dist/') + 1))
  }

  it('loads no part of the model layer when no field asks for it', async () => {
    const loaded = await loadedModules(SEED_FIELDS)
    expect(loaded).toContain('dist/action/deferred.js')
    expect(loaded.filter((path) => /enrich|openai/.test(path))).toEqual([])
    // Nor is its code inside a chunk that is loaded.
    expect(await modelLayerCode(loaded)).toEqual([])
    expect(llm().requests).toEqual([])
  })

  it('loads it, and the model client, when llm-summary is listed', async () => {
    const loaded = await loadedModules(`${SEED_FIELDS}, llm-summary`)
    expect(loaded).toEqual(expect.arrayContaining(['dist/action/enrich.js', 'dist/action/openai.js']))
    // The pattern the test above finds nothing with finds both definitions here.
    expect((await modelLayerCode(loaded)).sort()).toEqual([
      'function createOpenAiClient(',
      'function enrichPapers(',
    ])
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
