import { describe, expect, it } from '@jest/globals'
import type { Paper } from '../../src/core/paper.js'
import { countKeywords, countTopics, singular, topicKey } from '../../src/digest/topics.js'

const paper = (aiKeywords: string[]): Paper => ({
  id: '2501.00001',
  title: 'T',
  summary: '',
  upvotes: 1,
  authors: [],
  aiKeywords,
})

describe('topicKey', () => {
  it('merges the spellings Hugging Face uses for one topic', () => {
    const merged = [
      'LLM',
      'LLMs',
      'large language model',
      'large language models',
      'Large Language Models',
      'large language models (LLMs)',
    ].map(topicKey)
    expect(new Set(merged)).toEqual(new Set(['large language model']))
    expect(new Set(['VLMs', 'vision-language models', 'Vision-Language Model'].map(topicKey))).toEqual(
      new Set(['vision language model']),
    )
    expect(new Set(['RL', 'reinforcement learning', 'Reinforcement Learning'].map(topicKey))).toEqual(
      new Set(['reinforcement learning']),
    )
    expect(new Set(['MLLMs', 'multimodal large language models'].map(topicKey))).toEqual(
      new Set(['multimodal large language model']),
    )
  })

  it('keeps topics that only share words apart', () => {
    expect(topicKey('supervised fine-tuning')).not.toBe(topicKey('fine-tuning'))
    expect(topicKey('multimodal large language models')).not.toBe(topicKey('large language models'))
  })
})

describe('singular', () => {
  it.each([
    ['models', 'model'],
    ['benchmarks', 'benchmark'],
    ['llms', 'llm'],
    ['strategies', 'strategy'],
    ['approaches', 'approach'],
    ['processes', 'process'],
    ['process', 'process'],
    ['corpus', 'corpus'],
    ['analysis', 'analysis'],
    ['physics', 'physics'],
    ['gas', 'gas'],
    ['reasoning', 'reasoning'],
  ])('%s → %s', (word, expected) => {
    expect(singular(word)).toBe(expected)
  })
})

describe('countTopics', () => {
  it('counts each topic once per paper under the spelling most papers use, most shared first', () => {
    const papers = [
      paper(['LLMs', 'large language models', 'agents']),
      paper(['Large Language Models', 'reinforcement learning']),
      paper(['RL', 'agent', 'large language models']),
    ]
    expect(countTopics(papers)).toEqual([
      { label: 'large language models', count: 3 },
      { label: 'agents', count: 2 },
      { label: 'reinforcement learning', count: 2 },
    ])
  })

  it('counts no keyword longer than a topic is: it would fill the TL;DR on its own', () => {
    const long = 'x '.repeat(41).trim()
    const papers = [paper([long, 'agents']), paper([long, 'agents'])]
    expect(countTopics(papers)).toEqual([{ label: 'agents', count: 2 }])
    expect(countKeywords(papers)).toEqual([{ label: 'agents', count: 2 }])
    expect(countTopics([paper(['y'.repeat(80)])])).toEqual([{ label: 'y'.repeat(80), count: 1 }])
  })

  it("counts as version 1 did with the classic style's key: case alone is ignored", () => {
    const papers = [paper(['LLMs', 'large language models']), paper(['Large Language Models'])]
    expect(countKeywords(papers)).toEqual([
      { label: 'large language models', count: 2 },
      { label: 'LLMs', count: 1 },
    ])
  })
})
