import type { Publisher } from '../core/changes.js'

/** Prints what would be written and writes nothing; every file counts as would-be-written. */
export function createDryRunPublisher({ print }: { print: (text: string) => void }): Publisher {
  return {
    publish(changes) {
      for (const file of changes.files)
        print(changes.files.length === 1 ? file.content : `==> ${file.path} <==\n${file.content}\n`)
      return Promise.resolve({ written: changes.files.map((file) => file.path), kept: [] })
    },

    // A dry run reads no repository: every state file counts as absent, so it shows a first run.
    readText() {
      return Promise.resolve(undefined)
    },
  }
}
