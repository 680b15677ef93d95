import { fstatSync } from 'node:fs'
import { exitWhenOutputCloses } from '../core/closed-output.js'
import { runCli } from './run.js'

// A reader that stops early (`hf-daily-papers --help | head -1`) has what it wanted: nothing went wrong.
exitWhenOutputCloses(0)
process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  // In a workflow step the runner reads stdout for workflow commands, unless it goes to a file.
  stdoutReadByRunner: process.env.GITHUB_ACTIONS === 'true' && !stdoutIsFile(),
})

function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile()
  } catch {
    // Closed: nothing is printed either way.
    return false
  }
}
