/**
 * The GitHub stand-in's state: a real bare git repository, driven through the git CLI, with GitHub's
 * compare-and-swap on a branch head.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitObjects } from './git-objects.ts'

/** A bare git repository driven through the git CLI. */
export class GitRepository {
  // Plain fields, not parameter properties: the benchmark runs this file with Node's type stripping.
  readonly dir: string
  readonly objects: GitObjects

  private constructor(dir: string) {
    this.dir = dir
    this.objects = new GitObjects(dir)
  }

  static async create(defaultBranch: string, files: Record<string, string>): Promise<GitRepository> {
    const dir = await mkdtemp(join(tmpdir(), 'github-stand-in-'))
    const repository = new GitRepository(dir)
    await repository.git(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`])
    await repository.commit(defaultBranch, files, 'Initial commit', { allowNewBranch: true })
    return repository
  }

  async git(args: string[], input?: string, env: Record<string, string> = {}): Promise<string> {
    return new Promise((done, fail) => {
      const child = execFile(
        'git',
        args,
        {
          cwd: this.dir,
          env: {
            PATH: process.env.PATH,
            GIT_CONFIG_NOSYSTEM: '1',
            HOME: this.dir,
            GIT_AUTHOR_NAME: 'Stand-in',
            GIT_AUTHOR_EMAIL: 'stand-in@example.com',
            GIT_COMMITTER_NAME: 'GitHub',
            GIT_COMMITTER_EMAIL: 'noreply@github.com',
            ...env,
          },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          error ? fail(new Error(`git ${args.join(' ')}: ${stderr || error.message}`)) : done(stdout),
      )
      if (input !== undefined) child.stdin?.end(input)
    })
  }

  /**
   * The branch's head, read from its ref file: a git call costs a process (~6 ms of the test's own CPU
   * here), and the stand-in asks for heads more than for anything else. Refs are never packed here (no
   * gc), and git writes a ref file by renaming, so the file is the ref.
   */
  async head(branch: string): Promise<string | undefined> {
    // git's rules for a ref name, in short: no such name can reach out of refs/heads.
    const valid = (part: string) => /^[^\0-\x20~^:?*[\\\x7f]+$/.test(part) && !/^\.|\.lock$|\.\./.test(part)
    if (!branch.split('/').every(valid)) return undefined
    const oid = await readFile(join(this.dir, 'refs', 'heads', branch), 'utf8').catch(() => undefined)
    return oid?.trim() || undefined
  }

  /** The branch HEAD names (the default branch), read from the HEAD file for the same reason. */
  async defaultBranch(): Promise<string> {
    return (await readFile(join(this.dir, 'HEAD'), 'utf8')).trim().replace(/^ref: refs\/heads\//, '')
  }

  /** A blob's bytes, by its id (the stand-in's files are UTF-8, a NUL byte included). */
  async blob(oid: string): Promise<Buffer> {
    const bytes = await this.objects.blob(oid)
    if (bytes === undefined) throw new Error(`no blob ${oid}`)
    return bytes
  }

  async readFile(branch: string, path: string): Promise<string | undefined> {
    return this.git(['cat-file', 'blob', `refs/heads/${branch}:${path}`]).catch(() => undefined)
  }

  /** Commit subjects, newest first. */
  async log(branch: string): Promise<string[]> {
    return (await this.git(['log', '--format=%s', `refs/heads/${branch}`])).split('\n').filter(Boolean)
  }

  /** Whether every commit on the branch has at most one parent. */
  async isLinear(branch: string): Promise<boolean> {
    return (await this.git(['rev-list', '--min-parents=2', `refs/heads/${branch}`])).trim() === ''
  }

  /**
   * Adds a commit on top of `branch` with these files changed, moving the ref only if it still
   * points at `expectedHead` (when given). Returns the new commit's oid.
   */
  async commit(
    branch: string,
    files: Record<string, string>,
    message: string,
    { expectedHead, allowNewBranch = false }: { expectedHead?: string; allowNewBranch?: boolean } = {},
  ): Promise<string> {
    const parent = await this.head(branch)
    if (parent === undefined && !allowNewBranch) throw new Error(`no branch ${branch}`)
    if (expectedHead !== undefined && parent !== expectedHead) throw new StaleHeadError(branch, expectedHead)
    const index = { GIT_INDEX_FILE: join(this.dir, `index-${process.pid}-${Date.now()}-${Math.random()}`) }
    if (parent) await this.git(['read-tree', parent], undefined, index)
    else await this.git(['read-tree', '--empty'], undefined, index)
    // Two git calls whatever the number of files, so that a year's backfill commits quickly.
    const staged = await mkdtemp(join(this.dir, 'staged-'))
    const entries = Object.entries(files)
    const stagedPaths = await Promise.all(
      entries.map(async ([, content], number) => {
        const stagedPath = join(staged, String(number))
        await writeFile(stagedPath, content)
        return stagedPath
      }),
    )
    const blobs =
      entries.length === 0
        ? []
        : (await this.git(['hash-object', '-w', '--stdin-paths'], stagedPaths.join('\n'))).trim().split('\n')
    await rm(staged, { recursive: true, force: true })
    const indexInfo = entries.map(([path], number) => `100644 ${blobs[number]}\t${path}`).join('\n')
    if (entries.length > 0) await this.git(['update-index', '--add', '--index-info'], `${indexInfo}\n`, index)
    const tree = (await this.git(['write-tree'], undefined, index)).trim()
    await rm(index.GIT_INDEX_FILE, { force: true })
    const commit = (
      await this.git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])
    ).trim()
    await this.git(['update-ref', `refs/heads/${branch}`, commit, ...(parent ? [parent] : [])])
    return commit
  }

  remove(): Promise<void> {
    this.objects.end()
    return rm(this.dir, { recursive: true, force: true })
  }
}

export class StaleHeadError extends Error {
  readonly type = 'STALE_DATA'
  constructor(branch: string, expected: string) {
    super(`Expected branch to point to "${expected}" but it did not. Pull and try again.`)
    this.name = `StaleHeadError(${branch})`
  }
}
