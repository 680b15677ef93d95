import { exitWhenOutputCloses } from '../core/closed-output.js'
import { runCli } from './run.js'

// A reader that stops early (`hf-daily-papers --help | head -1`) has what it wanted: nothing went wrong.
exitWhenOutputCloses(0)
process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
})
