/** How far the action trusts each outside system: one table per system, applied by send.ts. */
export interface OutboundLimits {
  /** How messages name the system: `Hugging Face answered 503 …`. */
  name: string
  /** From sending the request to the last byte of the answer. */
  attemptTimeoutMs: number
  /** All attempts and waits, over what `deadlineScope` says (`per request`, `for one day`). */
  deadlineMs: number
  deadlineScope: string
  maxAttempts: number
  baseDelayMs: number
  maxWaitMs: number
  /** An announced wait over maxWaitMs is cut to it (`cap`), or ends the request (`give up`). */
  longerWait: 'cap' | 'give up'
  maxBodyBytes: number
  bodyScope: string
}

const MiB = 1024 * 1024

/**
 * A lasting outage fails a day within two minutes (the pacer's waits move the deadline). The largest
 * real day in the fixtures is 212 kB for 33 papers, so a full page of 100 is well under 2 MB: 8 MiB is
 * far above any real day and bounds a hostile answer's memory.
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
  /** The API's largest page; a shorter page means the day is complete. */
  pageSize: 100,
  /** 1,000 papers: the busiest real days list well under 100, so only a server that never stops sending full pages reaches it. */
  maxPages: 10,
  /** A `week=` or `month=` request: a real month is under 10 MB in 15 pages; all in flight must fit. */
  maxPeriodBodyBytes: 32 * MiB,
  maxPeriodPages: 50,
  /**
   * All the run's rate-limit waits: two 5-minute windows, each with the second the pacer adds for
   * rounding. A two-year backfill without a token (730 requests, 500 a window) needs one reset, two when a
   * neighbour on a shared runner IP spent the first.
   */
  rateLimitWaitMs: 2 * (5 * 60_000 + 1_000),
} as const satisfies OutboundLimits &
  Record<'pageSize' | 'maxPages' | 'maxPeriodBodyBytes' | 'maxPeriodPages' | 'rateLimitWaitMs', number>

/**
 * GitHub gives up on a request after 10 s itself. It announces up to an hour for a used-up rate limit:
 * sitting that out only holds a runner, so the run fails at once. The largest answer is a state file
 * (at most 4 MiB of text), then a folder listing (~120 bytes a post).
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
 * The model host (llm-api-url): a batch of 20 summaries is ~20 KB. After the run's deadline no request
 * starts (the post gets the fallbacks); one request, retries included, has `requestMs`, so a host that
 * trickles its answer holds the run that long, not the whole deadline.
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
