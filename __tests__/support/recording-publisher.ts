import type { ChangeSet, Publisher } from '../../src/core/changes.js'

/**
 * A publisher on a blog that has `present` (path → text), which keeps every change set it is given and
 * reports all of its files written.
 */
export function recordingPublisher(present: ReadonlyMap<string, string> = new Map()): {
  publisher: Publisher
  published: ChangeSet[]
  read: string[]
} {
  const published: ChangeSet[] = []
  const read: string[] = []
  const publisher: Publisher = {
    readText: (path) => {
      read.push(path)
      return Promise.resolve(present.get(path))
    },
    publish: (changes) => {
      published.push(changes)
      return Promise.resolve({ written: changes.files.map((file) => file.path), kept: [] })
    },
  }
  return { publisher, published, read }
}
