// Lets a script import src/ and the tests' support files as they are, the way jest does: `./name.js` resolves to `./name.ts`, and the file is
// compiled with TypeScript's transpileModule (src/ has syntax Node's type stripping refuses, such as
// parameter properties). Imported for its effect, before the first import of src/.
import { readFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOTS = ['../src/', '../__tests__/'].map((root) => new URL(root, import.meta.url).href)
const ours = (url) => url !== undefined && ROOTS.some((root) => url.startsWith(root))

registerHooks({
  resolve(specifier, context, nextResolve) {
    const fromSrc = ours(context.parentURL) && specifier.startsWith('.') && specifier.endsWith('.js')
    return nextResolve(fromSrc ? specifier.replace(/\.js$/, '.ts') : specifier, context)
  },
  load(url, context, nextLoad) {
    if (!ours(url) || !url.endsWith('.ts')) return nextLoad(url, context)
    const { outputText } = ts.transpileModule(readFileSync(fileURLToPath(url), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2024,
        esModuleInterop: true,
      },
      fileName: fileURLToPath(url),
    })
    return { format: 'module', source: outputText, shortCircuit: true }
  },
})
