import { chmod } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { sourcesHash, STAMP_FILE } from './scripts/dist-stamp.mjs'

const isBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id)

/** The shared build: Node's modules stay outside, CommonJS becomes ES modules. */
const bundle = (input, output, extraPlugins = []) => ({
  input,
  external: isBuiltin,
  output: {
    format: 'es',
    // Node's modules stay `require` calls in CommonJS code: importing node:http as an ES module reads all
    // its exports, which loads Node's own copy of undici (~50 ms); and undici's optional requires
    // (node:http2 for HTTP/2, node:tls behind a proxy) need a `require` to work at all.
    banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    // Maps without the sources' text (src/ is beside dist/ in the repository). A stack trace reads them
    // when it is formatted (src/core/source-mapped-stacks.ts) and names src/… lines.
    sourcemap: true,
    sourcemapExcludeSources: true,
    ...output,
  },
  plugins: [
    // undici's switch for bundlers (its own build sets it): leave out the experimental Milo HTTP parser.
    replace({ preventAssignment: true, values: { 'typeof esbuildDetection': JSON.stringify('number') } }),
    // A type error fails the bundle (the plugin otherwise prints it as a warning and builds anyway).
    typescript({
      tsconfig: './tsconfig.build.json',
      noEmit: false,
      noEmitOnError: true,
      outDir: 'dist',
      sourceMap: true,
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs({ ignore: isBuiltin }),
    json(),
    // Whitespace and comments only, so names stay readable in stack traces. ASCII only: V8 then reads
    // the source as one-byte text instead of decoding UTF-8, which starts quicker.
    terser({ compress: false, mangle: false, format: { comments: false, ascii_only: true } }),
    ...extraPlugins,
  ],
  onwarn(warning, warn) {
    // @actions/* and undici use module-level `this` and harmless circular imports.
    // zod explains its annotations in comments that Rollup cannot place, and drops them.
    if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return
    warn(warning)
  },
})

/** package.json's `bin` runs as a program (`./dist/cli.js`, npx, npm link): its file needs the executable bit. */
const executable = () => ({
  name: 'executable',
  writeBundle: (options) => chmod(options.file, 0o755),
})

/** dist/sources.sha256: what the bundle was built from, which the end-to-end tests compare with the sources. */
const stamp = () => ({
  name: 'stamp',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: STAMP_FILE, source: `${sourcesHash(import.meta.dirname)}\n` })
  },
})

/**
 * Every trick the action's start-up depends on (npm run bench, "start to first request"), in one place:
 * 1. Split bundle: dist/index.js holds only the settings and the Hugging Face client; src/action/main.ts
 *    starts the first request, waits one event-loop turn so that it leaves, and only then imports
 *    @actions/core and src/action/deferred.ts (dist/action/*.js) while the answer travels. The trap: an
 *    entry must never await at its top level (src/action/index.ts calls run() and returns), or a lazily
 *    loaded chunk that imports from dist/index.js waits for it forever ("unsettled top-level await");
 *    the CLI is the same source built as one file (inlineDynamicImports), and its end-to-end tests
 *    (__tests__/e2e) guard that trap for both bundles.
 * 2. Node's modules stay `require` calls (the banner above): no ES import of node:http.
 * 3. undici's request modules only (src/source/huggingface.ts), zod Mini, and no Intl formatter built
 *    to check a time zone (src/core/calendar.ts).
 * 4. terser writes ASCII only; source maps are read only when a stack trace is formatted.
 * 5. The model layer (openai) is its own chunk, loaded only when a model field is asked for.
 * 6. src/action/deferred.ts re-exports @actions/core although main.ts imports it directly: that keeps the
 *    code @actions/core shares with @actions/github in dist/action/core.js, not in a third chunk
 *    (dist/action/shared.js) that both would load.
 */
export default [
  bundle(
    'src/action/index.ts',
    {
      dir: 'dist',
      chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'action/[name].js' : 'action/shared.js'),
    },
    [stamp()],
  ),
  bundle('src/cli/index.ts', { file: 'dist/cli.js', inlineDynamicImports: true }, [executable()]),
]
