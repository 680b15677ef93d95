import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import type { Log } from '../log.js'
import type { Publisher } from './publisher.js'

export interface FilesPublisherOptions {
  /** The repository's working copy: GITHUB_WORKSPACE, or the CLI's `--out`. */
  root: string
  log: Log
}

/** Writes the change set under `root`; no git. Identical files are left untouched, so re-runs write nothing. */
export function createFilesPublisher({ root, log }: FilesPublisherOptions): Publisher {
  return {
    async publish(changes) {
      const written: string[] = []
      for (const file of changes.files) {
        const target = resolve(root, file.path)
        // Settings keep paths inside; this guards against a future caller that forgets.
        if (relative(root, target).split(sep)[0] === '..') {
          throw new Error(`Refusing to write ${file.path}: it is outside ${root}`)
        }
        const existing = await readFile(target, 'utf8').catch(() => undefined)
        if (existing === file.content || (existing !== undefined && changes.overwrite === 'never')) {
          log.info(
            `${file.path}: ${existing === file.content ? 'unchanged' : 'exists (overwrite: never)'}, left as it is`,
          )
          continue
        }
        await mkdir(dirname(target), { recursive: true })
        await writeFile(target, file.content)
        log.info(`Wrote ${target}`)
        written.push(file.path)
      }
      return { written }
    },
  }
}
