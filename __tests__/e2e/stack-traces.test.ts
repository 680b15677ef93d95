import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'

/**
 * A stack taken inside the bundle (dist/, `npm run bundle` first) names the src/… line of every frame of
 * ours, through the maps beside the bundle, without any flag to Node: a runner starts the action as
 * `node dist/index.js`.
 */
const ROOT = process.cwd()

/**
 * Runs a bundled entry and returns the stack of the first write it makes to stdout: the frames that
 * reach process.stdout.write from inside the bundle.
 */
function stackOfFirstWrite(entry: string, args: string[], env: Record<string, string> = {}) {
  const probe = `
    const write = process.stdout.write.bind(process.stdout)
    let stack
    process.stdout.write = (chunk, ...rest) => ((stack ??= new Error('probe').stack), write(chunk, ...rest))
    process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(stack)))
    await import(process.argv[1])`
  return new Promise<string>((done, fail) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', probe, resolve(ROOT, entry), ...args],
      // Elsewhere than the repository, which then holds only the bundle's frames.
      { cwd: tmpdir(), env: { PATH: process.env.PATH, ...env }, timeout: 30_000 },
      (error, _, stderr) => {
        const stack = JSON.parse(stderr.slice(stderr.lastIndexOf('\n') + 1) || 'null') as unknown
        if (typeof stack === 'string') done(stack)
        else fail(new Error(`${entry} wrote nothing to stdout: ${error?.message ?? ''}\n${stderr}`))
      },
    )
  })
}

/** The frames of the stack in this repository, each as its file (relative) and the text of its line. */
function repositoryFrames(stack: string): Array<{ file: string; line: string }> {
  const frames = [...stack.matchAll(/\(?(?:file:\/\/)?(\/[^\s()]+):(\d+):\d+\)?$/gm)]
  return frames
    .filter(([, path]) => path!.startsWith(`${ROOT}/`))
    .map(([, path, line]) => {
      const file = path!.slice(ROOT.length + 1)
      const text = file.startsWith('dist/')
        ? `line ${line}`
        : readFileSync(path!, 'utf8').split('\n')[Number(line) - 1]
      return { file, line: text!.trim() }
    })
}

describe('stack traces from the bundle', () => {
  it('name src/… lines in the action (dist/index.js)', async () => {
    // A refused input: the first write is the failure, through the sink and @actions/core.
    const frames = repositoryFrames(await stackOfFirstWrite('dist/index.js', [], { INPUT_DATE: 'bad' }))
    expect(frames.filter((frame) => frame.file.startsWith('dist/'))).toEqual([])
    expect(frames).toContainEqual({
      file: 'src/report/action-sink.ts',
      line: 'fail: (message) => core.setFailed(clean(message)),',
    })
    expect(frames).toContainEqual(expect.objectContaining({ file: 'src/action/main.ts' }))
    expect(frames).toContainEqual(expect.objectContaining({ file: 'node_modules/@actions/core/lib/core.js' }))
  })

  it('name src/… lines in the CLI (dist/cli.js)', async () => {
    const frames = repositoryFrames(await stackOfFirstWrite('dist/cli.js', ['--version']))
    expect(frames.filter((frame) => frame.file.startsWith('dist/'))).toEqual([])
    expect(frames).toContainEqual({
      file: 'src/cli/run.ts',
      line: 'io.stdout(help ? helpText() : `${VERSION}\\n`)',
    })
    expect(frames).toContainEqual({
      file: 'src/cli/start.ts',
      line: 'stdout: (text) => void process.stdout.write(text),',
    })
  })
})
