import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

describe('the recordings kept in __tests__/fixtures', () => {
  // Real answers and the real reference post: a test that edited one would test against a fake.
  const root = resolve(process.cwd(), '__tests__/fixtures')
  const recorded = readFileSync(join(root, 'SHA256SUMS'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => /^([0-9a-f]{64}) {2}(\S+)$/.exec(line)?.slice(1, 3) as [string, string])

  it('lists every Hugging Face answer and the reference day', () => {
    const answers = readdirSync(join(root, 'hf/daily')).map((name) => `hf/daily/${name}`)
    expect(answers).toHaveLength(44)
    expect(recorded.map(([, file]) => file).sort()).toEqual(
      [...answers, 'seed/2025-12-24-daily-papers.md', 'seed/2025-12-24.json'].sort(),
    )
  })

  it.each(recorded.map(([sha256, file]) => [file, sha256]))('%s is as recorded', (file, sha256) => {
    expect(
      createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex'),
    ).toBe(sha256)
  })
})
