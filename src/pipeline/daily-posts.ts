import { posix } from 'node:path'
import pMap from 'p-map'
import type { Publisher } from '../core/changes.js'
import type { Log } from '../core/log.js'
import type { DayPapers } from '../core/paper.js'
import type { LanguageTag } from '../core/languages.js'
import { POST_RECORD, recordShards, type RecordEntry } from '../core/post-record.js'
import { readStateFiles } from '../core/state-file.js'
import { jekyllPostPath } from '../digest/index.js'
import { recordPaths, type PostRecords } from '../refresh/records.js'
import type { Settings } from '../settings/settings.js'
import { periodPlan, postPath, type PostPlan } from './plans.js'

/** Daily posts looked for at once: a month's 31, which a publisher on GitHub reads in one request. */
const READ_CONCURRENCY = 31

/**
 * Each paper's day linked to that day's post where the record says the action wrote one and it is still
 * there (a link to a post deleted later is empty; the site still builds).
 */
export async function linkedPeriodPlan(
  fetched: DayPapers[],
  settings: Settings,
  publisher: Publisher,
  log: Log,
): Promise<PostPlan> {
  const plan = periodPlan(fetched, settings)
  if (settings.target.mode === 'dry-run' || plan.period === undefined) return plan
  const days = fetched.filter((day) => day.papers.length > 0)
  // A pull request links the posts of the branch it merges into.
  const readText = (path: string) => (publisher.readBaseText ?? publisher.readText).call(publisher, path)
  const records = await readStateFiles(
    POST_RECORD,
    new Set(days.flatMap((day) => recordShards(day.day))),
    readText,
    log,
  )
  // A post whose own path Liquid could not hold links no day.
  const ownPath = jekyllPostPath(postPath(plan, settings))
  if (ownPath === undefined) return plan
  const found = await pMap(
    days,
    async (day) => {
      const post = dailyPostOf(day, records, ownPath, settings.language)
      const there = post !== undefined && (await readText(post)) !== undefined
      return [day.day, there ? post : undefined] as const
    },
    { concurrency: READ_CONCURRENCY },
  )
  const posts = new Map(found)
  for (const listed of plan.period.listedOn.values()) {
    const post = posts.get(listed.day)
    if (post !== undefined) listed.post = { path: post, from: ownPath }
  }
  return plan
}

/**
 * The path of a recorded daily post named for the day, showing papers listed that day, in the period
 * post's language or none recorded (earlier builds recorded none): of several, one in the language first,
 * then the one nearest the period's own post (`ko/_posts` beside `_posts`), then the one that shows the
 * most (a weekly post recorded before it was marked shows fewer of that day's papers).
 */
function dailyPostOf(
  { day, papers }: DayPapers,
  records: PostRecords,
  ownPath: string,
  language: LanguageTag,
): string | undefined {
  const languageRank = ({ language: written }: RecordEntry) =>
    written === language ? 0 : written === undefined ? 1 : 2
  const ids = new Set(papers.map((paper) => paper.id))
  // Its own file's entries, and 1.x's of its month (recordPaths), the own file's winning.
  const [own, ...older] = recordPaths({ day }).map((path) => [...(records.get(path)?.entries ?? [])])
  const entries = [...new Map([...older.flat(), ...own!])]
    .filter(
      ([path, entry]) =>
        path !== ownPath &&
        entry.period === undefined &&
        posix.basename(path).startsWith(`${day}-`) &&
        // A post in another language is another blog's (English beside a Korean `ko/_posts`).
        languageRank(entry) < 2 &&
        // Mostly that day's papers: one Hugging Face has since dropped a paper of is still that day's
        // post; a weekly one recorded before posts were marked is not.
        entry.papers.filter(([id]) => ids.has(id)).length * 2 > entry.papers.length,
    )
    .sort(
      ([a, first], [b, second]) =>
        languageRank(first) - languageRank(second) ||
        foldersApart(a, ownPath) - foldersApart(b, ownPath) ||
        second.papers.length - first.papers.length ||
        (a < b ? -1 : 1),
    )
  return entries.map(([path]) => jekyllPostPath(path)).find((path) => path !== undefined)
}

/**
 * How many folders lie between two files' folders, up to where they meet and down again: `ko/_posts/a`
 * and `ko/_posts/b` none, `_posts/a` and `_posts/ko/b` one, `_posts/a` and `ko/_posts/b` three.
 */
function foldersApart(path: string, other: string): number {
  const between = posix.relative(posix.dirname(path), posix.dirname(other))
  return between === '' ? 0 : between.split('/').length
}
