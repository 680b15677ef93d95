import { posix } from 'node:path'
import { renderPost, selectPapers } from './digest/index.js'
import type { Log } from './log.js'
import type { ChangeSet, FileChange, Publisher } from './publish/publisher.js'
import { eachDay, isoWeek, postDate, utcDay } from './settings/calendar.js'
import type { Settings } from './settings/settings.js'
import { fillTemplate, type TemplateValues } from './settings/template.js'
import type { Paper } from './source/paper.js'
import type { DayPapers, PaperSource } from './source/source.js'

/** The outside world as the pipeline sees it; main.ts and the CLI build it, tests pass fakes. */
export interface Collaborators {
  source: PaperSource
  publisher: Publisher
  log: Log
  now: () => Date
}

export interface DayOutcome {
  day: string
  /** Valid papers Hugging Face listed that day. */
  listed: number
  /** The papers in the post, ranked; empty when the day got no post. */
  papers: Paper[]
  /** Repository-relative path of the day's post, when it has one. */
  postPath?: string
  /** The day is today on Hugging Face's (UTC) calendar: its list is still growing. */
  incomplete?: boolean
}

export interface DigestResult {
  days: DayOutcome[]
  /** Post paths written or committed (in dry-run: that would be). */
  posts: string[]
  /** Papers rendered, all posts together. */
  papers: number
  commitSha?: string
  commitUrl?: string
  pullRequestUrl?: string
  /** Why nothing was written, when nothing was. */
  skipped?: string
  /** Something after the commit went wrong (the workflow dispatch): outputs stand, the run fails. */
  failure?: string
}

/** A run that must fail after inputs were accepted: an empty day under `empty-day: fail`, every paper invalid. */
export class DigestError extends Error {
  override name = 'DigestError'
}

/** fetch → select and render → publish, for every day asked for. */
export async function runDigest(
  settings: Settings,
  { source, publisher, log, now }: Collaborators,
): Promise<DigestResult> {
  const days = eachDay(settings.from, settings.to)
  const fetched = await log.group(`Fetch papers (${describeRange(settings)})`, () =>
    fetchDays(days, source, log),
  )
  const today = utcDay(now())
  if (days.includes(today)) {
    log.warning(
      `${today} is today on Hugging Face's calendar (UTC): its list keeps growing during the day, so the post may miss papers. Schedule the run for "yesterday" for complete days.`,
    )
  }

  const outcomes: DayOutcome[] = []
  const files: FileChange[] = []
  await log.group('Render posts', async () => {
    for (const day of fetched) {
      const outcome = renderDay(day, settings, now())
      outcomes.push(day.day === today ? { ...outcome.summary, incomplete: true } : outcome.summary)
      files.push(...outcome.files)
      log.info(
        outcome.summary.postPath
          ? `${day.day}: ${outcome.summary.papers.length} of ${day.papers.length} papers → ${outcome.summary.postPath}`
          : `${day.day}: no papers, no post (empty-day: ${settings.emptyDay})`,
      )
    }
  })

  const posts = outcomes.flatMap((outcome) => (outcome.postPath ? [outcome.postPath] : []))
  const papers = outcomes.reduce((sum, outcome) => sum + (outcome.postPath ? outcome.papers.length : 0), 0)
  if (files.length === 0) {
    return { days: outcomes, posts: [], papers: 0, skipped: `no papers on ${describeRange(settings)}` }
  }

  const changes: ChangeSet = {
    files,
    message: fillTemplate(settings.commitMessage, rangeValues(settings)),
    overwrite: settings.overwrite,
  }
  const published = await log.group(`Publish (${settings.mode})`, () => publisher.publish(changes))
  const written = new Set(published.written)
  return {
    days: outcomes,
    posts: posts.filter((path) => written.has(path)),
    papers,
    commitSha: published.commitSha,
    commitUrl: published.commitUrl,
    pullRequestUrl: published.pullRequestUrl,
    failure: published.dispatchFailure,
    skipped: written.size === 0 ? `the ${posts.length === 1 ? 'post is' : 'posts are'} unchanged` : undefined,
  }
}

async function fetchDays(days: string[], source: PaperSource, log: Log): Promise<DayPapers[]> {
  const fetched: DayPapers[] = []
  for (const day of days) {
    const result = await source.fetchDay(day)
    for (const invalid of result.invalid) {
      log.warning(`${day}: left out paper ${invalid.id}: ${invalid.field}: ${invalid.problem}`)
    }
    if (result.papers.length === 0 && result.invalid.length > 0) {
      throw new DigestError(
        `${day}: all ${result.invalid.length} papers Hugging Face listed failed validation; the API may have changed its format`,
      )
    }
    log.info(`${day}: ${result.papers.length} papers`)
    fetched.push(result)
  }
  return fetched
}

function renderDay(
  { day, papers: listed }: DayPapers,
  settings: Settings,
  now: Date,
): { summary: DayOutcome; files: FileChange[] } {
  const papers = selectPapers(listed, settings)
  const noPost = { summary: { day, listed: listed.length, papers: [] }, files: [] }
  if (papers.length === 0) {
    if (settings.emptyDay === 'fail') {
      throw new DigestError(
        `${day}: no papers to post${listed.length > 0 ? ` (${listed.length} listed, none passed min-upvotes/keywords)` : ''}; empty-day is "fail"`,
      )
    }
    if (settings.emptyDay === 'skip') return noPost
  }
  const values = dayValues(day)
  const postPath = posix.join(settings.postsDir, fillTemplate(settings.filename, values))
  const post = renderPost(papers, {
    language: settings.language,
    title: fillTemplate(settings.title, values),
    date: postDate(day, settings.postTime, settings.timezone, now),
    categories: settings.categories,
    tags: settings.tags,
    author: settings.author,
    permalink: settings.permalink && fillTemplate(settings.permalink, values),
    fields: settings.fields,
  })
  const files = [{ path: postPath, content: post }]
  if (settings.dataDir !== undefined) {
    files.push({
      path: posix.join(settings.dataDir, `daily-${day}.json`),
      content: `${JSON.stringify(listed, null, 2)}\n`,
    })
  }
  return { summary: { day, listed: listed.length, papers, postPath }, files }
}

function dayValues(day: string): TemplateValues {
  return { date: day, from: day, to: day, week: isoWeek(day), month: day.slice(0, 7) }
}

function rangeValues({ from, to }: Settings): TemplateValues {
  return { ...dayValues(from), date: from === to ? from : `${from}..${to}`, to }
}

function describeRange({ from, to }: Settings): string {
  return from === to ? from : `${from}..${to}`
}
