/** The oldest Node major the bundle runs on (package.json's `engines`, action.yml's `runs.using`). */
export const MINIMUM_NODE_MAJOR = 24

/** What to tell someone running the action or the CLI on an older Node, in one line; undefined when `version` will do. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1])
  if (major >= MINIMUM_NODE_MAJOR) return undefined
  return (
    `Node ${MINIMUM_NODE_MAJOR} or later is required, this is ${version}: install it (e.g. \`nvm install ${MINIMUM_NODE_MAJOR}\`); ` +
    `a workflow runs the action on the runner's own Node ${MINIMUM_NODE_MAJOR} (update an older self-hosted runner); ` +
    `from a clone, \`npm ci\` then \`npm run digest -- …\` uses the Node ${MINIMUM_NODE_MAJOR} that npm ci installs.`
  )
}
