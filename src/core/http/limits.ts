/**
 * How far the action trusts each outside system it asks: the time an attempt and a request may take, how
 * often a failure is tried again, how long an announced wait is sat out, how many bytes an answer may
 * have. One table per system, so each figure is read and tuned in one place; send.ts applies them.
 */
export interface OutboundLimits {
  /** How messages name the system: `Hugging Face answered 503 …`. */
  name: string
  /** One attempt, from sending the request to the last byte of the answer. */
  attemptTimeoutMs: number
  /** All attempts of a request and the waits between them, for what `deadlineScope` says. */
  deadlineMs: number
  /** What `deadlineMs` covers, as messages say it: `per request`, `for one day`. */
  deadlineScope: string
  /** Attempts per request, the first one included. */
  maxAttempts: number
  /** The wait after the first failed attempt, jittered down to half; it doubles after each further one. */
  baseDelayMs: number
  /** The longest wait between attempts, including one the system announces (`Retry-After` and the like). */
  maxWaitMs: number
  /** A longer announced wait is cut to maxWaitMs (`cap`), or ends the request at once (`give up`). */
  longerWait: 'cap' | 'give up'
  /** Bytes of the answers `bodyScope` names, read before the request is refused. */
  maxBodyBytes: number
  bodyScope: string
}

const MiB = 1024 * 1024

/**
 * Hugging Face's daily papers. A lasting outage fails a day well within two minutes, waits for the rate
 * limit excepted (the pacer's, source/pacer.ts, moves the day's deadline). The largest real day in the
 * fixtures is 212 kB for 33 papers, so even a full page of 100 papers is well under 2 MB: 8 MiB is far
 * above any real day and keeps a hostile answer from costing more than a few times that in memory. A
 * failing server's `Retry-After` is heeded up to a minute; its 429s are the pacer's to wait out.
 */
export const HUGGING_FACE = {
  name: 'Hugging Face',
  attemptTimeoutMs: 20_000,
  deadlineMs: 90_000,
  deadlineScope: 'for one day',
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxWaitMs: 60_000,
  longerWait: 'cap',
  maxBodyBytes: 8 * MiB,
  bodyScope:
    "for one day (all its pages; a real day is a few hundred kB: check that hf-api-url is Hugging Face's API)",
  /** The API's largest page: fewer requests, and a shorter page means the day is complete. */
  pageSize: 100,
  /** 1,000 papers: the busiest real days list well under 100, so only a server that never stops sending full pages reaches it. */
  maxPages: 10,
  /**
   * A week's or a month's pages together (`week=`, `month=`) may take a day's bytes and pages for each of
   * its days up to these: a real month is under 10 MB in 15 pages, and a hostile answer to every one of
   * the requests in flight at once (pipeline/fetch.ts) must still fit in memory.
   */
  maxPeriodBodyBytes: 32 * MiB,
  maxPeriodPages: 50,
  /**
   * All the run's waits for the rate limit: two of Hugging Face's 5-minute windows. A two-year backfill
   * without a token (730 requests, 500 a window) needs one reset, two when a neighbour on a shared runner
   * IP spent most of the first window; a run that needs more should rather fail with advice than sit.
   */
  rateLimitWaitMs: 10 * 60_000,
} as const satisfies OutboundLimits &
  Record<'pageSize' | 'maxPages' | 'maxPeriodBodyBytes' | 'maxPeriodPages' | 'rateLimitWaitMs', number>

/**
 * GitHub's REST and GraphQL API. GitHub itself gives up on a request after 10 s, so a healthy GitHub
 * answers well within 20 s; an unreachable one fails after three quick attempts. GitHub announces a
 * minute or so for a secondary rate limit and up to an hour for a used-up primary one: sitting that out
 * only holds a runner, so the run fails at once and says until when. The largest answer is a state file
 * read back (at most 4 MiB of text, core/changes.ts), then a folder listing (~120 bytes a post).
 */
export const GITHUB = {
  name: 'GitHub',
  attemptTimeoutMs: 20_000,
  deadlineMs: 40_000,
  deadlineScope: 'per request',
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxWaitMs: 60_000,
  longerWait: 'give up',
  maxBodyBytes: 16 * MiB,
  bodyScope: 'for one answer',
} as const satisfies OutboundLimits

/**
 * The model host (llm-api-url). A batch of 20 summaries is ~20 KB; a daily rate limit announces hours,
 * which is given up on at once. All of a run's model requests share one deadline, after which none
 * starts: the post is published with the fallbacks instead. One request, its retries included, has
 * `requestMs`: a host that trickles its answer (or never sends it) holds the run that long, not for
 * the whole deadline, and is not asked again in the run.
 */
export const MODEL_HOST = {
  name: 'the model host',
  attemptTimeoutMs: 60_000,
  deadlineMs: 240_000,
  deadlineScope: 'for model requests',
  requestMs: 90_000,
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxWaitMs: 60_000,
  longerWait: 'give up',
  maxBodyBytes: MiB,
  bodyScope: 'for one answer',
} as const satisfies OutboundLimits & Record<'requestMs', number>
