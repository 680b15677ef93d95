/**
 * The stand-in's reads of git objects through one `git cat-file --batch` for the repository's life, started
 * with the stand-in: a read of twenty files costs no process (each ~6 ms of the machine's CPU, and git's
 * start-up, ~40 ms on a 2-core machine, before its first answer), so that, as on github.com, a read's time
 * is its round trip and not the stand-in's work. The process holds its parent's event loop only while a
 * read waits on it, and ends with the repository (remove), or when its parent exits and closes its input.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Socket } from 'node:net'

export interface TreeEntry {
  mode: string
  type: 'blob' | 'tree' | 'commit'
  oid: string
  /** The entry's path from the root the lookup started at. */
  path: string
}

interface GitObject {
  type: string
  bytes: Buffer
}

interface Waiter {
  done: (object: GitObject | undefined) => void
  fail: (error: Error) => void
}

export class GitObjects {
  // Plain fields, not parameter properties: the benchmark runs this file with Node's type stripping.
  readonly dir: string
  private batch: ChildProcessByStdio<Socket, Socket, null> | undefined
  private waiters: Waiter[] = []
  private received = Buffer.alloc(0)

  constructor(dir: string) {
    this.dir = dir
  }

  /** An object by any name git resolves (an id, `<commit>:<path>`); undefined when there is none. */
  read(name: string): Promise<GitObject | undefined> {
    if (name.includes('\n')) return Promise.resolve(undefined)
    return new Promise((done, fail) => {
      this.waiters.push({ done, fail })
      const batch = this.process()
      batch.stdout.ref()
      batch.stdin.write(`${name}\n`)
    })
  }

  async blob(oid: string): Promise<Buffer | undefined> {
    const object = await this.read(oid)
    return object?.type === 'blob' ? object.bytes : undefined
  }

  /** A commit's parents, in order. */
  async parents(commit: string): Promise<string[]> {
    return (await this.commitHeader(commit)).filter(([key]) => key === 'parent').map(([, oid]) => oid)
  }

  /** The entry at `path` in a commit's tree, as `git ls-tree <commit> -- <path>` finds it. */
  async entry(commit: string, path: string): Promise<TreeEntry | undefined> {
    const tree = (await this.commitHeader(commit)).find(([key]) => key === 'tree')?.[1]
    const names = path.split('/').filter(Boolean)
    let entry: TreeEntry | undefined = tree ? { mode: '40000', type: 'tree', oid: tree, path: '' } : undefined
    for (const name of names) {
      if (entry?.type !== 'tree') return undefined
      const parent: string = entry.path
      entry = (await this.entries(entry.oid)).find((child) => child.path === name)
      if (entry) entry = { ...entry, path: parent ? `${parent}/${name}` : name }
    }
    return names.length > 0 ? entry : undefined
  }

  /** A tree's entries, as `git ls-tree <tree>` lists them (a tree object: `<mode> <name>\0<20-byte id>`). */
  async entries(tree: string): Promise<TreeEntry[]> {
    const object = await this.read(tree)
    if (object?.type !== 'tree') return []
    const entries: TreeEntry[] = []
    for (let at = 0; at < object.bytes.length;) {
      const space = object.bytes.indexOf(0x20, at)
      const nul = object.bytes.indexOf(0, space)
      const mode = object.bytes.toString('latin1', at, space)
      const oid = object.bytes.toString('hex', nul + 1, nul + 21)
      const type = mode === '40000' ? 'tree' : mode === '160000' ? 'commit' : 'blob'
      entries.push({ mode, type, oid, path: object.bytes.toString('utf8', space + 1, nul) })
      at = nul + 21
    }
    return entries
  }

  /** Starts git ahead of the first read. */
  start(): void {
    this.process()
  }

  end(): void {
    this.batch?.stdin.end()
    this.batch = undefined
  }

  private async commitHeader(commit: string): Promise<Array<[key: string, value: string]>> {
    const object = await this.read(commit)
    if (object?.type !== 'commit') return []
    const header = object.bytes.toString('utf8').split('\n\n')[0] ?? ''
    return header
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)])
  }

  private process() {
    if (this.batch) return this.batch
    // Node's pipes to a child are sockets, which can let the event loop go.
    const batch = spawn('git', ['cat-file', '--batch'], {
      cwd: this.dir,
      env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', HOME: this.dir },
      stdio: ['pipe', 'pipe', 'ignore'],
    }) as unknown as ChildProcessByStdio<Socket, Socket, null>
    // Idle, it keeps nothing alive: a test file that never removes its repository still ends.
    batch.unref()
    batch.stdin.unref()
    batch.stdout.unref()
    batch.stdout.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk])
      this.answer()
    })
    batch.on('error', (error) => this.failAll(error))
    // A read after the repository is removed (a request still in flight when its test ended) meets a git
    // that has already exited: its reader fails, the test file goes on.
    batch.stdin.on('error', (error) => {
      if (this.batch === batch) this.failAll(error)
    })
    batch.on('exit', (code) => {
      if (code !== 0 && this.batch === batch)
        this.failAll(new Error(`git cat-file --batch exited with ${code}`))
    })
    this.batch = batch
    return batch
  }

  /** Hands out every whole answer received: `<oid> <type> <size>\n<bytes>\n`, or `<name> missing\n`. */
  private answer() {
    for (;;) {
      const waiter = this.waiters[0]
      const lineEnd = this.received.indexOf(0x0a)
      if (!waiter || lineEnd < 0) break
      const [, type = '', size = ''] = this.received.toString('utf8', 0, lineEnd).split(' ')
      if (!/^\d+$/.test(size)) {
        this.received = this.received.subarray(lineEnd + 1)
        this.waiters.shift()
        waiter.done(undefined)
        continue
      }
      const end = lineEnd + 1 + Number(size)
      if (this.received.length < end + 1) break
      const bytes = Buffer.from(this.received.subarray(lineEnd + 1, end))
      this.received = this.received.subarray(end + 1)
      this.waiters.shift()
      waiter.done({ type, bytes })
    }
    if (this.waiters.length === 0) this.batch?.stdout.unref()
  }

  private failAll(error: Error) {
    this.batch = undefined
    this.received = Buffer.alloc(0)
    for (const waiter of this.waiters.splice(0)) waiter.fail(error)
  }
}
