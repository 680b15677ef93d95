// What dist/ was bundled from: a hash over the files that decide its content, written into dist/ by
// rollup.config.js and compared before the end-to-end tests, which would otherwise test an older bundle.
// Plain JavaScript, so that Rollup, jest and the benchmark (Node's type stripping) all import this one copy.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** The stamp's place in dist/. */
export const STAMP_FILE = 'sources.sha256'

const BUILD_FILES = ['package-lock.json', 'rollup.config.js', 'tsconfig.json', 'tsconfig.build.json']

/** SHA-256 over every file of src/ and the build's own files under `root`, by path and content. */
export function sourcesHash(root) {
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
  const hash = createHash('sha256')
  for (const path of [...sources, ...BUILD_FILES].sort()) {
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(root, path)))
      .update('\0')
  }
  return hash.digest('hex')
}

/** Whether dist/ under `root` was bundled from the files as they are now. */
export function distIsCurrent(root) {
  let stamp
  try {
    stamp = readFileSync(join(root, 'dist', STAMP_FILE), 'utf8').trim()
  } catch {
    return false
  }
  return stamp === sourcesHash(root)
}
