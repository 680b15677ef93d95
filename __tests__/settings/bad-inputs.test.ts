import { describe, expect, it } from '@jest/globals'
import type { RawInputs } from '../../src/settings/inputs.js'
import { problemsOfRefused } from './parse.js'

describe('parseSettings', () => {
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
    [
      'hf-api-url',
      { 'hf-api-url': 'https://hf.example/?x=1' },
      /"hf-api-url": "https:\/\/hf.example\/\?…" has a query or fragment; give the base URL the API's paths go under, e\.g\. https:\/\/huggingface\.co$/,
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
    const problems = problemsOfRefused(raw)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  it('reports every bad input at once', () => {
    const problems = problemsOfRefused({ date: 'someday', language: 'tlh', fields: 'nope', mode: 'push' })
    expect(problems.map((problem) => /^Input "([\w-]+)"/.exec(problem)?.[1])).toEqual([
      'date',
      'language',
      'fields',
      'mode',
    ])
  })

  it('never echoes a token', () => {
    const problems = problemsOfRefused({ token: 'ghp_topsecret', mode: 'bogus', 'hf-token': 'hf_topsecret' })
    expect(problems.join('\n')).not.toMatch(/topsecret/)
  })
})
