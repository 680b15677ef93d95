import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { INPUT_NAMES, type RawInputs } from '../src/settings/inputs.js'
import { parseSettings } from '../src/settings/settings.js'
import { ACTION_PLACEHOLDER, inputsOf, isThisAction, readWorkflow, stepsOf } from './support/workflows.js'
import { systemClock } from '../src/core/clock.js'

const examples = readdirSync('examples').map((name) => join('examples', name))
/** Every example, and the repository's own workflows that run the action (ci.yml's dry run). */
const files = [
  ...examples,
  ...readdirSync('.github/workflows')
    .map((name) => join('.github/workflows', name))
    .filter((file) => stepsOf(readWorkflow(file)).some((step) => isThisAction(step.uses))),
]

it('every example runs the action under the one placeholder the README explains', () => {
  const withoutIt = examples.filter(
    (file) => !stepsOf(readWorkflow(file)).some((step) => step.uses === ACTION_PLACEHOLDER),
  )
  expect(withoutIt).toEqual([])
  const readme = readFileSync('README.md', 'utf8')
  const uses = [...readme.matchAll(/uses:\s*(\S*hf-daily-papers\S*)/g)].map((match) => match[1])
  expect(uses.length).toBeGreaterThan(0)
  expect(uses.filter((ref) => ref !== ACTION_PLACEHOLDER)).toEqual([])
  expect(readme).toContain(
    `\`${ACTION_PLACEHOLDER.split('@')[0]}\` is the repository you install the action from`,
  )
})

/** The permissions a step of this action needs from the workflow's own token. */
function neededPermissions(inputs: Record<string, string>): Record<string, string> {
  // GitHub Models takes the workflow's own token when no llm-token is given and a model field is asked for.
  const fields = (inputs.fields ?? '').split(/[,\n]/).map((field) => field.trim())
  const asksModel =
    fields.includes('llm-summary') || (fields.includes('llm-title') && (inputs.language ?? 'en') !== 'en')
  const models: Record<string, string> =
    asksModel && inputs['llm-token'] === undefined && inputs['llm-api-url'] === undefined
      ? { models: 'read' }
      : {}
  if (inputs.token !== undefined) return { contents: 'read', ...models }
  const mode = inputs.mode ?? 'commit'
  if (mode === 'files' || mode === 'dry-run') return { contents: 'read', ...models }
  return {
    contents: 'write',
    ...models,
    ...(mode === 'pull-request' ? { 'pull-requests': 'write' } : {}),
    ...(inputs['dispatch-workflow'] ? { actions: 'write' } : {}),
  }
}

describe.each(files)('%s', (file) => {
  const workflow = readWorkflow(file)
  const ours = stepsOf(workflow).filter((step) => isThisAction(step.uses))

  it('uses only inputs that action.yml declares, with values the action accepts', () => {
    for (const step of ours) {
      const inputs = inputsOf(step)
      expect(Object.keys(inputs).filter((name) => !(INPUT_NAMES as string[]).includes(name))).toEqual([])
      // Expressions are the runner's business; literal values must pass the action's own checks.
      const literal: RawInputs = Object.fromEntries(
        Object.entries(inputs).filter(([, v]) => !v.includes('${{')),
      )
      expect(() =>
        parseSettings(
          { token: 't', ...literal },
          { clock: systemClock, repository: 'octo/blog', workspace: '/w' },
        ),
      ).not.toThrow()
    }
  })

  it('asks for exactly the permissions it uses', () => {
    const needed = ours.reduce<Record<string, string>>((all, step) => {
      for (const [scope, level] of Object.entries(neededPermissions(inputsOf(step)))) {
        if (all[scope] !== 'write') all[scope] = level
      }
      return all
    }, {})
    const granted = workflow.permissions ?? Object.values(workflow.jobs)[0]?.permissions
    expect(granted).toEqual(needed)
  })
})

describe.each(examples)('%s', (file) => {
  it('queues its runs per workflow and trigger, so that a scheduled run never cancels a waiting manual one', () => {
    // GitHub keeps one pending run per concurrency group and cancels it when another arrives.
    const { concurrency } = readWorkflow(file)
    expect(typeof concurrency).toBe('object')
    if (typeof concurrency !== 'object') return
    expect(concurrency.group).toBe('${{ github.workflow }}-${{ github.event_name }}')
    expect(concurrency['cancel-in-progress']).toBe(false)
  })
})
