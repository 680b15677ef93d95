// The floor of `npm run bench`: the smallest client that does a daily run's work one step after another,
// spawned and timed like the action against the same stand-ins. It asks Hugging Face for the run's days (all
// at once: the day, and the days a refresh looks at), reads the branch's head (one GraphQL query) and commits
// each day's titles as a post (one mutation): three round trips and no checks, no ranking, no record. Run as
// `node scripts/bench-floor.mjs` with FLOOR_HF (hf-api-url), FLOOR_GRAPHQL, FLOOR_REPOSITORY (owner/name),
// FLOOR_TOKEN and FLOOR_DATES (comma-separated days).
import { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** Spawns the floor client for `dates` and gives its wall time in ms, from spawn to exit. */
export async function timeFloor({ hfUrl, graphqlUrl, repository, token, dates }) {
  const started = Date.now()
  await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url)], {
    env: {
      PATH: process.env.PATH,
      FLOOR_HF: hfUrl,
      FLOOR_GRAPHQL: graphqlUrl,
      FLOOR_REPOSITORY: repository,
      FLOOR_TOKEN: token,
      FLOOR_DATES: dates.join(','),
    },
  })
  return Date.now() - started
}

async function floorRun() {
  // Node's own fetch: the plainest client there is.
  const { fetch } = globalThis
  const { FLOOR_HF, FLOOR_GRAPHQL, FLOOR_REPOSITORY, FLOOR_TOKEN, FLOOR_DATES } = process.env
  const [owner, name] = FLOOR_REPOSITORY.split('/')
  const graphql = async (query, variables) => {
    const answer = await fetch(FLOOR_GRAPHQL, {
      method: 'POST',
      headers: { authorization: `bearer ${FLOOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    const { data, errors } = await answer.json()
    if (errors) throw new Error(JSON.stringify(errors))
    return data
  }
  const dates = FLOOR_DATES.split(',')
  const days = await Promise.all(
    dates.map(async (date) => (await fetch(`${FLOOR_HF}/api/daily_papers?date=${date}&limit=100`)).json()),
  )
  const { repository } = await graphql(
    'query ($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { defaultBranchRef { name target { oid } } } }',
    { owner, name },
  )
  const post = (papers) => papers.map((item) => `- ${item.paper.title}\n`).join('')
  const additions = dates
    .map((date, index) => ({ path: `_posts/${date}-daily-papers.md`, papers: days[index] }))
    .filter(({ papers }) => papers.length > 0)
    .map(({ path, papers }) => ({ path, contents: Buffer.from(post(papers)).toString('base64') }))
  await graphql(
    'mutation ($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
    {
      input: {
        branch: { repositoryNameWithOwner: FLOOR_REPOSITORY, branchName: repository.defaultBranchRef.name },
        expectedHeadOid: repository.defaultBranchRef.target.oid,
        message: { headline: `Daily papers ${dates.at(-1)}` },
        fileChanges: { additions },
      },
    },
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await floorRun()
