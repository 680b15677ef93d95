/**
 * The little the pipeline needs of a log. main.ts backs it with @actions/core (annotations, groups),
 * the CLI with the console, tests with an array.
 */
export interface Log {
  info(message: string): void
  /** A problem the run survives, e.g. a paper left out; an annotation on GitHub. */
  warning(message: string): void
  /** Runs `work` with its output folded under `name`. */
  group<T>(name: string, work: () => Promise<T>): Promise<T>
}

/** A log that remembers what it was told, for tests and for `--quiet` use. */
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
