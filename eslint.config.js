import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The code and its tests are checked with their types (a floating promise, an `any` that leaks, a
    // method passed without its object); the config files and scripts/*.mjs without.
    files: ['src/**/*.ts', '__tests__/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // A test says what it checks with expect; a figure belongs in npm run bench. console.warn stays for a
    // test that skips itself for want of a tool (Jekyll, Chirpy's gem, an older Node).
    files: ['__tests__/**/*.ts'],
    rules: { 'no-console': ['error', { allow: ['warn'] }] },
  },
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
)
