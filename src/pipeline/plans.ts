import { describeRange } from '../core/day-range.js'
import { posix } from 'node:path'
import type { FileChange } from '../core/changes.js'
import { periodOf, periodPostDate, postDate } from '../core/calendar.js'
import { dayValues, fillTemplate, type TemplateValues } from '../core/template.js'
import {
  describeFilters,
  renderPost,
  selectPapers,
  type ListedOn,
  type StyleOptions,
} from '../digest/index.js'
import type { Settings } from '../settings/settings.js'
import type { DayPapers, Paper } from '../core/paper.js'
import type { EnrichResult } from '../enrich/index.js'

export interface PostPlan {
  /** The day or the period, for messages. */
  label: string
  listed: Paper[]
  values: TemplateValues
  /** The day whose `post-time` dates a daily post; a weekly or monthly post is dated by its period. */
  dateDay: string
  period?: {
    from: string
    to: string
    /** The period's last day, also while it is still running: the post is dated at its end. */
    end: string
    days: number
    /** By paper id: the day it was listed on, and that day's post (`daily-posts.ts` adds it). */
    listedOn: Map<string, ListedOn>
  }
}

export function postPath(plan: PostPlan, settings: Settings): string {
  return posix.join(settings.postsDir, fillTemplate(settings.filename, plan.values))
}

/** `11 listed, none passed min-upvotes 10`, when the filters left no paper of those listed. */
export function noneSelected(listed: number, settings: Settings): string | undefined {
  return listed > 0 ? `${listed} listed, none passed ${describeFilters(settings)}` : undefined
}

export function dailyPlan({ day, papers }: DayPapers): PostPlan {
  return { label: day, listed: papers, values: dayValues(day), dateDay: day }
}

/** A weekly or monthly digest: every paper of the period once, in its latest (most upvoted) listing. */
export function periodPlan(fetched: DayPapers[], settings: Settings): PostPlan {
  const merged = new Map<string, Paper>()
  const listedOn = new Map<string, ListedOn>()
  for (const { day, papers } of fetched) {
    for (const paper of papers) {
      const seen = merged.get(paper.id)
      if (seen && paper.upvotes <= seen.upvotes) continue
      merged.set(paper.id, paper)
      listedOn.set(paper.id, { day })
    }
  }
  return {
    label: describeRange(settings),
    listed: [...merged.values()],
    values: rangeValues(settings),
    dateDay: settings.from,
    period: {
      from: settings.from,
      to: settings.to,
      end: periodOf(settings.from, settings.digest === 'monthly' ? 'monthly' : 'weekly').to,
      days: fetched.filter((day) => day.papers.length > 0).length,
      listedOn,
    },
  }
}

export function renderPlan(
  plan: PostPlan,
  papers: Paper[],
  settings: Settings,
  /** Epoch ms: a post is dated no later. */
  now: number,
  summaries: Pick<EnrichResult, 'byId' | 'tldrs'> | undefined,
): string {
  return renderPost(papers, {
    ...styleOptions(settings, plan, summaries),
    language: settings.language,
    title: fillTemplate(settings.title, plan.values),
    date: plan.period
      ? periodPostDate(plan.period.end, settings.timezone, now)
      : postDate(plan.dateDay, settings.postTime, settings.timezone, now),
    categories: settings.categories,
    tags: settings.tags,
    author: settings.author,
    permalink: settings.permalink && fillTemplate(settings.permalink, plan.values),
    layout: settings.layout,
    description: settings.description,
    image: settings.image,
    fields: settings.fields,
    listed: plan.listed.length,
    ...(plan.period
      ? { period: { ...plan.period, listed: plan.listed, matched: matched(plan, settings) } }
      : {}),
    ...(summaries ? { enriched: summaries.byId } : {}),
  })
}

/** A period's papers the filters kept, however many max-papers then shows (20 by default). */
const matched = (plan: PostPlan, { minUpvotes, keywords }: Settings) =>
  selectPapers(plan.listed, { minUpvotes, keywords }).length

function styleOptions(
  settings: Settings,
  plan: PostPlan,
  summaries: Pick<EnrichResult, 'tldrs'> | undefined,
): StyleOptions {
  if (settings.style === 'classic') return { style: 'classic' }
  // A weekly or monthly post has its statistics and keywords at the top: no model TL;DR.
  const tldr = plan.period ? undefined : summaries?.tldrs.get(plan.label)
  return { style: 'digest', topPapers: settings.topPapers, ...(tldr ? { tldr } : {}) }
}

/** `{data-dir}/daily-{day}.json` for each day with papers: deterministic, so re-runs change nothing. */
export function dataFiles(fetched: DayPapers[], dataDir: string): FileChange[] {
  return fetched
    .filter((day) => day.papers.length > 0)
    .map((day) => ({
      path: posix.join(dataDir, `daily-${day.day}.json`),
      content: `${JSON.stringify(day.papers, null, 2)}\n`,
    }))
}

/** `{date}` is the first day in names (`FROM..TO` in the commit message). */
export function rangeValues({ from, to }: Settings): TemplateValues {
  return { ...dayValues(from), to }
}
