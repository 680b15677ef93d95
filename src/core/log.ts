/**
 * The little the pipeline needs of a log. main.ts backs it with @actions/core (annotations, groups),
 * the CLI with the console, tests with an array. Function properties, not methods: callers hand
 * `log.info` on as a plain callback, so no implementation may depend on `this`.
 */
export interface Log {
  info: (message: string) => void
  /** A problem the run survives, e.g. a paper left out; an annotation on GitHub. */
  warning: (message: string) => void
  /** Something a person should know that is no problem, e.g. their edit kept; an annotation on GitHub. */
  notice?: (message: string) => void
  /** Runs `work` with its output folded under `name`. */
  group: <T>(name: string, work: () => Promise<T>) => Promise<T>
}
