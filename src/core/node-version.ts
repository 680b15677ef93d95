/** As package.json's `engines` and action.yml's `runs.using`. */
export const MINIMUM_NODE_MAJOR = 24

/** Undefined when `version` will do. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1])
  if (major >= MINIMUM_NODE_MAJOR) return undefined
  return (
    `Node ${MINIMUM_NODE_MAJOR} or later is required, this is ${version}: install it (e.g. \`nvm install ${MINIMUM_NODE_MAJOR}\`); ` +
    `a workflow runs the action on the runner's own Node ${MINIMUM_NODE_MAJOR} (update an older self-hosted runner); ` +
    `from a clone, \`npm ci\` then \`npm run digest -- …\` uses the Node ${MINIMUM_NODE_MAJOR} that npm ci installs.`
  )
}
