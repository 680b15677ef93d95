/** The whole pipeline in-process, publishing to the GitHub stand-in as the action does for the reference blog. */
import { runDigest } from '../../src/pipeline/run.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import type { PaperSource } from '../../src/source/source.js'
import { publisherFor } from '../publish/github-stand-in.js'
import type { GitHubServer } from './github-server.js'
import { clockAt } from './test-clock.js'

const NOW = clockAt('2025-12-26T00:00:00Z')

/** A run on 2025-12-26 for lim4349/lim4349.github.io that refreshes no earlier day unless `raw` says so. */
export async function runOnGitHub(server: GitHubServer, raw: RawInputs, source: PaperSource) {
  const settings = parseSettings(
    { token: 'write-token', 'refresh-days': '0', ...raw },
    { clock: NOW, repository: 'lim4349/lim4349.github.io', workspace: '/unused' },
  )
  const { target } = settings
  const { publisher, log } = publisherFor(server, {
    ...(target.mode === 'pull-request' ? { workBranch: target.workBranch } : {}),
    folders: ['_posts', '.hf-daily-papers/posts', '.hf-daily-papers/summaries'],
  })
  const result = await runDigest(settings, { source, publisher, log, clock: NOW })
  return { result, log }
}

/** The paths `branch` changes against main, as its pull request shows them. */
export const changedBy = async (server: GitHubServer, branch: string) =>
  (await server.git.git(['diff', '--name-only', `main...${branch}`])).split('\n').filter(Boolean)
