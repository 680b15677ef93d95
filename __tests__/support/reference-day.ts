/** The reference Korean blog's day (2025-12-24) and the inputs that reproduce its post byte for byte. */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export const SEED_DIR = resolve(process.cwd(), '__tests__/fixtures/seed')
export const SEED_DAY = '2025-12-24'
export const SEED_POST = `_posts/${SEED_DAY}-daily-papers.md`
/** The classic style's `fields` default: the lines the reference post shows. */
export const SEED_FIELDS = 'organization, hf-link, arxiv-link, abstract'
export const REFERENCE_INPUTS = {
  date: SEED_DAY,
  // Version 1's layout and front matter, which the reference post has.
  style: 'classic',
  language: 'ko',
  timezone: 'Asia/Seoul',
  'post-time': '09:15',
  categories: 'Daily Papers, 일간',
  tags: 'huggingface, papers, daily, ai',
  author: 'lim4349',
  // The reference blog's own file names; the default adds the day again, for a URL of its own.
  filename: '{date}-daily-papers.md',
}

/** The reference post and the Hugging Face answer it was made from. */
export async function readReferenceDay(): Promise<{ post: string; items: unknown[] }> {
  const [post, items] = await Promise.all([
    readFile(join(SEED_DIR, `${SEED_DAY}-daily-papers.md`), 'utf8'),
    readFile(join(SEED_DIR, `${SEED_DAY}.json`), 'utf8'),
  ])
  return { post, items: JSON.parse(items) as unknown[] }
}
