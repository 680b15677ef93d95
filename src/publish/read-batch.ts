import { UnreadableStateError } from '../core/state-file.js'

/** A query of a hundred `file` fields is still small. */
const MAX_PATHS = 100

type Texts = Map<string, string | undefined | UnreadableStateError>

/** Paths asked for before the event loop turns go out together: a refresh's record files in one request. */
export function batchedReader(
  readMany: (paths: string[]) => Promise<Texts>,
): (path: string) => Promise<string | undefined> {
  type Waiting = Map<string, PromiseWithResolvers<Texts>>
  let waiting: Waiting | undefined
  return async (path) => {
    if (waiting === undefined) {
      const batch: Waiting = (waiting = new Map<string, PromiseWithResolvers<Texts>>())
      setImmediate(() => {
        waiting = undefined
        const paths = [...batch.keys()]
        for (let start = 0; start < paths.length; start += MAX_PATHS) {
          const chunk = paths.slice(start, start + MAX_PATHS)
          const texts = readMany(chunk)
          for (const asked of chunk) batch.get(asked)?.resolve(texts)
        }
      })
    }
    let waiter = waiting.get(path)
    if (waiter === undefined) waiting.set(path, (waiter = Promise.withResolvers<Texts>()))
    const text = (await waiter.promise).get(path)
    if (text instanceof UnreadableStateError) throw text
    return text
  }
}
