/**
 * Ends the process once its output is closed (`| head -1`, a runner gone): left alone, each failed write
 * (EPIPE) is an uncaught error whose report is one more failed write; the action looped on it (400 MB in
 * 14 minutes).
 */
export function exitWhenOutputCloses(exitCode: number): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => process.exit(process.exitCode ?? exitCode))
  }
}
