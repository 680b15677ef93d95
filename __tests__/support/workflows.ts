/** The example workflows as data, for the tests that hold them to what the action accepts. */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** The one `uses:` the README and every example write; the README says what to put in its place. */
export const ACTION_PLACEHOLDER = 'OWNER/hf-daily-papers@v2'

export interface Step {
  uses?: string
  with?: Record<string, string | number>
}
export interface Workflow {
  permissions?: Record<string, string>
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string }
  on?: Record<string, unknown>
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}

export const readWorkflow = (file: string) => parse(readFileSync(file, 'utf8')) as Workflow
export const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps)
/** This action as a workflow names it: the placeholder, or `./` in this repository's own CI. */
export const isThisAction = (uses = '') => uses === './' || uses === ACTION_PLACEHOLDER
/** A step's `with:` as the runner passes it: every value a string. */
export const inputsOf = (step: Step): Record<string, string> =>
  Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, String(value)]))
