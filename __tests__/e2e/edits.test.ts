import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startHfServer, type HfServer } from '../support/hf-server.js'
import { readReferenceDay, REFERENCE_INPUTS, SEED_DAY, SEED_POST } from '../support/reference-day.js'
import { runAction } from '../support/run-action.js'

/**
 * A person's edit is kept, through the bundled action (dist/index.js; `npm run bundle` first): a re-run
 * of a day leaves a post a person edited as it is under `overwrite: changed`, and `overwrite: always`
 * replaces it; a record entry removed during a run (the opt-out) is not put back.
 */
const DAYS = ['2025-11-17', '2025-11-18', '2025-11-19', '2025-11-20'] as const
const post = (day: string) => `_posts/${day}-daily-papers-${day}.md`
const record = (day: string) => `.hf-daily-papers/posts/${day}.json`

let hf: HfServer
let seedPost: string
/** What Hugging Face lists, by day: the tests switch days from a few early papers to the settled list. */
const listed = new Map<string, unknown[]>()
const settled = new Map<string, unknown[]>()
beforeAll(async () => {
  const reference = await readReferenceDay()
  seedPost = reference.post
  const daily = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
  for (const day of DAYS) {
    settled.set(day, JSON.parse(await readFile(join(daily, `${day}.json`), 'utf8')) as unknown[])
  }
  listed.set(SEED_DAY, reference.items)
  hf = await startHfServer({ days: listed })
})
afterAll(() => hf.close())

async function withGitHub<T>(work: (github: GitHubServer) => Promise<T>): Promise<T> {
  const github = await startGitHubServer()
  try {
    return await work(github)
  } finally {
    await github.close()
  }
}

/** The reference day, as the Korean recipe writes it, with `overwrite`. */
const runReferenceDay = (github: GitHubServer, overwrite: string) =>
  runAction({
    inputs: { ...REFERENCE_INPUTS, overwrite, 'hf-api-url': hf.url },
    env: github.runnerEnv,
    githubToken: 'write-token',
  })

