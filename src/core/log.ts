/** Function properties, not methods: callers hand `log.info` on as a callback, so no `this`. */
export interface Log {
  info: (message: string) => void
  /** A problem the run survives, e.g. a paper left out. */
  warning: (message: string) => void
  /** No problem, but a person should know, e.g. their edit kept. */
  notice?: (message: string) => void
  group: <T>(name: string, work: () => Promise<T>) => Promise<T>
}

/** Each warning once: two stages that read one broken file tell the owner about it once. */
export function warningsOnce(log: Log): Log {
  const told = new Set<string>()
  return {
    ...log,
    warning: (message) => {
      if (told.has(message)) return
      told.add(message)
      log.warning(message)
    },
  }
}
