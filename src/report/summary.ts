import { describeRange, todayIncompleteWarning } from '../core/day-range.js'
import { huggingFacePaperUrl } from '../core/paper-links.js'
import { cleanText } from '../digest/index.js'
import type { SummaryStats } from '../enrich/index.js'
import type { DayOutcome, DigestResult } from './result.js'
import type { RefreshedPost, RefreshStatus } from '../refresh/refresh.js'
import type { Settings } from '../settings/settings.js'
import { plural } from '../core/wording.js'

/** Paper titles are strangers' text: every value is escaped, and the summary stays one HTML block. */
export function summaryHtml(result: DigestResult, settings: Settings): string {
  const parts = [
    `<h2>Hugging Face Daily Papers: ${escapeHtml(describeRange(settings))}</h2>`,
    `<p>${statusLine(result, settings)}</p>`,
  ]
  const incomplete = result.days.filter((day) => day.incomplete)
  if (incomplete.length > 0) {
    parts.push(
      `<p>⚠️ ${todayIncompleteWarning(escapeHtml(incomplete.map((day) => day.day).join(', ')), '<code>yesterday</code>', settings.digest)}</p>`,
    )
  }
  if (result.summaries !== undefined) parts.push(...modelSection(result.summaries, settings))
  const posted = result.days.filter((day) => day.postPath !== undefined)
  if (result.days.length === 1 && posted.length === 1) parts.push(paperTable(posted[0] as DayOutcome))
  else if (result.days.length > 1) parts.push(dayTable(result.days))
  parts.push(...refreshSection(result.refreshed ?? []))
  return `${parts.join('\n')}\n`
}

/**
 * Line breaks escaped too: GitHub reads the job summary as Markdown, where a blank line ends an HTML
 * block, and the text after it would be Markdown again, its `![](url)` an image.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (char) => `&#${char.charCodeAt(0)};`)
}

const VERBS: Record<string, string> = { 'dry-run': 'would be written to', files: 'written to' }

function statusLine(result: DigestResult, settings: Settings): string {
  if (result.skipped !== undefined) return `Nothing written: ${escapeHtml(result.skipped)}.`
  const links = [
    result.commitUrl &&
      ` in commit <a href="${escapeHtml(result.commitUrl)}">${escapeHtml((result.commitSha ?? '').slice(0, 7))}</a>`,
    result.pullRequestUrl &&
      ` (pull request <a href="${escapeHtml(result.pullRequestUrl)}">${escapeHtml(result.pullRequestUrl)}</a>)`,
  ].join('')
  if (result.posts.length === 0) {
    const what = (result.refreshed ?? []).some(({ status }) => status === 'rewritten')
      ? 'earlier posts were refreshed'
      : 'only other files changed'
    const own =
      result.papers === 0 ? ' had no papers' : result.ownKept ? `: ${result.ownKept}` : ' did not change'
    return `The ${result.days.length === 1 ? 'post' : 'posts'} of ${escapeHtml(describeRange(settings))}${escapeHtml(own)}; ${what}${links}.`
  }
  const where = result.posts.map((path) => `<code>${escapeHtml(path)}</code>`).join(', ')
  const verb = VERBS[settings.target.mode] ?? 'committed to'
  return `${plural(result.papers, 'paper')} ${verb} ${where}${links}.`
}

/** The other statuses it leaves out. */
const REFRESH_LINES: Partial<Record<RefreshStatus, (post: RefreshedPost) => string>> = {
  rewritten: ({ reasons }) => escapeHtml(reasons.join(', ')),
  edited: () => 'changed since the action wrote it, left as it is',
  deleted: () => 'deleted since the action wrote it, not written again',
  shrunk: ({ reasons }) => `Hugging Face now lists ${escapeHtml(reasons.join(''))}, left as it is`,
  'pull-request': () => 'another open pull request changes it too, left to it',
}

function refreshSection(posts: readonly RefreshedPost[]): string[] {
  const items = posts.flatMap((post) => {
    const line = REFRESH_LINES[post.status]
    return line ? [`<li>${post.day} <code>${escapeHtml(post.path)}</code>: ${line(post)}</li>`] : []
  })
  const unrecorded = posts.filter(({ status }) => status === 'unrecorded').map(({ day }) => day)
  if (unrecorded.length > 0) {
    items.push(
      `<li>${unrecorded.join(', ')}: no record that the action wrote these posts, left as they are</li>`,
    )
  }
  return items.length === 0
    ? []
    : ['<h3>Earlier posts (refresh-days)</h3>', `<ul>\n${items.join('\n')}\n</ul>`]
}

function modelSection(stats: SummaryStats, { llm }: Settings): string[] {
  const origins = [
    `${stats.fromModel} written by the model`,
    `${stats.fromCache} from the cache`,
    ...(stats.fromHuggingFace > 0 ? [`${stats.fromHuggingFace} with Hugging Face's AI summary instead`] : []),
  ]
  const requests = plural(stats.requests, 'model request')
  return [
    '<h3>Model summaries</h3>',
    `<p>${plural(stats.papers, 'paper')}: ${origins.join(', ')}; ${requests} to <code>${escapeHtml(llm.apiUrl)}</code> (${escapeHtml(llm.model)}).</p>`,
    ...(stats.whyMissing === undefined ? [] : [`<p>⚠️ ${escapeHtml(stats.whyMissing)}</p>`]),
    ...(stats.problems.length === 0
      ? []
      : [`<ul>\n${stats.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('\n')}\n</ul>`]),
  ]
}

function paperTable(day: DayOutcome): string {
  const rows = day.papers.map(
    (paper, index) =>
      `<tr><td>${index + 1}</td><td><a href="${huggingFacePaperUrl(paper.id)}">${escapeHtml(cleanText(paper.title))}</a></td><td>${paper.upvotes}</td><td>${escapeHtml(cleanText(paper.organization ?? ''))}</td></tr>`,
  )
  return table(['#', 'Paper', 'Upvotes', 'Organization'], rows)
}

function dayTable(days: DayOutcome[]): string {
  const rows = days.map(
    (day) =>
      `<tr><td>${day.day}</td><td>${day.listed}</td><td>${day.postPath ? `<code>${escapeHtml(day.postPath)}</code>` : 'no post'}</td></tr>`,
  )
  return table(['Day', 'Papers listed', 'Post'], rows)
}

function table(headers: string[], rows: string[]): string {
  return `<table>\n<tr>${headers.map((header) => `<th>${header}</th>`).join('')}</tr>\n${rows.join('\n')}\n</table>`
}
