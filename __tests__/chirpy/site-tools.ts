/**
 * `jekyll build` and html-proofer on Chirpy sites, run by one Ruby for all of a test file's sites
 * (ruby-forks.rb): it loads Jekyll, Chirpy's plugins and html-proofer once and forks a child per command,
 * which runs the program's own command line. Loading them is half the CPU of a build or a check, and a
 * test file builds up to eleven sites.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const RUBY_FORKS = resolve(process.cwd(), '__tests__/chirpy/ruby-forks.rb')

let prooferMajor: number | undefined
/**
 * html-proofer's major version (its options changed between Debian's 3.x and Chirpy's 5), or undefined
 * where it is missing. Asked once, of RubyGems: `htmlproofer --version` loads it, half a second of CPU.
 */
export function htmlProoferMajor(): number | undefined {
  if (prooferMajor === undefined) {
    try {
      const version = execFileSync(
        'ruby',
        ['-e', `print Gem::Specification.find_by_name('html-proofer').version`],
        { encoding: 'utf8', stdio: 'pipe' },
      )
      prooferMajor = Number(/^(\d+)\./.exec(version)?.[1])
    } catch {
      return undefined
    }
  }
  return prooferMajor
}

/** html-proofer as Chirpy's CI runs it (`--disable-external`, its local URLs ignored), with version 5's defaults spelt out for Debian's 3.x. */
function prooferArguments(): string[] {
  const localUrls = '/^http:\\/\\/127.0.0.1/,/^http:\\/\\/0.0.0.0/,/^http:\\/\\/localhost/'
  return (htmlProoferMajor() ?? 0) >= 4
    ? ['--disable-external', '--ignore-urls', localUrls]
    : [
        '--disable-external',
        '--url-ignore',
        localUrls,
        '--check-html',
        '--allow-hash-href',
        '--enforce-https',
        '--check-img-http',
      ]
}

export interface SiteTools {
  /** `jekyll build` into `dir/_site`; resolves to its log, where Jekyll reports a "Conflict". */
  build(dir: string): Promise<string>
  /** html-proofer on `dir/_site` as Chirpy's CI runs it; resolves to its exit code and log. */
  proof(dir: string): Promise<{ exitCode: number; log: string }>
  close(): Promise<void>
}

/**
 * Starts the Ruby that runs the commands, with the environment Jekyll needs (the theme's GEM_HOME). Ruby
 * reads files in the locale's encoding: a shell without LANG (US-ASCII) would fail on the site's Korean text.
 */
export function startSiteTools(env: NodeJS.ProcessEnv): SiteTools {
  const ruby = spawn('ruby', [RUBY_FORKS], {
    env: { ...env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const logs = mkdtemp(join(tmpdir(), 'chirpy-logs-'))
  const pending = new Map<number, { done: (status: number) => void; fail: (error: Error) => void }>()
  let stderr = ''
  ruby.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  createInterface({ input: ruby.stdout }).on('line', (line) => {
    const [id = -1, status = 1] = line.split(' ').map(Number)
    pending.get(id)?.done(status)
    pending.delete(id)
  })
  const exited = new Promise<void>((done) =>
    ruby.on('close', (code) => {
      for (const { fail } of pending.values())
        fail(new Error(`ruby ${RUBY_FORKS} ended (${code}):\n${stderr}`))
      pending.clear()
      done()
    }),
  )

  let next = 0
  async function command(program: string, args: string[]): Promise<{ exitCode: number; log: string }> {
    const id = next++
    const log = join(await logs, `${id}.log`)
    const exitCode = await new Promise<number>((done, fail) => {
      pending.set(id, { done, fail })
      ruby.stdin.write(`${JSON.stringify([id, program, log, ...args])}\n`)
    })
    return { exitCode, log: await readFile(log, 'utf8') }
  }

  return {
    async build(dir) {
      const args = ['build', '--source', dir, '--destination', join(dir, '_site')]
      const { exitCode, log } = await command('jekyll', args)
      if (exitCode !== 0) throw new Error(`jekyll ${args.join(' ')} failed (${exitCode}):\n${log}`)
      return log
    },
    proof: (dir) => command('htmlproofer', [join(dir, '_site'), ...prooferArguments()]),
    async close() {
      ruby.stdin.end()
      await exited
      await rm(await logs, { recursive: true, force: true })
    },
  }
}
