import { GITHUB_COM_API } from '../settings/environment.js'

/** GitHub Models: the one host that may receive the workflow's GitHub token. */
const GITHUB_MODELS_HOST = 'models.github.ai'

/** The `token` input, and the GitHub it belongs to (GITHUB_API_URL). */
export interface WorkflowToken {
  token?: string
  apiUrl: string
}

/**
 * `llm-token`, else the workflow's token only for GitHub Models over HTTPS and a github.com token (a GitHub
 * Enterprise Server token belongs to its server): the GitHub token never leaves GitHub.
 */
export function chooseModelToken(
  apiUrl: string,
  llmToken: string | undefined,
  github: WorkflowToken,
): { token: string; source: 'llm-token' | 'token' } | { token?: undefined; problem: string } {
  if (llmToken?.trim()) return { token: llmToken.trim(), source: 'llm-token' }
  if (!isGitHubModels(apiUrl)) {
    return {
      problem: `llm-api-url is not GitHub Models (https://${GITHUB_MODELS_HOST}), so the GitHub token is not sent there; set llm-token to that host's own token`,
    }
  }
  if (github.apiUrl !== GITHUB_COM_API) {
    return {
      problem: `the token input is for the GitHub at ${github.apiUrl}, not github.com, so it is not sent to GitHub Models; set llm-token to a GitHub Models token`,
    }
  }
  const githubToken = github.token?.trim()
  if (!githubToken) {
    return {
      problem: `no token for GitHub Models: pass the workflow's token (the default of the token input) and grant "permissions: models: read", or set llm-token`,
    }
  }
  return { token: githubToken, source: 'token' }
}

/** Exactly `https://models.github.ai` (any path): not a look-alike host, not plain HTTP, not another port. */
export function isGitHubModels(apiUrl: string): boolean {
  const url = URL.parse(apiUrl)
  return url?.protocol === 'https:' && url.host === GITHUB_MODELS_HOST && !url.username && !url.password
}
