import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { LanguageTag } from '../../src/core/languages.js'
import type { Paper } from '../../src/core/paper.js'
import { runDigest } from '../../src/pipeline/run.js'
import type { RawInputs } from '../../src/settings/inputs.js'
import { parseSettings } from '../../src/settings/settings.js'
import { parseDailyPapers } from '../../src/source/paper.js'
import { daySource } from './day-source.js'
import { createMemoryLog } from './memory-log.js'
import { clockAt } from './test-clock.js'
import { recordingPublisher } from './recording-publisher.js'

/** Chirpy's locale file (`_data/locales/*.yml`) for each language: the tag itself, or its country's. */
export const CHIRPY_LANG: Record<LanguageTag, string> = {
  en: 'en',
  ko: 'ko-KR',
  ja: 'ja-JP',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  es: 'es-ES',
  fr: 'fr-FR',
  de: 'de-DE',
  'pt-BR': 'pt-BR',
  ru: 'ru-RU',
  vi: 'vi-VN',
}

/**
 * The posts every locale is checked with, each written by the pipeline from saved Hugging Face days:
 * a busy day in both styles (fewer papers kept than listed, so the count names both), its week and its
 * month in the digest style, and a day and a week without papers.
 */
export const LOCALE_POSTS = {
  daily: {
    date: '2025-11-26',
    'max-papers': '8',
    'top-papers': '3',
    fields:
      'organization, hf-link, arxiv-link, pdf-link, github, project-page, comments, ai-summary, abstract, authors, keywords',
  },
  classic: {
    date: '2025-11-26',
    style: 'classic',
    'max-papers': '3',
    fields: 'organization, hf-link, arxiv-link, ai-summary, authors, github, keywords, comments',
  },
  weekly: { date: '2025-11-26', digest: 'weekly', 'max-papers': '6', 'top-papers': '2' },
  'weekly-classic': { date: '2025-11-26', digest: 'weekly', style: 'classic', 'max-papers': '3' },
  monthly: { date: '2025-11-26', digest: 'monthly', 'max-papers': '6', 'top-papers': '2' },
  empty: { date: '2025-11-29', 'empty-day': 'post' },
  'empty-weekly': { date: '2025-12-10', digest: 'weekly', 'empty-day': 'post' },
} as const satisfies Record<string, RawInputs>

export type LocalePost = keyof typeof LOCALE_POSTS

const HF_DAYS = resolve(process.cwd(), '__tests__/fixtures/hf/daily')
const savedDays = Object.fromEntries(
  readdirSync(HF_DAYS).map((file) => [
    file.replace(/\.json$/, ''),
    JSON.parse(readFileSync(resolve(HF_DAYS, file), 'utf8')) as unknown[],
  ]),
)

/**
 * The same days with every text a paper brings (title, abstract, AI summary and keywords, organisation,
 * authors) replaced by a token of no language, `§12`, the same text by the same token: what is left of
 * a post in a language is the post's own wording.
 */
function scrubbed(days: Record<string, unknown[]>): Record<string, unknown[]> {
  const tokens = new Map<string, string>()
  const token = (text: string) => tokens.get(text) ?? tokens.set(text, `§${tokens.size}`).get(text) ?? ''
  const scrubOrganization = (organization: Record<string, unknown> | undefined) =>
    organization && {
      ...organization,
      name: token(String(organization.name)),
      fullname: token(String(organization.fullname)),
    }
  const scrub = (item: Record<string, Record<string, unknown>>) => {
    const paper = item.paper ?? {}
    return {
      ...item,
      organization: scrubOrganization(item.organization),
      paper: {
        ...paper,
        title: token(String(paper.title)),
        summary: token(String(paper.summary)),
        ai_summary: token(String(paper.ai_summary)),
        ai_keywords: ((paper.ai_keywords as string[] | undefined) ?? []).map(token),
        authors: ((paper.authors as { name: string }[] | undefined) ?? []).map((author) => ({
          ...author,
          name: token(author.name),
        })),
        organization: scrubOrganization(paper.organization as Record<string, unknown> | undefined),
      },
    }
  }
  return Object.fromEntries(
    Object.entries(days).map(([day, items]) => [
      day,
      (items as Record<string, Record<string, unknown>>[]).map(scrub),
    ]),
  )
}
const scrubbedDays = scrubbed(savedDays)

/** A saved day's papers with their texts as tokens (see scrubbed), in the order Hugging Face lists them. */
export const scrubbedPapers = (day: string): Paper[] => parseDailyPapers(scrubbedDays[day] ?? [], day).papers

/**
 * The post the pipeline writes for `kind` in `language`, with its file name; `scrub` writes it from
 * papers whose texts are tokens (see scrubbed). Written once per test file: the pipeline is deterministic
 * (a fixed clock, saved days), and the locale tests read the same posts many times over.
 */
export function localePost(
  language: LanguageTag,
  kind: LocalePost,
  scrub = false,
): Promise<{ path: string; content: string }> {
  const key = `${language} ${kind} ${scrub}`
  const post = writtenPosts.get(key) ?? writePost(language, kind, scrub)
  writtenPosts.set(key, post)
  return post
}
const writtenPosts = new Map<string, Promise<{ path: string; content: string }>>()

async function writePost(
  language: LanguageTag,
  kind: LocalePost,
  scrub: boolean,
): Promise<{ path: string; content: string }> {
  const { publisher, published } = recordingPublisher()
  const clock = clockAt('2025-12-26T00:00:00Z')
  const settings = parseSettings(
    { mode: 'files', language, ...LOCALE_POSTS[kind] },
    { clock, workspace: '/unused' },
  )
  await runDigest(settings, {
    source: daySource(scrub ? scrubbedDays : savedDays),
    publisher,
    log: createMemoryLog(),
    clock,
  })
  const post = published[0]?.files.find((file) => file.path.startsWith('_posts/'))
  if (post === undefined) throw new Error(`no ${kind} post was written in ${language}`)
  return { path: post.path, content: post.content }
}
