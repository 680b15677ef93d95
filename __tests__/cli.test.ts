import { describe, expect, it } from '@jest/globals'
import { nodeVersionProblem } from '../src/core/node-version.js'

/** The CLI's Node version check; the bundle's, run on an older Node, is in e2e/cli.test.ts. */
describe('the Node version check', () => {
  it('passes Node 24 and later', () => {
    expect(nodeVersionProblem('v24.0.0')).toBeUndefined()
    expect(nodeVersionProblem('v26.1.0')).toBeUndefined()
  })

  it('tells an older Node what to do, in one line', () => {
    const problem = nodeVersionProblem('v20.20.2')
    expect(problem).toContain('Node 24 or later is required, this is v20.20.2')
    expect(problem).toContain('npm ci')
    expect(problem).not.toContain('\n')
  })
})
