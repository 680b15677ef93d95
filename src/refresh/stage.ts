import type { Log } from '../core/log.js'
import type { RecordUpdate } from '../core/post-record.js'
import type { FileChange, Publisher, PublishResult } from '../core/changes.js'
import type { Settings } from '../settings/settings.js'
import { eachDay } from '../core/calendar.js'
import { readRecords, recordUpdate, type PostRecords, type RecordedPost } from './records.js'
import { logRefresh, planRefresh, refreshOutcome, type EarlierPost, type RefreshedPost } from './refresh.js'
import { refreshWindow } from './window.js'

/** The refresh of earlier posts, and the record of every post, as one run goes through them. */
export interface RefreshStage {
  /** The earlier days to fetch besides the run's own, oldest first. */
  days: string[]
  /**
   * The earlier posts to rewrite, compared with the record; `own` are the posts of the run's own days,
   * which win over an earlier day that has the same file.
   */
  plan(earlier: readonly EarlierPost[], own: readonly RecordedPost[]): Promise<FileChange[]>
  /** The change set's record: the run's own posts and the rewritten ones; undefined in a dry run. */
  record(): RecordUpdate | undefined
  /** What became of each earlier post (`published`: when something was published), logged. */
  finish(published?: Pick<PublishResult, 'kept'>): RefreshedPost[]
}

/**
 * Starts the stage: says why refresh is off when it is, and reads the record files of the months the
 * run's posts fall in while Hugging Face answers. A dry run reads and records nothing.
 */
export function startRefresh(settings: Settings, publisher: Publisher, log: Log): RefreshStage {
  const window = refreshWindow(settings)
  if (window.off !== undefined) log.info(window.off)
  const ownDays = settings.digest === 'daily' ? eachDay(settings.from, settings.to) : [settings.from]
  const reading =
    settings.target.mode === 'dry-run'
      ? undefined
      : readRecords([...window.days, ...ownDays], (path) => publisher.readText(path), log)
  // Awaited in plan(); until then a failure is not an unhandled one.
  reading?.catch(() => undefined)
  let records: PostRecords = new Map()
  let planned: ReturnType<typeof planRefresh> = { files: [], posts: [], rewritten: [] }
  let own: readonly RecordedPost[] = []
  return {
    days: window.days,
    async plan(earlier, ownPosts) {
      records = (await reading) ?? records
      own = ownPosts
      planned = planRefresh(earlier, records, new Set(own.map((post) => post.path)))
      return planned.files
    },
    record: () => (reading === undefined ? undefined : recordUpdate(records, [...own, ...planned.rewritten])),
    finish(published) {
      const posts = published === undefined ? planned.posts : refreshOutcome(planned, published)
      logRefresh(posts, log)
      return posts
    },
  }
}
