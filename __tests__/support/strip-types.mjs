// Jest's transform for TypeScript: Node's own (module.stripTypeScriptTypes), which erases the types and
// compiles the little TypeScript-only syntax there is (parameter properties), with a source map for stack
// traces and coverage. Far cheaper than loading the compiler in every worker; `npm run typecheck` checks types.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { stripTypeScriptTypes } from 'node:module'

const VERSION = createHash('sha256')
  .update(readFileSync(new URL(import.meta.url)))
  .update(process.version)
  .digest('hex')

export default {
  // Jest keys its cache on this alone: the file, this transform, Node's version, the config and whether
  // the output is then instrumented for coverage.
  getCacheKey: (source, path, { configString, instrument }) =>
    createHash('sha256')
      .update(`${VERSION}\0${path}\0${configString}\0${instrument}\0`)
      .update(source)
      .digest('hex'),
  process: (source, path) => ({
    code: stripTypeScriptTypes(source, { mode: 'transform', sourceMap: true, sourceUrl: path }),
  }),
}
