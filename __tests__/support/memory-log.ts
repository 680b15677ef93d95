import type { Log } from '../../src/core/log.js'

/** A log that remembers what it was told, for assertions. */
export function createMemoryLog(): Log & { lines: string[]; warnings: string[] } {
  const lines: string[] = []
  const warnings: string[] = []
  return {
    lines,
    warnings,
    info: (message) => void lines.push(message),
    warning: (message) => void warnings.push(message),
    group: async (name, work) => {
      lines.push(`▶ ${name}`)
      return work()
    },
  }
}
