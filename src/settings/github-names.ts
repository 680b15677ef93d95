import { quote } from './schema.js'

/** GitHub's and git's rules for the names a user gives: repositories, branches, workflow files. */

export interface Repository {
  owner: string
  repo: string
}

const OWNER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/
const NAME = /^[A-Za-z0-9._-]{1,100}$/
export const REPOSITORY_RULES =
  'use owner/name: the owner 1 to 39 letters, digits, "-" or "_", starting with a letter or digit; the name 1 to 100 letters, digits, ".", "-" or "_", not dots alone and not ending in ".git"'

/** `owner/name`, or undefined when it breaks GitHub's rules. */
export function parseRepository(text: string): Repository | undefined {
  const [owner, repo, ...rest] = text.split('/')
  if (owner === undefined || repo === undefined || rest.length > 0) return undefined
  if (!OWNER.test(owner) || !NAME.test(repo) || /^\.+$/.test(repo) || /\.git$/i.test(repo)) return undefined
  return { owner, repo }
}

/** git's rules for ref names, the parts a user can trip over (control characters are refused earlier). */
export function isBranchName(name: string): boolean {
  return !/[\s~^:?*[\\]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$|^@$|^HEAD$/.test(name)
}

const WORKFLOW_FILE = /^(?!\.)[A-Za-z0-9._-]+\.ya?ml$/
const WORKFLOWS_FOLDER = '.github/workflows/'

/**
 * A workflow to dispatch: its file name in .github/workflows (that folder may be written before it)
 * or its numeric id; otherwise the problem.
 */
export function parseWorkflow(value: string): string | { problem: string } {
  const trimmed = value.trim()
  const name = trimmed.startsWith(WORKFLOWS_FOLDER) ? trimmed.slice(WORKFLOWS_FOLDER.length) : trimmed
  if (WORKFLOW_FILE.test(name) || /^\d+$/.test(name)) return name
  return {
    problem: `${quote(value)} is not a workflow file; give the file name of a workflow in .github/workflows (letters, digits, ".", "-" or "_", not starting with ".", ending in .yml or .yaml, e.g. pages-deploy.yml) or its numeric id`,
  }
}
