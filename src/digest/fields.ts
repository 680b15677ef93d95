/** The lines a post can show under each paper, in the order the `fields` input lists them. */
export const FIELDS = [
  'organization',
  'hf-link',
  'arxiv-link',
  'abstract',
  'ai-summary',
  'authors',
  'github',
  'project-page',
  'keywords',
  'comments',
] as const
export type Field = (typeof FIELDS)[number]

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]
