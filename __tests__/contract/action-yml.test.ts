import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, INPUT_NAMES } from '../../src/settings/inputs.js'
import { VERSION } from '../../src/core/version.js'

/** The action's contract with its users: action.yml and package.json say what the code does. */
describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { description: string; default: string }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }

  it('declares every input with a description and the default the code applies', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_NAMES)
    for (const name of INPUT_NAMES) {
      expect(action.inputs[name]?.description).toBeTruthy()
      const declared = name === 'token' ? '' : action.inputs[name]?.default
      expect([name, declared]).toEqual([name, INPUT_DEFAULTS[name]])
    }
    expect(action.inputs.token?.default).toBe('${{ github.token }}')
  })

  it('declares the outputs of the interface and runs the bundle on node24', () => {
    expect(Object.keys(action.outputs)).toEqual([
      'posts',
      'post-path',
      'papers',
      'commit-sha',
      'commit-url',
      'pull-request-url',
      'skipped',
    ])
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('has the version of package.json', () => {
    expect(VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version)
  })
})
