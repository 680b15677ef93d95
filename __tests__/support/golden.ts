import { expect } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/** Whether this run rewrites golden files: `UPDATE=1 npm test`, after a deliberate change. */
export const UPDATE_GOLDEN = process.env.UPDATE === '1'

/**
 * Expects `actual` to be the golden file at `path`. With `update` the file is written first; without it a
 * missing file fails, so that a golden file nobody committed is never written by the run that checks it.
 */
export function expectGolden(path: string, actual: string, update = UPDATE_GOLDEN): void {
  if (update) writeFileSync(path, actual)
  else if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: UPDATE=1 npm test writes it from this rendering; read it, then commit it`,
    )
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
