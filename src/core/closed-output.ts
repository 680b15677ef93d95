/**
 * Ends the process once its output cannot be written: a reader that stopped early (`| head -1`) or a
 * runner that went away closes the pipe, and every later write fails (EPIPE). Left alone, the failed
 * write is an uncaught error whose report is one more write that fails: the action looped on it (400 MB
 * in 14 minutes), and the CLI died with a stack trace nobody could read. `exitCode` is the code to end
 * with when none was set before.
 */
export function exitWhenOutputCloses(exitCode: number): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => process.exit(process.exitCode ?? exitCode))
  }
}
