import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { INPUT_NAMES, type RawInputs } from '../src/settings/inputs.js'
import { parseSettings } from '../src/settings/settings.js'

interface Step {
  uses?: string
  with?: Record<string, string | number>
}
interface Workflow {
  permissions?: Record<string, string>
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}

const isThisAction = (uses = '') => uses === './' || uses.startsWith('hf-daily-papers/hf-daily-papers@')
const stepsOf = (file: string) =>
  Object.values((parse(readFileSync(file, 'utf8')) as Workflow).jobs).flatMap((job) => job.steps)
const examples = readdirSync('examples').map((name) => join('examples', name))
/** Every example, and the repository's own workflows that run the action (ci.yml's dry run). */
const files = [
  ...examples,
  ...readdirSync('.github/workflows')
    .map((name) => join('.github/workflows', name))
    .filter((file) => stepsOf(file).some((step) => isThisAction(step.uses))),
]

it('every example runs the action', () => {
  expect(examples.filter((file) => !stepsOf(file).some((step) => isThisAction(step.uses)))).toEqual([])
})

/** The permissions a step of this action needs from the workflow's own token. */
function neededPermissions(inputs: Record<string, string>): Record<string, string> {
  if (inputs.token !== undefined) return { contents: 'read' }
  const mode = inputs.mode ?? 'commit'
  if (mode === 'files' || mode === 'dry-run') return { contents: 'read' }
  return {
    contents: 'write',
    ...(mode === 'pull-request' ? { 'pull-requests': 'write' } : {}),
    ...(inputs['dispatch-workflow'] ? { actions: 'write' } : {}),
  }
}

describe.each(files)('%s', (file) => {
  const workflow = parse(readFileSync(file, 'utf8')) as Workflow
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
  const ours = steps.filter((step) => isThisAction(step.uses))

  it('uses only inputs that action.yml declares, with values the action accepts', () => {
    for (const step of ours) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]))
      expect(Object.keys(inputs).filter((name) => !(INPUT_NAMES as string[]).includes(name))).toEqual([])
      // Expressions are the runner's business; literal values must pass the action's own checks.
      const literal: RawInputs = Object.fromEntries(
        Object.entries(inputs).filter(([, v]) => !v.includes('${{')),
      )
      expect(() =>
        parseSettings(
          { token: 't', ...literal },
          { now: new Date(), repository: 'octo/blog', workspace: '/w' },
        ),
      ).not.toThrow()
    }
  })

  it('asks for exactly the permissions it uses', () => {
    const needed = ours.reduce<Record<string, string>>((all, step) => {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]))
      for (const [scope, level] of Object.entries(neededPermissions(inputs))) {
        if (all[scope] !== 'write') all[scope] = level
      }
      return all
    }, {})
    const granted = workflow.permissions ?? Object.values(workflow.jobs)[0]?.permissions
    expect(granted).toEqual(needed)
  })
})
