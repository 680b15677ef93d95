import { describe, expect, it } from '@jest/globals'
import { actionInputs, INPUT_NAMES, type RawInputs } from '../../src/settings/inputs.js'
import type { Environment } from '../../src/settings/environment.js'
import { parseSettings } from '../../src/settings/settings.js'
import { environment, problemsOf as settingsProblems, settingsOf } from './parse.js'

/** The problems of inputs that must be refused. */
function problemsOf(raw: RawInputs, env: Environment = environment): string[] {
  const problems = settingsProblems(raw, env)
  if (problems.length === 0) throw new Error('expected a SettingsError')
  return problems
}

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

  it('resolves today, yesterday and ranges as UTC days', () => {
    expect(settingsOf({ date: 'today' })).toMatchObject({
      from: '2025-12-25',
      to: '2025-12-25',
    })
    expect(settingsOf({ date: '2025-11-28..yesterday' })).toMatchObject({
      from: '2025-11-28',
      to: '2025-12-24',
    })
  })

  it('honours GitHub Enterprise URLs from the environment', () => {
    const enterprise = {
      ...environment,
      githubApiUrl: 'https://ghe.example/api/v3/',
      githubGraphqlUrl: 'https://ghe.example/api/graphql',
    }
    const settings = settingsOf({}, enterprise)
    expect(settings.llm.github.apiUrl).toBe('https://ghe.example/api/v3')
    expect(settings.target).toMatchObject({
      github: { apiUrl: 'https://ghe.example/api/v3', graphqlUrl: 'https://ghe.example/api/graphql' },
    })
  })

  it.each<[string, RawInputs, RegExp]>([
    ['date', { date: '2025-13-01' }, /"date": "2025-13-01" is not a date; use today, yesterday, YYYY-MM-DD/],
    ['date', { date: 'tomorrow' }, /"date": "tomorrow" is not a date/],
    ['date', { date: '2025-12-20..' }, /"date": "" in "2025-12-20\.\." is not a date; use today/],
    ['date', { date: '2025-12-26' }, /"date": 2025-12-26 is after today \(2025-12-25/],
    ['date', { date: '2025-12-20..2025-12-01' }, /"date": .* ends before it starts/],
    ['date', { date: '2020-01-01..2025-01-01' }, /"date": .* spans more than 1098 days/],
    [
      'digest',
      { digest: 'hourly' },
      /"digest": "hourly" is not accepted; use one of: daily, weekly, monthly/,
    ],
    [
      'language',
      { language: 'tlh' },
      /"language": "tlh" is not accepted; use one of: en, ko, ja, zh-CN, zh-TW, es, fr, de, pt-BR, ru, vi$/,
    ],
    [
      'language',
      { language: 'zh' },
      /"language": "zh" does not say which Chinese: use zh-CN \(Simplified.*\) or zh-TW \(Traditional/,
    ],
    [
      'language',
      { language: 'pt' },
      /"language": "pt" is not accepted: posts are written in Brazilian Portuguese; use pt-BR/,
    ],
    ['language', { language: 'pt-PT' }, /"language": "pt-PT" is not accepted: .* use pt-BR/],
    [
      'language',
      { language: 'zh-HK' },
      /"language": "zh-HK" is neither Chinese the posts are written in: use zh-CN/,
    ],
    ['style', { style: 'compact' }, /"style": "compact" is not accepted; use one of: digest, classic/],
    ['image', { image: 'yes' }, /"image": "yes" is not accepted; use true or false, or leave it empty/],
    ['description', { description: 'off' }, /"description": "off" is not accepted; use true or false/],
    [
      'layout',
      { layout: '{{ page }}' },
      /"layout": "\{\{ page \}\}" is not a layout name; use the name of a file in the site's _layouts/,
    ],
    ['top-papers', { 'top-papers': '101' }, /"top-papers": "101" is not a whole number from 0 to 100/],
    ['timezone', { timezone: 'Mars/Olympus' }, /"timezone": "Mars\/Olympus" is not an IANA time zone/],
    ['post-time', { 'post-time': '25:00' }, /"post-time": "25:00" is not a time; use HH:MM/],
    [
      'title',
      { title: 'Papers {day}' },
      /"title": "Papers \{day\}" names \{day\}; a template knows \{date\}/,
    ],
    [
      'title',
      { title: 'Papers {{date}}' },
      /"title": "Papers \{\{date\}\}" writes "\{\{date\}\}", which is no placeholder: write it in single braces without spaces \(a template knows \{date\}/,
    ],
    [
      'permalink',
      { permalink: '/p/{ date }/' },
      /"permalink": "\/p\/\{ date \}\/" writes "\{ date \}", which is no placeholder/,
    ],
    ['fields', { fields: 'abstract, votes' }, /"fields": "votes" is not a field; use any of: organization/],
    ['max-papers', { 'max-papers': '0' }, /"max-papers": "0" is not a whole number ≥ 1/],
    ['min-upvotes', { 'min-upvotes': '-1' }, /"min-upvotes": "-1" is not a whole number ≥ 0/],
    [
      'empty-day',
      { 'empty-day': 'ignore' },
      /"empty-day": "ignore" is not accepted; use one of: skip, post, fail/,
    ],
    [
      'repository',
      { repository: 'just-a-name' },
      /"repository": "just-a-name" is not a repository; use owner\/name/,
    ],
    ['branch', { branch: 'bad..name' }, /"branch": "bad..name" is not a valid branch name/],
    [
      'posts-dir',
      { 'posts-dir': '../outside' },
      /"posts-dir": "..\/outside" must be a folder below the repository root/,
    ],
    ['posts-dir', { 'posts-dir': '/etc' }, /"posts-dir": "\/etc" must be a folder below the repository root/],
    ['posts-dir', { 'posts-dir': './' }, /"posts-dir": ".\/" must be a folder below the repository root/],
    [
      'data-dir',
      { 'data-dir': '_data/../../x' },
      /"data-dir": .* must be a folder below the repository root/,
    ],
    ['filename', { filename: 'posts/{date}.md' }, /"filename": .* must be a file name .*, without folders/],
    ['filename', { filename: '{date}.txt' }, /"filename": .* ending in .md or .markdown/],
    [
      'mode',
      { mode: 'push' },
      /"mode": "push" is not accepted; use one of: commit, pull-request, files, dry-run/,
    ],
    [
      'overwrite',
      { overwrite: 'sometimes' },
      /"overwrite": "sometimes" is not accepted; use one of: changed, always, never/,
    ],
    [
      'hf-api-url',
      { 'hf-api-url': 'ftp://example.com' },
      /"hf-api-url": "ftp:\/\/example.com" is not an http\(s\) URL/,
    ],
    ['token', { token: '' }, /"token": is empty, but mode "commit" needs a GitHub token.*contents: write/],
    [
      'token',
      { token: '', mode: 'pull-request' },
      /"token": is empty, but mode "pull-request" needs a GitHub token/,
    ],
    [
      'dispatch-workflow',
      { 'dispatch-workflow': 'deploy pages' },
      /"dispatch-workflow": "deploy pages" is not a workflow file; give the file name of a workflow in .github\/workflows/,
    ],
  ])('rejects a bad %s with a message naming it', (_name, raw, message) => {
    const problems = problemsOf(raw)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  it('reports every bad input at once', () => {
    const problems = problemsOf({ date: 'someday', language: 'tlh', fields: 'nope', mode: 'push' })
    expect(problems.map((problem) => /^Input "([\w-]+)"/.exec(problem)?.[1])).toEqual([
      'date',
      'language',
      'fields',
      'mode',
    ])
  })

  it('needs a repository to commit to', () => {
    expect(problemsOf({}, { ...environment, repository: undefined })).toEqual([
      expect.stringMatching(/"repository": is empty and GITHUB_REPOSITORY is not set/),
    ])
  })

  it('knows another repository, the pull-request branch and the workflow to dispatch', () => {
    const settings = settingsOf({
      repository: 'someone/blog',
      mode: 'pull-request',
      date: '2025-11-01..2025-11-30',
      'dispatch-workflow': '.github/workflows/pages-deploy.yml',
    })
    expect(settings.target).toEqual({
      mode: 'pull-request',
      github: expect.objectContaining({
        repository: { owner: 'someone', repo: 'blog' },
        otherRepository: true,
      }),
      workBranch: 'daily-papers/2025-11-01_2025-11-30',
    })
    expect(settingsOf({ 'dispatch-workflow': '.github/workflows/pages-deploy.yml' }).target).toMatchObject({
      mode: 'commit',
      github: { otherRepository: false },
      dispatchWorkflow: 'pages-deploy.yml',
    })
    expect(settingsOf({ mode: 'pull-request' }).target).toMatchObject({
      workBranch: 'daily-papers/2025-12-24',
    })
    // A period's own branch, the same all through a running week or month, never its first day's.
    expect(settingsOf({ mode: 'pull-request', digest: 'weekly' }).target).toMatchObject({
      workBranch: 'weekly-papers/2025-W52',
    })
    expect(settingsOf({ mode: 'pull-request', digest: 'monthly', date: '2025-11-03' }).target).toMatchObject({
      workBranch: 'monthly-papers/2025-11',
    })
  })

  it('turns a date into its ISO week or month, up to today, with the period defaults', () => {
    expect(settingsOf({ digest: 'weekly', date: '2025-11-26' })).toMatchObject({
      from: '2025-11-24',
      to: '2025-11-30',
      title: 'Hugging Face Weekly Papers - {week}',
      filename: '{date}-weekly-papers-{week}.md',
      categories: ['Weekly-Papers'],
      tags: ['huggingface', 'papers', 'weekly', 'ai'],
      maxPapers: 20,
    })
    expect(settingsOf({ digest: 'monthly', date: 'yesterday', 'max-papers': '7' })).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-25',
      title: 'Hugging Face Monthly Papers - {month}',
      filename: '{date}-monthly-papers-{month}.md',
      categories: ['Monthly-Papers'],
      tags: ['huggingface', 'papers', 'monthly', 'ai'],
      maxPapers: 7,
    })
    expect(problemsOf({ digest: 'weekly', date: '2025-11-01..2025-11-30' })).toEqual([
      expect.stringMatching(
        /^Input "date": a weekly digest takes one day and covers the ISO week that contains it/,
      ),
    ])
  })

  it('does not need a token or a repository to write files', () => {
    expect(() =>
      parseSettings({ mode: 'files', token: '' }, { ...environment, repository: undefined }),
    ).not.toThrow()
  })

  it.each(['UTC', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Pacific', 'Etc/GMT-9', 'asia/seoul'])(
    'accepts the time zone %s, canonical name or alias',
    (timezone) => {
      expect(settingsOf({ timezone }).timezone).toBe(timezone)
    },
  )

  it('never echoes a token', () => {
    const problems = problemsOf({ token: 'ghp_topsecret', mode: 'bogus', 'hf-token': 'hf_topsecret' })
    expect(problems.join('\n')).not.toMatch(/topsecret/)
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
