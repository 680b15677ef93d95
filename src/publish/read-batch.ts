import { UnreadableStateError } from '../core/state-file.js'

/** Paths one request asks for at most: a query of a hundred `file` fields is still small. */
const MAX_PATHS = 100

/** What a read of many paths gives for each: its text, undefined when there is none, or why not. */
export type ReadMany = (paths: string[]) => Promise<Map<string, string | undefined | UnreadableStateError>>

/**
 * A one-path reader over `readMany`: the paths asked for while the run is busy elsewhere (before the
 * event loop turns) go out together, so that a refresh's eight record files, or a month's, take one
 * request. A path unreadable as state rejects with its UnreadableStateError.
 */
export function batchedReader(readMany: ReadMany): (path: string) => Promise<string | undefined> {
  type Waiting = Map<string, Array<PromiseWithResolvers<string | undefined>>>
  let waiting: Waiting | undefined
  const flush = (batch: Waiting) => {
    const paths = [...batch.keys()]
    for (let start = 0; start < paths.length; start += MAX_PATHS) {
      const chunk = paths.slice(start, start + MAX_PATHS)
      readMany(chunk).then(
        (texts) => {
          for (const path of chunk) {
            const text = texts.get(path)
            for (const waiter of batch.get(path) ?? []) {
              if (text instanceof UnreadableStateError) waiter.reject(text)
              else waiter.resolve(text)
            }
          }
        },
        (error: unknown) => {
          for (const path of chunk) for (const waiter of batch.get(path) ?? []) waiter.reject(error)
        },
      )
    }
  }
  return (path) => {
    if (waiting === undefined) {
      const batch: Waiting = (waiting = new Map<string, Array<PromiseWithResolvers<string | undefined>>>())
      setImmediate(() => {
        waiting = undefined
        flush(batch)
      })
    }
    const waiter = Promise.withResolvers<string | undefined>()
    waiting.set(path, [...(waiting.get(path) ?? []), waiter])
    return waiter.promise
  }
}
