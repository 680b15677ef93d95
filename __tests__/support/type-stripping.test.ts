import { expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { posix } from 'node:path'
import ts from 'typescript'

/**
 * `npm run bench` runs the stand-ins on Node's type stripping, which loads a relative import only by the
 * file's real name: a `./name.js` that jest and tsc map to `name.ts` breaks the bench alone. src/ is the
 * exception: scripts/typescript-hooks.mjs maps its `./name.js` to `name.ts`, as jest does.
 */
it('every file the bench reaches imports the next by its real name', () => {
  const reached = new Set<string>()
  const misnamed: string[] = []
  const queue = ['scripts/bench.mjs']
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (reached.has(file)) continue
    reached.add(file)
    if (file.startsWith('src/')) continue
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    for (const { fileName } of importedFiles.filter(({ fileName }) => fileName.startsWith('.'))) {
      const target = posix.join(posix.dirname(file), fileName)
      if (existsSync(target)) queue.push(target)
      else misnamed.push(`${file} imports ${fileName}, which is no file`)
    }
  }
  expect(misnamed).toEqual([])
  expect([...reached]).toEqual(
    expect.arrayContaining([
      'scripts/bench-scenarios.mjs',
      '__tests__/support/git-repository.ts',
      'scripts/typescript-hooks.mjs',
      'src/digest/index.ts',
    ]),
  )
})
