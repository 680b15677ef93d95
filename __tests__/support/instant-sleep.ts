/** A sleep that returns at once and records each wait in `sleeps`: the tests make no real sleeps. */
export function instantSleep(sleeps: number[] = []): (ms: number) => Promise<void> {
  return (ms) => {
    sleeps.push(ms)
    return Promise.resolve()
  }
}
