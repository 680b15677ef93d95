import { describeRange, todayIncompleteWarning } from '../core/day-range.js'
import type { ChangeSet, FileChange, Publisher, PublishResult } from '../core/changes.js'
import { eachDay, formatDay } from '../core/calendar.js'
import type { Clock } from '../core/clock.js'
import type { Log } from '../core/log.js'
import { fillTemplate } from '../core/template.js'
import { selectPapers } from '../digest/index.js'
import type { DispatchWorkflow } from '../publish/dispatch.js'
import { nothingWritten } from '../publish/nothing-written.js'
import type { EarlierPost } from '../refresh/refresh.js'
import { startRefresh } from '../refresh/stage.js'
import type { DayOutcome, DigestResult } from '../report/result.js'
import type { Settings } from '../settings/settings.js'
import { ignoredDate } from '../source/drift.js'
import type { Paper } from '../core/paper.js'
import type { PaperSource } from '../source/source.js'
import { DigestError } from './errors.js'
import { fetchDays } from './fetch.js'
import { modelSummaries } from './model-summaries.js'
import {
  dailyPlan,
  dataFiles,
  noneSelected,
  periodPlan,
  postPath,
  rangeValues,
  renderPlan,
  selectEarlier,
} from './plans.js'

export { DigestError }

/** The outside world as the pipeline sees it; main.ts and the CLI build it, tests pass fakes. */
export interface Collaborators {
  source: PaperSource
  publisher: Publisher
  /** Commit mode with `dispatch-workflow`: the workflow to start once a commit landed. */
  dispatch?: DispatchWorkflow
  log: Log
  /** What time it is: today's day, and the latest a post may be dated. */
  clock: Pick<Clock, 'now'>
}

/** fetch → select and render → publish, for every day asked for. */
export async function runDigest(
  settings: Settings,
  { source, publisher, dispatch, log, clock }: Collaborators,
): Promise<DigestResult> {
  const range = describeRange(settings)
  const refresh = startRefresh(settings, publisher, log)
  const fetchedAll = await log.group(`Fetch papers (${range}${describeRefresh(refresh.days)})`, () =>
    fetchDays([...eachDay(settings.from, settings.to), ...refresh.days], source, log),
  )
  const fetched = fetchedAll.slice(0, fetchedAll.length - refresh.days.length)
  const earlierDays = fetchedAll.slice(fetched.length)
  // The run's own days first, then with the earlier days, oldest first: one deaf day list is enough.
  const dateIgnored = ignoredDate(fetched) ?? ignoredDate([...earlierDays, ...fetched])
  if (dateIgnored !== undefined) throw new DigestError(dateIgnored)
  const today = formatDay(clock.now())
  if (fetched.some((day) => day.day === today)) {
    log.warning(todayIncompleteWarning(today, '"yesterday"'))
  }

  const plans = settings.digest === 'daily' ? fetched.map(dailyPlan) : [periodPlan(fetched, settings)]
  const selected = plans.map((plan) => ({ plan, papers: selectPapers(plan.listed, settings) }))
  if (settings.emptyDay === 'fail') {
    const empty = selected.find(({ papers }) => papers.length === 0)
    if (empty !== undefined) {
      const filtered = noneSelected(empty.plan.listed.length, settings)
      throw new DigestError(
        `${empty.plan.label}: no papers to post${filtered ? ` (${filtered})` : ''}; empty-day is "fail"`,
      )
    }
  }
  const earlier = selectEarlier(earlierDays, settings)
  // Asked for once for every post, refreshed ones too, before any is rendered: a range of days takes as
  // few requests as one day.
  const summaries = await modelSummaries(
    [...selected, ...earlier].flatMap(({ papers }) => papers),
    settings,
    { publisher, log, clock },
  )

  const files: FileChange[] = []
  const postOf = new Map<string, { day: string; path: string; papers: Paper[] }>()
  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a throw rejects, as Log.group expects
  await log.group('Render posts', async () => {
    for (const { plan, papers } of selected) {
      if (papers.length === 0 && settings.emptyDay !== 'post') {
        log.info(
          `${plan.label}: ${noneSelected(plan.listed.length, settings) ?? 'no papers'}, no post (empty-day: skip)`,
        )
        continue
      }
      const path = postPath(plan, settings)
      files.push({ path, content: renderPlan(plan, papers, settings, clock.now(), summaries) })
      postOf.set(plan.label, { day: plan.values.date as string, path, papers })
      log.info(`${plan.label}: ${papers.length} of ${plan.listed.length} papers → ${path}`)
    }
    if (settings.dataDir !== undefined) files.push(...dataFiles(fetched, settings.dataDir))
  })
  const earlierPosts = earlier.map(({ plan, papers }): EarlierPost => {
    const content = renderPlan(plan, papers, settings, clock.now(), summaries)
    return { day: plan.label, path: postPath(plan, settings), content, papers }
  })
  files.push(...(await refresh.plan(earlierPosts, [...postOf.values()])))

  const days = fetched.map((day): DayOutcome => {
    const post = postOf.get(settings.digest === 'daily' ? day.day : range)
    return {
      day: day.day,
      listed: day.papers.length,
      papers: settings.digest === 'daily' ? (post?.papers ?? []) : [],
      postPath: post?.path,
      ...(day.day === today ? { incomplete: true } : {}),
    }
  })
  const posts = [...postOf.values()].map((post) => post.path)
  const papers = [...postOf.values()].reduce((sum, post) => sum + post.papers.length, 0)
  if (files.length === 0) {
    const listed = plans.reduce((sum, plan) => sum + plan.listed.length, 0)
    const filtered = noneSelected(listed, settings)
    return {
      days,
      posts: [],
      papers: 0,
      skipped: filtered ? `${range}: ${filtered}` : `no papers on ${range}`,
      refreshed: refresh.finish(),
    }
  }
  // Committed with the posts, so that a re-run finds them and asks the model nothing.
  files.push(...(summaries?.files ?? []))

  const changes: ChangeSet = {
    files,
    message: fillTemplate(settings.commitMessage, { ...rangeValues(settings), date: range }),
    overwrite: settings.overwrite,
    record: refresh.record(),
  }
  const { published, dispatchFailure } = await log.group(`Publish (${settings.target.mode})`, async () => {
    const published = await publisher.publish(changes)
    // After the commit's retries, never inside them: a moved branch must not start the workflow twice.
    const dispatchFailure =
      published.commitBranch === undefined ? undefined : await dispatch?.(published.commitBranch)
    return { published, dispatchFailure }
  })
  const written = new Set(published.written)
  const refreshed = refresh.finish(published)
  return {
    days,
    posts: posts.filter((path) => written.has(path)),
    papers,
    commitSha: published.commitSha,
    commitUrl: published.commitUrl,
    pullRequestUrl: published.pullRequestUrl,
    failure: dispatchFailure,
    skipped: written.size > 0 ? undefined : nothingWrittenFor(posts, published.kept, range),
    refreshed,
    ...(summaries ? { summaries: summaries.stats } : {}),
  }
}

/** Why nothing was written although there was something to publish: the run's own posts, or refreshed ones. */
function nothingWrittenFor(posts: string[], kept: PublishResult['kept'], range: string): string {
  if (posts.length === 0) return `no papers on ${range}, and the earlier posts stay as they are`
  return nothingWritten(posts, kept)
}

function describeRefresh(days: string[]): string {
  return days.length === 0
    ? ''
    : `; refresh ${describeRange({ from: days[0] as string, to: days.at(-1) as string })}`
}
