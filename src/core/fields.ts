import type { LanguageTag as Language } from './languages.js'

/** The lines a post can show under each paper, in the order the `fields` input lists them. */
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

/** The fields the digest style puts on a paper's one meta line, after its upvotes; the others go below it. */
export const META_LINE_FIELDS = [
  'organization',
  'hf-link',
  'arxiv-link',
  'pdf-link',
  'github',
  'project-page',
  'comments',
] as const satisfies readonly Field[]

/**
 * How a post is laid out: `digest` (a TL;DR, the top papers in full with their abstract folded, the rest one
 * line each) or `classic` (every paper in full, the layout of the original Korean blog).
 */
export const STYLES = ['digest', 'classic'] as const
export type Style = (typeof STYLES)[number]

/** The languages a post can be written in: ./languages.ts. */
export type { Language }

/**
 * Whether the post needs the model layer: for a summary, or for a title in the post's language (an
 * English post keeps its original titles, so `llm-title` alone asks nothing then).
 */
export function needsModel(fields: readonly Field[], language: Language): boolean {
  return fields.includes('llm-summary') || (fields.includes('llm-title') && language !== 'en')
}