describe('a re-run of a day whose post a person edited', () => {
  it('keeps the edit with a notice under overwrite: changed, and replaces it under always', async () => {
    await withGitHub(async (github) => {
      const run = (overwrite: string) => runReferenceDay(github, overwrite)
      expect((await run('changed')).exitCode).toBe(0)
      const edited = `${seedPost}\nMy own note.\n`
      await github.git.commit('main', { [SEED_POST]: edited }, 'A note of my own')

      const again = await run('changed')
      expect(again.exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBe(edited)
      expect(again.stdout).toContain(
        `::notice::${SEED_POST}: changed on main since the action wrote it (a person's edit), left as it is; overwrite: always replaces it`,
      )
      expect(again.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })
      expect(again.summary).toContain('the post was edited since the action wrote it')

      const always = await run('always')
      expect(always.exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBe(seedPost)
      expect(always.outputs['commit-sha']).toBe(await github.git.head('main'))
    })
  })

  it('does not bring back a post a person deleted, with a notice, but writes it again under always', async () => {
    await withGitHub(async (github) => {
      const run = (overwrite: string) => runReferenceDay(github, overwrite)
      expect((await run('changed')).exitCode).toBe(0)
      await github.git.commit('main', { [SEED_POST]: null }, 'Not this one')

      const again = await run('changed')
      expect(again.exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBeUndefined()
      expect(again.stdout).toContain(
        `::notice::${SEED_POST}: deleted on main since the action wrote it, not written again; overwrite: always writes it again`,
      )
      expect(again.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })

      expect((await run('always')).exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBe(seedPost)
    })
  })

  it('leaves a post no record names (by hand, another tool) as it is, with a notice; always replaces it', async () => {
    await withGitHub(async (github) => {
      await github.git.commit('main', { [SEED_POST]: 'written by hand\n' }, 'By hand')
      const run = (overwrite: string) => runReferenceDay(github, overwrite)
      const kept = await run('changed')
      expect(kept.exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBe('written by hand\n')
      expect(kept.stdout).toContain(
        `::notice::${SEED_POST}: differs on main, and no record says the action wrote it (written by hand or by another tool, or its record entry was removed; in files mode, commit .hf-daily-papers/ with the posts), so it is left as it is; overwrite: always replaces it`,
      )
      expect(kept.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })

      expect((await run('always')).exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBe(seedPost)
    })
  })
})

describe('a re-run of a day whose record does not say the action wrote the edited post', () => {
  const rerunAfter = async (editRecord: (written: string) => string) =>
    withGitHub(async (github) => {
      const run = () => runReferenceDay(github, 'changed')
      expect((await run()).exitCode).toBe(0)
      const recordFile = record(SEED_DAY)
      const written = (await github.git.readFile('main', recordFile)) ?? ''
      const edited = `${seedPost}\nMy own note.\n`
      await github.git.commit('main', { [SEED_POST]: edited, [recordFile]: editRecord(written) }, 'Edits')
      const again = await run()
      expect(again.exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBe(edited)
      expect(await github.git.readFile('main', recordFile)).toBe(editRecord(written))
      expect(again.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })
      return again
    })

  it('keeps the post whose entry a person removed (the opt-out) with a notice', async () => {
    const again = await rerunAfter(() => '{\n  "posts": {}\n}\n')
    expect(again.stdout).toContain(
      `::notice::${SEED_POST}: not written on main: its entry in the action's record was removed (the opt-out), so it is left as it is; overwrite: always replaces it`,
    )
  })

  it('does not write again a post a person opted out of and then renamed', async () => {
    await withGitHub(async (github) => {
      const run = () => runReferenceDay(github, 'changed')
      expect((await run()).exitCode).toBe(0)
      const renamed = SEED_POST.replace('daily-papers', 'my-reading-list')
      const changes = { [SEED_POST]: null, [renamed]: seedPost, [record(SEED_DAY)]: '{\n  "posts": {}\n}\n' }
      await github.git.commit('main', changes, 'Mine now')
      const again = await run()
      expect(again.exitCode).toBe(0)
      expect(await github.git.readFile('main', SEED_POST)).toBeUndefined()
      expect(again.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })
    })
  })

  it('keeps the post when a merge left conflict markers in its record, with a notice', async () => {
    const again = await rerunAfter((written) => `<<<<<<< HEAD\n${written}=======\n{}\n>>>>>>> x\n`)
    expect(again.stdout).toContain(
      `::notice::${SEED_POST}: not written on main: the action's record of it cannot be read, so a person's edit or deletion cannot be told from the action's own writing; fix the record file; overwrite: always replaces it`,
    )
  })

  it('reads a record a person added a note to, without a warning', async () => {
    const again = await rerunAfter((written) => written.replace('{\n', '{\n  "note": "mine",\n'))
    expect(again.stdout).toContain(
      `::notice::${SEED_POST}: changed on main since the action wrote it (a person's edit), left as it is; overwrite: always replaces it`,
    )
    expect(again.stdout).not.toContain('::warning::')
  })
})

describe('a re-run of a day while Hugging Face lists few of its papers', () => {
  it('leaves the post as it is, with a warning, as the refresh would', async () => {
    await withGitHub(async (github) => {
      const day = DAYS[2]
      const run = () =>
        runAction({
          inputs: { date: day, 'hf-api-url': hf.url },
          env: github.runnerEnv,
          githubToken: 'write-token',
        })
      listed.set(day, settled.get(day) ?? [])
      expect((await run()).exitCode).toBe(0)
      const written = await github.git.readFile('main', post(day))
      listed.set(day, (settled.get(day) ?? []).slice(0, 1))
      const again = await run()
      expect(again.exitCode).toBe(0)
      expect(await github.git.readFile('main', post(day))).toBe(written)
      expect(again.stdout).toContain(
        `::warning::${post(day)}: differs on main, but Hugging Face now lists fewer than half of the papers it shows, an answer to distrust: left as it is`,
      )
      expect(again.outputs).toMatchObject({ skipped: 'true', 'commit-sha': '' })
    })
  })
})

describe('a record entry removed while a run rewrites its post', () => {
  it('is not put back, and the post is not refreshed', async () => {
    await withGitHub(async (github) => {
      const run = (date: string) =>
        runAction({
          inputs: { date, 'refresh-days': '3', 'hf-api-url': hf.url },
          env: github.runnerEnv,
          githubToken: 'write-token',
        })
      // Early lists: a few papers each; the settled lists change every earlier post's ranking.
      for (const day of DAYS) listed.set(day, (settled.get(day) ?? []).slice(0, 3).reverse())
      expect((await run(`${DAYS[0]}..${DAYS[2]}`)).exitCode).toBe(0)
      const early = await github.git.readFile('main', post(DAYS[1]))
      for (const day of DAYS) listed.set(day, settled.get(day) ?? [])

      github.beforeNextMutation(async () => {
        await github.git.commit(
          'main',
          { [record(DAYS[1])]: '{\n  "posts": {}\n}\n' },
          'Never refresh the 18th',
        )
      })
      const refresh = await run(DAYS[3])
      expect(refresh.exitCode).toBe(0)
      expect(await github.git.readFile('main', post(DAYS[1]))).toBe(early)
      expect(await github.git.readFile('main', record(DAYS[1]))).toBe('{\n  "posts": {}\n}\n')
      expect(refresh.stdout).toContain(
        `${post(DAYS[1])}: its record entry was removed on main during the run, so it is left as it is`,
      )
      for (const day of [DAYS[0], DAYS[2]]) {
        expect(refresh.stdout).toContain(`Refreshed ${day} (${post(day)})`)
        expect(await github.git.readFile('main', post(day))).not.toBe(undefined)
      }
    })
  })

  /**
   * The day's post written from an early list, then a re-run of the day on the settled list (it would
   * rewrite the post) during which `change` commits the day's record on main as a person would.
   */
  async function rerunWhileRecordChanges(github: GitHubServer, change: (current: string) => string) {
    const day = DAYS[1]
    const run = () =>
      runAction({
        inputs: { date: day, 'refresh-days': '0', 'hf-api-url': hf.url },
        env: github.runnerEnv,
        githubToken: 'write-token',
      })
    listed.set(day, (settled.get(day) ?? []).slice(0, 3).reverse())
    expect((await run()).exitCode).toBe(0)
    const early = await github.git.readFile('main', post(day))
    listed.set(day, settled.get(day) ?? [])
    let changed = ''
    github.beforeNextMutation(async () => {
      changed = change((await github.git.readFile('main', record(day))) ?? '')
      await github.git.commit('main', { [record(day)]: changed }, 'A person on the 18th')
    })
    const again = await run()
    expect(again.exitCode).toBe(0)
    expect(await github.git.readFile('main', post(day))).toBe(early)
    expect(await github.git.readFile('main', record(day))).toBe(changed)
    return again.stdout
  }

  it("is not put back either for the run's own post, a re-run of its day", async () => {
    await withGitHub(async (github) => {
      const stdout = await rerunWhileRecordChanges(github, () => '{\n  "posts": {}\n}\n')
      expect(stdout).toContain(
        `${post(DAYS[1])}: its record entry was removed on main during the run, so it is left as it is`,
      )
    })
  })

  it("keeps the run's own post, whose entry a person edited into one it cannot read, and says so", async () => {
    await withGitHub(async (github) => {
      const stdout = await rerunWhileRecordChanges(github, (current) => {
        const file = JSON.parse(current) as { posts: Record<string, Record<string, unknown>> }
        file.posts[post(DAYS[1])]!.note = 'keep me'
        return `${JSON.stringify(file, null, 2)}\n`
      })
      expect(stdout).toContain(
        `${post(DAYS[1])}: not written on main: the action's record of it cannot be read`,
      )
      expect(stdout).not.toContain('its record entry was removed')
    })
  })

  it("keeps the run's own post when a person leaves its whole record unreadable, and says so", async () => {
    await withGitHub(async (github) => {
      const stdout = await rerunWhileRecordChanges(
        github,
        (current) => `<<<<<<< HEAD\n${current}=======\n{}\n>>>>>>> theirs\n`,
      )
      expect(stdout).toContain(`${record(DAYS[1])} changed on main during the run and is not valid JSON`)
      expect(stdout).toContain(
        `${post(DAYS[1])}: not written on main: the action's record of it cannot be read`,
      )
    })
  })
})
