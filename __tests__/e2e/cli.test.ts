import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { assertDistCurrent } from '../../scripts/dist-stamp.mjs'
import { REFERENCE_INPUTS, readReferenceDay, SEED_DIR, SEED_POST } from '../support/reference-day.js'

/** The bundled CLI (dist/cli.js, as committed) given the reference day's saved response. */
const REFERENCE_FLAGS = Object.entries(REFERENCE_INPUTS).flatMap(([name, value]) => [`--${name}`, value])

describe('the bundled CLI', () => {
  let seedPost: string
  beforeAll(async () => {
    assertDistCurrent(process.cwd())
    seedPost = (await readReferenceDay()).post
  })

  it('renders a saved response into the reference post byte for byte', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-'))
    const { stdout } = await promisify(execFile)(process.execPath, [
      'dist/cli.js',
      ...REFERENCE_FLAGS,
      '--input',
      join(SEED_DIR, '2025-12-24.json'),
      '--out',
      out,
    ])
    expect(await readFile(join(out, SEED_POST), 'utf8')).toBe(seedPost)
    expect(stdout).toBe('')
  })

  it('prints the post alone on stdout in dry-run mode', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      'dist/cli.js',
      ...REFERENCE_FLAGS,
      '--mode',
      'dry-run',
      '--input',
      join(SEED_DIR, '2025-12-24.json'),
    ])
    expect(stdout).toBe(seedPost)
  })
})
