import { UnreadableStateError } from '../core/state-file.js'

/** Paths one request asks for at most: a query of a hundred `file` fields is still small. */
const MAX_PATHS = 100

/** What a read of many paths gives for each: its text, undefined when there is none, or why not. */
type Texts = Map<string, string | undefined | UnreadableStateError>

/**
 * A one-path reader over `readMany`: the paths asked for while the run is busy elsewhere (before the
 * event loop turns) go out together, so that a refresh's eight record files, or a month's, take one
 * request. A path unreadable as state rejects with its UnreadableStateError.
 */
export function batchedReader(
  readMany: (paths: string[]) => Promise<Texts>,
): (path: string) => Promise<string | undefined> {
  type Waiting = Map<string, PromiseWithResolvers<Texts>>
  let waiting: Waiting | undefined
  const flush = (batch: Waiting) => {
    const paths = [...batch.keys()]
    for (let start = 0; start < paths.length; start += MAX_PATHS) {
      const chunk = paths.slice(start, start + MAX_PATHS)
      const texts = readMany(chunk)
      for (const path of chunk) batch.get(path)?.resolve(texts)
    }
  }
  return async (path) => {
    if (waiting === undefined) {
      const batch: Waiting = (waiting = new Map<string, PromiseWithResolvers<Texts>>())
      setImmediate(() => {
        waiting = undefined
        flush(batch)
      })
    }
    let waiter = waiting.get(path)
    if (waiter === undefined) waiting.set(path, (waiter = Promise.withResolvers<Texts>()))
    const text = (await waiter.promise).get(path)
    if (text instanceof UnreadableStateError) throw text
    return text
  }
}
