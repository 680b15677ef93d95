import type { Paper } from '../core/paper.js'
import { cleanText } from './text.js'

/** An AI keyword as a post shows it, with the number of papers that share it. */
export interface Topic {
  label: string
  count: number
}

/**
 * Acronyms and short forms Hugging Face's `ai_keywords` use beside the long form, each mapped to the
 * long form's key (lower case, hyphens as spaces, the last word singular): "LLMs", "large language
 * models" and "Large Language Models (LLMs)" are one topic.
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  llm: 'large language model',
  lm: 'language model',
  mllm: 'multimodal large language model',
  'multimodal llm': 'multimodal large language model',
  vlm: 'vision language model',
  lvlm: 'large vision language model',
  vla: 'vision language action model',
  rl: 'reinforcement learning',
  rlhf: 'reinforcement learning from human feedback',
  rlvr: 'reinforcement learning with verifiable reward',
  sft: 'supervised fine tuning',
  cot: 'chain of thought',
  rag: 'retrieval augmented generation',
  dpo: 'direct preference optimization',
  grpo: 'group relative policy optimization',
  moe: 'mixture of expert',
  nerf: 'neural radiance field',
  vqa: 'visual question answering',
  '3dgs': '3d gaussian splatting',
}

/** Real keywords are a few words; a longer one would fill a TL;DR or a list of topics on its own. */
const MAX_KEYWORD_LENGTH = 80

/** Endings that look plural but are not: "process", "corpus", "analysis", "physics". */
const NOT_PLURAL = /(?:ss|us|is|ics)$/

/** One lower-case English word in the singular, acronyms included ("llms" → "llm"). */
export function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.test(word) || !word.endsWith('s')) return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2)
  return word.slice(0, -1)
}

/**
 * A keyword's topic, from its spelling as cleanText leaves it: case, hyphens and a trailing "(acronym)"
 * ignored, the last word singular, the synonyms above merged.
 */
export function topicKey(spelling: string): string {
  const words = spelling
    .toLowerCase()
    .replace(/\s*\([^()]*\)$/, '')
    .split(/[-‐‑–_/ ]+/)
    .filter((word) => word !== '')
  words.push(singular(words.pop() ?? ''))
  const key = words.join(' ')
  return SYNONYMS[key] ?? key
}

/**
 * The papers' AI keywords, each counted once per paper, most shared first (ties as first seen, so that
 * every run lists them alike), each under the spelling most papers use.
 */
export function countTopics(papers: readonly Paper[]): Topic[] {
  return tally(papers, topicKey, (spellings) => [...spellings].reduce((a, b) => (b[1] > a[1] ? b : a))[0])
}

/** Version 1's keyword list (the classic style's): only the case ignored, under the first spelling. */
export function countKeywords(papers: readonly Paper[]): Topic[] {
  return tally(
    papers,
    (spelling) => spelling.toLowerCase(),
    (spellings) => spellings.keys().next().value ?? '',
  )
}

function tally(
  papers: readonly Paper[],
  key: (spelling: string) => string,
  label: (spellings: Map<string, number>) => string,
): Topic[] {
  const counts = new Map<string, { spellings: Map<string, number>; count: number }>()
  for (const paper of papers) {
    const seen = new Set<string>()
    for (const keyword of paper.aiKeywords) {
      const spelling = cleanText(keyword)
      const topic = key(spelling)
      if (topic === '' || spelling.length > MAX_KEYWORD_LENGTH) continue
      const entry = counts.get(topic) ?? { spellings: new Map<string, number>(), count: 0 }
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1)
      counts.set(topic, entry)
      if (!seen.has(topic)) entry.count++
      seen.add(topic)
    }
  }
  return [...counts.values()]
    .map(({ spellings, count }) => ({ label: label(spellings), count }))
    .sort((a, b) => b.count - a.count)
}
