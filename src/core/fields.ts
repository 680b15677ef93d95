import type { LanguageTag as Language } from './languages.js'

/** The lines a post can show under each paper. */
export const FIELDS = [
  'organization',
  'hf-link',
  'arxiv-link',
  'pdf-link',
  'abstract',
  'ai-summary',
  'llm-summary',
  'llm-title',
  'authors',
  'github',
  'project-page',
  'keywords',
  'comments',
] as const
export type Field = (typeof FIELDS)[number]

/** The digest style's one line under a paper's heading, after its upvotes; the others go below it. */
export const META_LINE_FIELDS = [
  'organization',
  'hf-link',
  'arxiv-link',
  'pdf-link',
  'github',
  'project-page',
  'comments',
] as const satisfies readonly Field[]

/** `digest`: a TL;DR, the top papers in full, the rest a line each; `classic`: the original Korean blog's. */
export const STYLES = ['digest', 'classic'] as const
export type Style = (typeof STYLES)[number]

export type { Language }

/** An English post keeps its original titles, so `llm-title` alone asks nothing then. */
export function needsModel(fields: readonly Field[], language: Language): boolean {
  return fields.includes('llm-summary') || (fields.includes('llm-title') && language !== 'en')
}
