/**
 * Jest in ESM mode: ts-jest compiles TypeScript to ES modules (transpile only: `npm run typecheck` checks
 * types), run with --experimental-vm-modules. Two projects: `unit`, everything that runs src/ in the test's
 * own process, and `e2e`, the tests that run the bundle (dist/) as a runner or a terminal would, which
 * rebuild a stale bundle first. `npm test` runs both; `npm run test:unit` is the fast inner loop.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Node's compile cache (V8 code kept on disk between runs) for jest's own processes and every node the
// tests start: each worker loads jest, ts-jest and TypeScript, and the tests run the 1.6 MB bundle ~200
// times. Set here, in the environment the workers and the tests' children inherit, so that it is the
// tests' alone: `npm run bench` times the bundle cold, as a runner starts it.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'hf-daily-papers-compile-cache')
module.enableCompileCache(process.env.NODE_COMPILE_CACHE)

// Every temporary folder of the tests (workspaces, stand-ins' repositories, runner folders, sites) in one
// folder of this run's, gone when jest ends: os.tmpdir() reads TMPDIR, which the workers inherit.
if (process.env.HF_DAILY_PAPERS_TEST_TMP === undefined) {
  const folder = mkdtempSync(join(tmpdir(), 'hf-daily-papers-tests-'))
  process.env.HF_DAILY_PAPERS_TEST_TMP = process.env.TMPDIR = folder
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }))
}

const typescript = {
  testEnvironment: '<rootDir>/__tests__/support/jest-environment.mjs',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
}
const BUNDLE_TESTS = ['<rootDir>/__tests__/e2e/**/*.test.ts', '<rootDir>/__tests__/chirpy/**/*.test.ts']

export default {
  projects: [
    {
      ...typescript,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/e2e/', '<rootDir>/__tests__/chirpy/'],
    },
    {
      ...typescript,
      displayName: 'e2e',
      testMatch: BUNDLE_TESTS,
      globalSetup: '<rootDir>/__tests__/support/fresh-bundle.mjs',
    },
  ],
  testTimeout: 60000,
  testSequencer: '<rootDir>/__tests__/support/slow-first.mjs',
  // `npm test -- --coverage`: four lines on how much of src/ the unit tests ran (the e2e tests run the bundle
  // in a child process, which counts for nothing here). Off by default: instrumenting src/ costs time.
  coverageReporters: ['text-summary'],
  // Most of a run is waiting on child processes, servers and git, not on the CPU: more workers than cores.
  maxWorkers: 4,
}
