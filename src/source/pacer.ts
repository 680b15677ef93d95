import type { Clock } from '../core/clock.js'
import { announcedWaitMs, parseRateLimits, type RateLimit } from '../core/http/announced-wait.js'
import type { Pacer } from '../core/http/send.js'
import { seconds } from '../core/wording.js'

export interface PacerOptions {
  clock: Clock
  /** The most a run waits for the rate limit, all waits together. */
  ceilingMs: number
  log?: (message: string) => void
}

/** `t` and `Retry-After` count whole seconds: the reset may come up to a second after they say. */
const ROUNDING_MS = 1_000

/**
 * Requests that go at once before the first answer tells the window: a daily run's day and its default
 * refresh-days 7, in one round trip. A window with less room than that is all but spent anyway.
 */
export const OPENING_REQUESTS = 8

/** A limit as the last answer told it; `left` is its room, less the requests sent since. */
interface Window {
  limit: RateLimit
  left: number
  resetAt: number
}

type Wait = 'none' | 'answer' | { until: number; why: string }

/**
 * One budget for all of a run's requests to Hugging Face, kept from the `RateLimit` headers of its
 * answers, so that a long backfill stays inside the window instead of running into 429s. The window resets
 * all at once, so spreading requests over it would only slow a run down: requests go while it has room,
 * then wait for the answers in flight (they may show room), then for the reset. After a reset one request
 * goes first, since a neighbour on a shared runner IP may have spent the window. A 429's announced wait
 * holds every request. A server that announces no limit is not paced.
 */
export function createPacer({ clock, ceilingMs, log }: PacerOptions): Pacer {
  /** Undefined while unknown (at the start, after a reset); empty when the server announces no limit. */
  let windows: Window[] | undefined
  let holdUntil = 0
  let holdReason = ''
  let inFlight = 0
  let opening = true
  let waitedMs = 0
  /** The wait under way, shared by every request held by it. */
  let pause: Promise<void> | undefined
  /** The pacer's time never runs behind its own waits (a test's sleep may not move the clock). */
  let sleptUntil = 0
  let answered = Promise.withResolvers<void>()

  const current = () => Math.max(clock.now(), sleptUntil)

  function notify(): void {
    answered.resolve()
    answered = Promise.withResolvers<void>()
  }

  function nextWait(): Wait {
    const time = current()
    if (holdUntil > time) return { until: holdUntil, why: holdReason }
    if (windows !== undefined && windows.length > 0) {
      const open = windows.filter((window) => window.resetAt > time)
      windows = open.length > 0 ? open : undefined
    }
    // Unknown: the opening requests, or after a reset one at a time, until an answer tells.
    if (windows === undefined) return inFlight < (opening ? OPENING_REQUESTS : 1) ? 'none' : 'answer'
    const full = windows.filter((window) => window.left <= 0)
    if (full.length === 0) return 'none'
    if (inFlight > 0) return 'answer'
    const limits = full.map((window) => window.limit)
    return {
      until: Math.max(...full.map((window) => window.resetAt)),
      why: `for the window to reset (${describe(limits, windows.length > 1)})`,
    }
  }

  async function wait(until: number, why: string): Promise<void> {
    const ms = until - current()
    if (waitedMs + ms > ceilingMs) {
      throw new Error(
        `Hugging Face's rate limit asks for a wait of ${seconds(ms)} ${why}, more than this run may still wait ` +
          `(${seconds(ceilingMs)} in all, ${seconds(waitedMs)} waited): set the hf-token input (a token ` +
          'raises the limit) or ask for fewer days at a time.',
      )
    }
    log?.(`Hugging Face's rate limit: waiting ${seconds(ms)} ${why}`)
    waitedMs += ms
    await clock.sleep(ms)
    sleptUntil = Math.max(sleptUntil, until)
  }

  return {
    async acquire() {
      const start = current()
      for (let next = nextWait(); next !== 'none'; next = nextWait()) {
        if (next === 'answer') await answered.promise
        else await (pause ??= wait(next.until, next.why).finally(() => (pause = undefined)))
      }
      inFlight++
      for (const window of windows ?? []) window.left--
      return current() - start
    },

    observe(status, headers) {
      const time = current()
      opening = false
      const limits = parseRateLimits(headers)
      // The answer's own request is in `r` already; the others in flight may not be.
      const unseen = Math.max(0, inFlight - 1)
      windows = limits.map((limit) => {
        const window = {
          limit,
          left: limit.remaining - unseen,
          resetAt: time + limit.resetSeconds * 1000 + ROUNDING_MS,
        }
        // Answers can come back out of order: one counted earlier in the same window must not give back room.
        const known = windows?.find(
          (other) =>
            other.limit.name === limit.name && Math.abs(other.resetAt - window.resetAt) <= ROUNDING_MS,
        )
        return known === undefined ? window : { ...window, left: Math.min(window.left, known.left) }
      })
      const asked = status === 429 ? announcedWaitMs(headers, time) : undefined
      if (asked !== undefined) {
        // After the wait, one request goes first again to learn what is left.
        windows = undefined
        if (time + asked + ROUNDING_MS > holdUntil) {
          holdUntil = time + asked + ROUNDING_MS
          holdReason =
            limits.length > 0
              ? `for the window to reset after a 429 (${describe(limits)})`
              : 'after a 429, as its Retry-After asks'
        }
      }
      notify()
    },

    release() {
      inFlight--
      notify()
    },

    heldForMs() {
      const next = nextWait()
      return typeof next === 'object' ? next.until - current() : 0
    },
  }
}

/** `r=0, q=500, w=300`, named when there are several: `"api": r=0, q=500, w=300; "pages": …`. */
function describe(limits: RateLimit[], named = limits.length > 1): string {
  return limits
    .map((limit) => {
      const figures = [`r=${limit.remaining}`]
      if (limit.quota !== undefined) figures.push(`q=${limit.quota}`)
      if (limit.windowSeconds !== undefined) figures.push(`w=${limit.windowSeconds}`)
      // The name is the server's text: shown short, quoted and printable only.
      const name = JSON.stringify(limit.name.replace(/[^\x20-\x7e]/g, '?').slice(0, 40))
      return named ? `${name}: ${figures.join(', ')}` : figures.join(', ')
    })
    .join('; ')
}
