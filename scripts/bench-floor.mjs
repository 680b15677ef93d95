// The floor of `npm run bench`: the smallest client that does a daily run's work one step after another,
// spawned and timed like the action against the same stand-ins. It asks Hugging Face for the day, reads
// the branch's head (one GraphQL query) and commits the day's titles as a post (one mutation): three
// round trips and no checks, no refresh, no record. Run as `node scripts/bench-floor.mjs` with
// FLOOR_HF (hf-api-url), FLOOR_GRAPHQL, FLOOR_REPOSITORY (owner/name), FLOOR_TOKEN and FLOOR_DATE.
import { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** Spawns the floor client for `date` and gives its wall time in ms, from spawn to exit. */
export async function timeFloor({ hfUrl, graphqlUrl, repository, token, date }) {
  const started = Date.now()
  await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url)], {
    env: {
      PATH: process.env.PATH,
      FLOOR_HF: hfUrl,
      FLOOR_GRAPHQL: graphqlUrl,
      FLOOR_REPOSITORY: repository,
      FLOOR_TOKEN: token,
      FLOOR_DATE: date,
    },
  })
  return Date.now() - started
}

async function floorRun() {
  // Node's own fetch: the plainest client there is.
  const { fetch } = globalThis
  const { FLOOR_HF, FLOOR_GRAPHQL, FLOOR_REPOSITORY, FLOOR_TOKEN, FLOOR_DATE } = process.env
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
  const papers = await (await fetch(`${FLOOR_HF}/api/daily_papers?date=${FLOOR_DATE}&limit=100`)).json()
  const { repository } = await graphql(
    'query ($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { defaultBranchRef { name target { oid } } } }',
    { owner, name },
  )
  const post = papers.map((item) => `- ${item.paper.title}\n`).join('')
  await graphql(
    'mutation ($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
    {
      input: {
        branch: { repositoryNameWithOwner: FLOOR_REPOSITORY, branchName: repository.defaultBranchRef.name },
        expectedHeadOid: repository.defaultBranchRef.target.oid,
        message: { headline: `Daily papers ${FLOOR_DATE}` },
        fileChanges: {
          additions: [
            { path: `_posts/${FLOOR_DATE}-daily-papers.md`, contents: Buffer.from(post).toString('base64') },
          ],
        },
      },
    },
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await floorRun()
