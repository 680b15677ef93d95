import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync, spawn } from 'node:child_process'
import { accessSync, constants, readFileSync, statSync } from 'node:fs'
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { once } from 'node:events'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { MINIMUM_NODE_MAJOR } from '../../src/core/node-version.js'
import { REFERENCE_INPUTS, readReferenceDay, SEED_DIR, SEED_POST } from '../support/reference-day.js'
import { ACTION_PLACEHOLDER, inputsOf, readWorkflow, stepsOf } from '../support/workflows.js'

/** The bundled CLI (dist/cli.js, as committed) given the reference day's saved response. */
const REFERENCE_FLAGS = Object.entries(REFERENCE_INPUTS).flatMap(([name, value]) => [`--${name}`, value])
/** The reference day's dry run: the post alone on stdout, the log on stderr. */
const DRY_RUN = [
  'dist/cli.js',
  ...REFERENCE_FLAGS,
  '--mode',
  'dry-run',
  '--input',
  join(SEED_DIR, '2025-12-24.json'),
]

describe('the bundled CLI', () => {
  let seedPost: string
  beforeAll(async () => {
    seedPost = (await readReferenceDay()).post
  })

  it('renders a saved response into the reference post byte for byte', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-'))
    const { stdout } = await promisify(execFile)(process.execPath, [
      'dist/cli.js',
      ...REFERENCE_FLAGS,
      '--input',
      join(SEED_DIR, '2025-12-24.json'),
      '--out',
      out,
    ])
    expect(await readFile(join(out, SEED_POST), 'utf8')).toBe(seedPost)
    expect(stdout).toBe('')
  })

  it('prints the post alone on stdout in dry-run mode', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, DRY_RUN)
    expect(stdout).toBe(seedPost)
  })

  describe('a dry run in a workflow step, with a paper whose text starts a line with `::`', () => {
    let hostileDay: string
    beforeAll(async () => {
      const items = JSON.parse(readFileSync(join(SEED_DIR, '2025-12-24.json'), 'utf8')) as Array<{
        paper: { summary: string }
      }>
      items[0]!.paper.summary = '::error title=Forged::the runner would show this as an error'
      hostileDay = join(await mkdtemp(join(tmpdir(), 'cli-hostile-')), '2025-12-24.json')
      await writeFile(hostileDay, JSON.stringify(items))
    })
    // The default style, where a paper's summary starts a line of its own.
    const dryRun = () => ['dist/cli.js', '--date', '2025-12-24', '--mode', 'dry-run', '--input', hostileDay]
    const inWorkflow = { ...process.env, GITHUB_ACTIONS: 'true' }

    it('prints it escaped where the runner reads the output', async () => {
      const { stdout } = await promisify(execFile)(process.execPath, dryRun(), { env: inWorkflow })
      expect(stdout).toContain('\n%3A:error title=Forged::the runner would show this as an error')
      expect(stdout).not.toMatch(/^\s*::/m)
    })

    it('writes it as it is into a file the output is redirected to', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'cli-redirected-')), 'post.md')
      const output = await open(file, 'w')
      try {
        const child = spawn(process.execPath, dryRun(), {
          env: inWorkflow,
          stdio: ['ignore', output.fd, 'ignore'],
        })
        expect((await once(child, 'exit'))[0]).toBe(0)
      } finally {
        await output.close()
      }
      expect(await readFile(file, 'utf8')).toContain('\n::error title=Forged::the runner would show')
    })
  })

  it('the Korean recipe, less its permalink, renders the reference post byte for byte', async () => {
    const step = stepsOf(readWorkflow('examples/chirpy-korean.yml')).find(
      (s) => s.uses === ACTION_PLACEHOLDER,
    )
    const inputs = inputsOf(step ?? {})
    expect(inputs.permalink).toBe('/posts/daily-papers-{date}/')
    const flags = Object.entries(inputs)
      .filter(([name]) => name !== 'permalink' && name !== 'dispatch-workflow')
      .flatMap(([name, value]) => [`--${name}`, value])
    const { stdout } = await promisify(execFile)(process.execPath, [
      'dist/cli.js',
      ...flags,
      '--date',
      '2025-12-24',
      '--mode',
      'dry-run',
      '--input',
      '__tests__/fixtures/seed/2025-12-24.json',
    ])
    expect(stdout).toBe(readFileSync(join(SEED_DIR, '2025-12-24-daily-papers.md'), 'utf8'))
  })
})

/** Every `node` on PATH older than the minimum (the machine's own, behind npm's node_modules/.bin). */
function olderNodes(): string[] {
  const candidates = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node'))
  return candidates.filter((file) => {
    try {
      accessSync(file, constants.X_OK)
      const major = Number(
        execFileSync(file, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }),
      )
      return major < MINIMUM_NODE_MAJOR
    } catch {
      return false
    }
  })
}

describe('the bundled CLI (dist/cli.js)', () => {
  it("is executable, as package.json's bin", () => {
    expect(statSync('dist/cli.js').mode & 0o111).toBe(0o111)
  })

  const older = olderNodes()[0]
  if (!older) console.warn("No Node older than 24 on PATH: the bundled CLI's version check is not run.")
  const maybe = older ? it : it.skip
  // The action too: on an older runner it would otherwise fail on a module its Node lacks.
  maybe.each([
    ['the CLI', ['dist/cli.js', '--help']],
    ['the action', ['dist/index.js']],
  ])(
    `%s on an older Node (${older ?? 'none'}) says what to do in one line and nothing else`,
    async (_, args) => {
      const run = await promisify(execFile)(older as string, args).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      )
      expect('code' in run ? run.code : 0).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(
        /^hf-daily-papers: Node 24 or later is required, this is v\d+\.\d+\.\d+: [^\n]*\n$/,
      )
    },
  )

  it("lists every input of action.yml in --help, with the first line of action.yml's description", async () => {
    const action = parseYaml(await readFile('action.yml', 'utf8')) as {
      inputs: Record<string, { description: string }>
    }
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/cli.js', '--help'])
    const inputs = Object.entries(action.inputs)
    expect(inputs).not.toHaveLength(0)
    const lines = stdout.split('\n')
    for (const [name, { description }] of inputs) {
      const at = lines.findIndex(
        (line) => line === `  --${name}` || line.startsWith(`  --${name} (default: `),
      )
      expect([name, lines[at + 1]]).toEqual([name, `      ${description.split('\n')[0]}`])
    }
  })

  it('ends quietly when its output pipe is closed (`--help | head -1`)', async () => {
    // The reader is gone before the CLI writes: its first write meets a closed pipe (EPIPE).
    const child = spawn(process.execPath, ['dist/cli.js', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  })

  it.each(['stdout', 'stderr'] as const)(
    'ends quietly, without a stack, when a dry run’s %s is closed (`| head -c 10`)',
    async (closed) => {
      const child = spawn(process.execPath, DRY_RUN, { stdio: ['ignore', 'pipe', 'pipe'] })
      child[closed].destroy()
      let shown = ''
      child[closed === 'stdout' ? 'stderr' : 'stdout'].on(
        'data',
        (chunk: Buffer) => (shown += chunk.toString()),
      )
      const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null]
      expect({ code, signal }).toEqual({ code: 0, signal: null })
      expect(shown).not.toMatch(/Error|\n\s+at /)
    },
  )
})
