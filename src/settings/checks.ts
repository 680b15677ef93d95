import { type Environment, type RunnerFacts } from './environment.js'
import { type InputName } from './inputs.js'
import { postNameProblems } from './post-names.js'
import { describeProblem } from './schema.js'

import type { Parsed } from './input-schemas.js'

/**
 * Problems that involve more than one input. `values` holds the inputs that parsed (a failed one is
 * missing), and each check runs only when all of its inputs are there.
 */
export function crossCheck(values: Parsed, facts: RunnerFacts, environment: Environment): string[] {
  const has = (...names: InputName[]) => names.every((name) => name in values)
  const problems: string[] = []
  if (has('digest', 'date') && values.digest !== 'daily' && values.date.from !== values.date.to) {
    problems.push(
      describeProblem(
        'date',
        `a ${values.digest} digest takes one day and covers the ${values.digest === 'weekly' ? 'ISO week' : 'month'} that contains it; give one day, not a range`,
      ),
    )
  }
  if (has('digest', 'date', 'filename', 'permalink')) problems.push(...postNameProblems(values))
  if (has('mode') && (values.mode === 'commit' || values.mode === 'pull-request')) {
    if (has('token') && values.token === undefined) {
      const advice =
        environment.caller === 'cli'
          ? 'set GITHUB_TOKEN (or pass --token) to a token that can write to the repository'
          : 'the default ${{ github.token }} works with `permissions: contents: write`'
      problems.push(
        describeProblem('token', `is empty, but mode "${values.mode}" needs a GitHub token; ${advice}`),
      )
    }
    if (has('repository') && values.repository === undefined && facts.repository === undefined) {
      problems.push(
        describeProblem(
          'repository',
          'is empty and GITHUB_REPOSITORY is not set; give the blog as owner/name',
        ),
      )
    }
  }
  return problems
}
