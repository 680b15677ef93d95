import type { Clock } from '../core/clock.js'
import type { FileChange } from '../core/changes.js'
import type { Log } from '../core/log.js'
import type { DayPapers, Paper } from '../core/paper.js'
import { selectPapers } from '../digest/index.js'
import type { EnrichResult } from '../enrich/index.js'
import { RECORDED_PERIOD, type RecordedPost } from '../refresh/records.js'
import type { EarlierPost } from '../refresh/refresh.js'
import type { Settings } from '../settings/settings.js'
import { DigestError } from './errors.js'
import { dailyPlan, noneSelected, postPath, renderPlan, type PostPlan } from './plans.js'

export interface SelectedPost {
  plan: PostPlan
  papers: Paper[]
}

export interface SelectedPosts {
  /** One per day of the run (a daily digest), or one for the period; some may have no papers. */
  own: SelectedPost[]
  /** The earlier days `refresh-days` renders again, those that still have papers. */
  earlier: SelectedPost[]
}

/** Under `empty-day: fail`, a post left without papers ends the run. */
export function selectPosts(plans: PostPlan[], earlier: DayPapers[], settings: Settings): SelectedPosts {
  const select = (plan: PostPlan): SelectedPost => ({ plan, papers: selectPapers(plan.listed, settings) })
  const selected = plans.map(select)
  const empty = selected.find(({ papers }) => papers.length === 0)
  if (settings.emptyDay === 'fail' && empty !== undefined) {
    const filtered = noneSelected(empty.plan.listed.length, settings)
    throw new DigestError(
      `${empty.plan.label}: no papers to post${filtered ? ` (${filtered})` : ''}; empty-day is "fail"`,
    )
  }
  // An earlier day the filters now leave without papers has nothing to refresh; one Hugging Face now
  // lists none for is kept, so that the refresh can tell a post it recorded has lost them all.
  const refreshed = earlier.map(dailyPlan).map(select)
  return {
    own: selected,
    earlier: refreshed.filter(({ plan, papers }) => papers.length > 0 || plan.listed.length === 0),
  }
}

export interface RenderedPost extends RecordedPost {
  label: string
  papers: Paper[]
  /** What its day (or period) lists now, before the selection. */
  listed: readonly Paper[]
}

export interface RenderedPosts {
  /** A day without papers under `empty-day: skip` has none. */
  own: RenderedPost[]
  files: FileChange[]
  earlier: EarlierPost[]
}

/** Dated no later than the clock says. */
export async function renderPosts(
  selected: SelectedPosts,
  summaries: EnrichResult | undefined,
  settings: Settings,
  { log, clock }: { log: Log; clock: Pick<Clock, 'now'> },
): Promise<RenderedPosts> {
  const now = clock.now()
  const own: RenderedPost[] = []
  const files: FileChange[] = []
  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a throw rejects, as Log.group expects
  await log.group('Render posts', async () => {
    for (const { plan, papers } of selected.own) {
      if (papers.length === 0 && settings.emptyDay !== 'post') {
        log.info(
          `${plan.label}: ${noneSelected(plan.listed.length, settings) ?? 'no papers'}, no post (empty-day: skip)`,
        )
        continue
      }
      const post = ownPost({ plan, papers }, settings)
      files.push({ path: post.path, content: renderPlan(plan, papers, settings, now, summaries) })
      own.push(post)
      log.info(`${plan.label}: ${papers.length} of ${plan.listed.length} papers → ${post.path}`)
    }
  })
  const earlierSummaries = summaries && { byId: summaries.earlierById, tldrs: summaries.tldrs }
  return { own, files, earlier: renderEarlier(selected.earlier, earlierSummaries, settings, now) }
}

/** One of the run's own posts, where it goes and what its record knows it by. */
export function ownPost({ plan, papers }: SelectedPost, settings: Settings): RenderedPost {
  return {
    label: plan.label,
    day: plan.values.date as string,
    path: postPath(plan, settings),
    papers,
    listed: plan.listed,
    period: RECORDED_PERIOD[settings.digest],
  }
}

export function renderEarlier(
  earlier: readonly SelectedPost[],
  summaries: Pick<EnrichResult, 'byId' | 'tldrs'> | undefined,
  settings: Settings,
  now: number,
): EarlierPost[] {
  return earlier.map(({ plan, papers }): EarlierPost => {
    const content = renderPlan(plan, papers, settings, now, summaries)
    return { day: plan.label, path: postPath(plan, settings), content, papers }
  })
}
