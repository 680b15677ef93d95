import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

/** One self-contained ES module per entry: the action (dist/index.js) and the CLI (dist/cli.js). */
const bundle = (input, file) => ({
  input,
  // Node's own modules, including ones the resolver does not know yet (undici's optional node:sqlite cache).
  external: (id) => id.startsWith('node:'),
  output: { file, format: 'es', inlineDynamicImports: true },
  plugins: [
    typescript({ tsconfig: './tsconfig.json', noEmit: false, outDir: 'dist', include: ['src/**/*.ts'] }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
    // Whitespace and comments only: names stay readable in stack traces, the file halves, start-up is quicker.
    terser({ compress: false, mangle: false, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    // @actions/* and undici use module-level `this` and harmless circular imports.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  },
})

export default [bundle('src/index.ts', 'dist/index.js'), bundle('src/cli.ts', 'dist/cli.js')]
