import { describe, expect, it } from '@jest/globals'
import { actionInputs, INPUT_NAMES } from '../../src/settings/inputs.js'
import { settingsOf } from './parse.js'

describe('parseSettings', () => {
  it('applies the defaults of the interface when every input is empty', () => {
    const settings = settingsOf({})
    expect(settings).toMatchObject({
      from: '2025-12-24',
      to: '2025-12-24',
      digest: 'daily',
      style: 'digest',
      language: 'en',
      timezone: 'UTC',
      postTime: { hour: 9, minute: 0 },
      title: 'Hugging Face Daily Papers - {date}',
      categories: ['Daily-Papers'],
      tags: ['huggingface', 'papers', 'daily', 'ai'],
      description: true,
      image: true,
      fields: [
        'organization',
        'hf-link',
        'arxiv-link',
        'pdf-link',
        'github',
        'project-page',
        'comments',
        'ai-summary',
        'abstract',
      ],
      topPapers: 5,
      minUpvotes: 0,
      keywords: [],
      emptyDay: 'skip',
      postsDir: '_posts',
      filename: '{date}-daily-papers-{date}.md',
      target: {
        mode: 'commit',
        github: {
          token: 'ghs_secret',
          repository: { owner: 'lim4349', repo: 'lim4349.github.io' },
          apiUrl: 'https://api.github.com',
          graphqlUrl: 'https://api.github.com/graphql',
        },
      },
      overwrite: 'changed',
      refreshDays: 7,
      commitMessage: 'Add Hugging Face Daily Papers for {date}',
      hfApiUrl: 'https://huggingface.co',
      llm: { github: { token: 'ghs_secret', apiUrl: 'https://api.github.com' } },
    })
    expect(settings.author).toBeUndefined()
    expect(settings.maxPapers).toBeUndefined()
    expect(settings.layout).toBeUndefined()
  })

  it("keeps version 1's lines and front matter for the classic style, unless asked for more", () => {
    expect(settingsOf({ style: 'classic' })).toMatchObject({
      style: 'classic',
      fields: ['organization', 'hf-link', 'arxiv-link', 'abstract'],
      description: false,
      image: false,
    })
    expect(settingsOf({ style: 'classic', description: 'true', image: ' true ' })).toMatchObject({
      description: true,
      image: true,
    })
    expect(
      settingsOf({ image: 'false', fields: 'abstract', 'top-papers': '0', layout: 'post' }),
    ).toMatchObject({
      style: 'digest',
      description: true,
      image: false,
      fields: ['abstract'],
      topPapers: 0,
      layout: 'post',
    })
  })

  it.each([
    ['ja', 'ja'],
    ['zh-CN', 'zh-CN'],
    ['zh_tw', 'zh-TW'],
    ['ZH-Hant', 'zh-TW'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-CN-x-private', 'zh-CN'],
    ['pt-br', 'pt-BR'],
    [' ru ', 'ru'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['vi-VN', 'vi'],
    ['es-ES', 'es'],
  ])('reads the language %j as %s (any case, Chirpy regional names, Chinese by script)', (raw, tag) => {
    expect(settingsOf({ language: raw }).language).toBe(tag)
  })

  it.each([
    ['en', 'daily', 'Hugging Face Daily Papers - {date}'],
    ['ko', 'weekly', 'Hugging Face Weekly Papers - {week}'],
    ['ja', 'daily', 'Hugging Face 日刊論文まとめ - {date}'],
    ['fr', 'monthly', 'Articles du mois sur Hugging Face - {month}'],
    ['zh-TW', 'weekly', 'Hugging Face 每週論文 - {week}'],
  ])('titles a %s %s post without a title in its language', (language, digest, title) => {
    expect(settingsOf({ language, digest }).title).toBe(title)
    expect(settingsOf({ language, digest, title: 'Mine - {date}' }).title).toBe('Mine - {date}')
  })

  it('parses the inputs of the reference post', () => {
    const settings = settingsOf({
      date: '2025-12-24',
      language: 'ko',
      timezone: 'Asia/Seoul',
      'post-time': '09:15',
      categories: 'Daily Papers, 일간',
      tags: 'huggingface\npapers\ndaily\nai\n',
      author: 'lim4349',
      'posts-dir': './_posts/',
    })
    expect(settings).toMatchObject({
      language: 'ko',
      timezone: 'Asia/Seoul',
      postTime: { hour: 9, minute: 15 },
      categories: ['Daily Papers', '일간'],
      tags: ['huggingface', 'papers', 'daily', 'ai'],
      author: 'lim4349',
      postsDir: '_posts',
    })
  })
})

describe('actionInputs', () => {
  it('reads INPUT_<NAME> as the runner sets it, and an unset input as not given', () => {
    const inputs = actionInputs({
      INPUT_DATE: '2025-12-24',
      'INPUT_POSTS-DIR': ' _posts/papers ',
      INPUT_TOKEN: '',
    })
    expect(inputs.date).toBe('2025-12-24')
    expect(inputs['posts-dir']).toBe(' _posts/papers ')
    expect(inputs.token).toBe('')
    expect(inputs.language).toBe('')
    expect(Object.keys(inputs)).toEqual(INPUT_NAMES)
  })
})

describe('values a person may type with a space or too many digits', () => {
  it('reads a choice with spaces around it', () => {
    expect(settingsOf({ mode: ' dry-run ', style: 'classic ' })).toMatchObject({ style: 'classic' })
    expect(settingsOf({ mode: ' dry-run ' }).target.mode).toBe('dry-run')
  })

  it('refuses a whole number past what it can count exactly', () => {
    expect(() => settingsOf({ 'min-upvotes': '99999999999999999999999' })).toThrow(
      /"min-upvotes": "99999999999999999999999" is not a whole number ≥ 0/,
    )
  })
})
