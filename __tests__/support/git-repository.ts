/**
 * The GitHub stand-in's state: a real bare git repository, driven through the git CLI, with GitHub's
 * compare-and-swap on a branch head.
 */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitObjects } from './git-objects.ts'

/** A bare git repository driven through the git CLI. */
export class GitRepository {
  // Plain fields, not parameter properties: the benchmark runs this file with Node's type stripping.
  readonly dir: string
  readonly objects: GitObjects
  /** Commits made so far, naming each one's scratch ref. */
  private commits = 0

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

  /** A new repository with this one's branches and history, copied without a git call. */
  async copy(): Promise<GitRepository> {
    const dir = await mkdtemp(join(tmpdir(), 'github-stand-in-'))
    await cp(this.dir, dir, { recursive: true })
    return new GitRepository(dir)
  }

  async git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Promise<string> {
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
    /** null: the file is deleted. */
    files: Record<string, string | null>,
    message: string,
    { expectedHead, allowNewBranch = false }: { expectedHead?: string; allowNewBranch?: boolean } = {},
  ): Promise<string> {
    const parent = await this.head(branch)
    if (parent === undefined && !allowNewBranch) throw new Error(`no branch ${branch}`)
    if (expectedHead !== undefined && parent !== expectedHead) throw new StaleHeadError(branch, expectedHead)
    // Two git calls whatever the number of files: fast-import writes the blobs, the tree and the commit
    // onto a ref of its own, and update-ref moves the branch there (if it is still at `parent`) and drops
    // that ref, in one transaction. Each git call costs a process (~6 ms of the machine's CPU).
    const scratch = `refs/stand-in/commit-${process.pid}-${++this.commits}`
    const when = `${Math.floor(Date.now() / 1000)} +0000`
    const commands = [
      `commit ${scratch}\nmark :1\n`,
      `author ${AUTHOR} ${when}\ncommitter ${COMMITTER} ${when}\n`,
      ...data(`${message}\n`),
      parent ? `from ${parent}\n` : '',
      ...Object.entries(files).flatMap(([path, content]) =>
        content === null
          ? [`D ${quotePath(path)}\n`]
          : [`M 100644 inline ${quotePath(path)}\n`, ...data(content)],
      ),
      'get-mark :1\ndone\n',
    ]
    const commit = (
      await this.git(
        ['fast-import', '--quiet', '--done'],
        Buffer.concat(commands.map((command) => Buffer.from(command))),
      )
    ).trim()
    const update = `update refs/heads/${branch} ${commit}${parent ? ` ${parent}` : ''}\ndelete ${scratch}\n`
    await this.git(['update-ref', '--stdin'], update)
    return commit
  }

  /** `head` merged into `base` as GitHub's merge button does it: a merge commit, or one squashed commit. */
  async merge(base: string, head: string, message: string, { squash = false } = {}): Promise<string> {
    const [into, from] = [await this.head(base), await this.head(head)]
    if (into === undefined || from === undefined) throw new Error(`no branch ${base} or ${head}`)
    // Fails on a conflict, as the button is greyed out then.
    const [tree = ''] = (await this.git(['merge-tree', '--write-tree', into, from])).split('\n')
    const parents = squash ? [into] : [into, from]
    const commit = await this.git([
      'commit-tree',
      tree,
      ...parents.flatMap((oid) => ['-p', oid]),
      '-m',
      message,
    ])
    await this.git(['update-ref', `refs/heads/${base}`, commit.trim(), into])
    return commit.trim()
  }

  remove(): Promise<void> {
    this.objects.end()
    return rm(this.dir, { recursive: true, force: true })
  }
}

const AUTHOR = 'Stand-in <stand-in@example.com>'
const COMMITTER = 'GitHub <noreply@github.com>'

/** fast-import's `data` command: the length in bytes, then the bytes. */
function data(text: string): [string, string] {
  return [`data ${Buffer.byteLength(text)}\n`, `${text}\n`]
}

/** A path C-quoted as fast-import reads it, whatever its characters: the quote, the backslash and controls in octal. */
function quotePath(path: string): string {
  const quoted = (character: string) => {
    const code = character.charCodeAt(0)
    const plain = code >= 0x20 && code !== 0x7f && character !== '"' && character !== '\\'
    return plain ? character : `\\${code.toString(8).padStart(3, '0')}`
  }
  return `"${[...path].map(quoted).join('')}"`
}

export class StaleHeadError extends Error {
  readonly type = 'STALE_DATA'
  constructor(branch: string, expected: string) {
    super(`Expected branch to point to "${expected}" but it did not. Pull and try again.`)
    this.name = `StaleHeadError(${branch})`
  }
}
