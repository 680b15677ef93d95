import { chmod } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { sourcesHash, STAMP_FILE } from './scripts/dist-stamp.mjs'

const isBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id)

/**
 * The shared build: Node's modules stay outside, CommonJS becomes ES modules, and a source map beside
 * every file (without the sources' text: src/ is beside dist/), which Node reads once the entry has
 * enabled them. An entry only enables the maps and imports the rest, which Rollup writes as one file
 * beside it (a second would collide with the name). CommonJS code that requires one of Node's modules
 * inside a try (undici's node:http2 for HTTP/2, node:tls behind a proxy) needs a real `require`.
 */
const bundle = (input, output, extraPlugins = []) => ({
  input,
  external: isBuiltin,
  // Node's modules do nothing when imported: an import whose bindings went unused goes too. Neither does
  // tunnel, which Rollup cannot tell in CommonJS: it would load it (and node:https) at start, for the
  // proxies of @actions/http-client, whose one user in @actions/core (OIDC) the action never calls.
  treeshake: {
    moduleSideEffects: (id, external) => !external && !/[\\/]node_modules[\\/]tunnel[\\/]/.test(id),
  },
  output: {
    format: 'es',
    dir: 'dist',
    banner:
      "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);",
    sourcemap: true,
    sourcemapExcludeSources: true,
    ...output,
  },
  plugins: [
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
    // Short local names (a quarter less to parse at every start); named functions and classes keep theirs for
    // stack traces. Not compressed: it would take Rollup 13 s longer for 4 % less.
    terser({
      compress: false,
      mangle: true,
      keep_classnames: true,
      keep_fnames: true,
      format: { comments: false },
    }),
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
  writeBundle: (options) => chmod(`${options.dir}/cli.js`, 0o755),
})

/** dist/sources.sha256: what the bundle was built from, which the end-to-end tests compare with the sources. */
const stamp = () => ({
  name: 'stamp',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: STAMP_FILE, source: `${sourcesHash(import.meta.dirname)}\n` })
  },
})

export default [
  bundle('src/action/index.ts', { chunkFileNames: 'action.js' }, [stamp()]),
  bundle('src/cli/index.ts', { entryFileNames: 'cli.js', chunkFileNames: 'cli-main.js' }, [executable()]),
]
