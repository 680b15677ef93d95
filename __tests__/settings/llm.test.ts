import { describe, expect, it } from '@jest/globals'
import { cliSecrets } from '../../src/settings/inputs.js'
import { problemsOf, settingsOf } from './parse.js'

/** The llm-* inputs: what they accept, and how a bad one is refused. */
describe('the llm inputs', () => {
  it('default to GitHub Models, a small model, no token of their own and 10 model requests a run', () => {
    expect(settingsOf({}).llm).toEqual({
      apiUrl: 'https://models.github.ai/inference',
      model: 'openai/gpt-4.1-mini',
      token: undefined,
      maxCalls: 10,
      github: { token: 'ghs_secret', apiUrl: 'https://api.github.com' },
    })
  })

  it('take another OpenAI-compatible server, its model and token, and any ceiling from 0', () => {
    expect(
      settingsOf({
        'llm-api-url': 'http://localhost:11434/v1/',
        'llm-model': ' qwen2.5:7b-instruct ',
        'llm-token': ' sk-local\n',
        'llm-max-calls': '0',
        fields: 'llm-summary, llm-title',
      }),
    ).toMatchObject({
      llm: {
        apiUrl: 'http://localhost:11434/v1',
        model: 'qwen2.5:7b-instruct',
        token: 'sk-local',
        maxCalls: 0,
      },
      fields: ['llm-summary', 'llm-title'],
    })
  })

  it.each([
    [
      'llm-api-url',
      'ftp://models.example',
      /^Input "llm-api-url": "ftp:\/\/models.example" is not an http\(s\) URL/,
    ],
    [
      'llm-api-url',
      'https://user:sk-hunter2@models.example/v1',
      /^Input "llm-api-url": is a URL with a user name or password in it; give the URL without them$/,
    ],
    [
      'llm-api-url',
      'https://models.example/v1?key=sk-hunter2',
      /^Input "llm-api-url": "https:\/\/models.example\/v1\?…" has a query or fragment; give the base URL the API's paths go under, e\.g\. https:\/\/models\.github\.ai\/inference/,
    ],
    [
      'llm-model',
      'gpt 4o',
      /^Input "llm-model": "gpt 4o" is not a model name; give the host's model id, visible ASCII characters without spaces \(at most 200\), e\.g\. openai\/gpt-4\.1-mini$/,
    ],
    ['llm-model', 'モデル', /^Input "llm-model": "モデル" is not a model name/],
    ['llm-model', 'm'.repeat(201), /^Input "llm-model": "m{80}…" is not a model name/],
    ['llm-max-calls', '-1', /^Input "llm-max-calls": "-1" is not a whole number ≥ 0$/],
    ['llm-max-calls', '2.5', /^Input "llm-max-calls": "2.5" is not a whole number ≥ 0$/],
    ['llm-max-calls', 'ten', /^Input "llm-max-calls": "ten" is not a whole number ≥ 0$/],
  ])('refuses %s %j, saying what is accepted', (name, value, message) => {
    const problems = problemsOf({ [name]: value })
    expect(problems).toEqual([expect.stringMatching(message)])
    expect(problems.join('\n')).not.toContain('hunter2')
  })

  it('never quotes llm-token, even when refusing it', () => {
    const problems = problemsOf({ 'llm-token': 'sk-topsecret\nmore' })
    expect(problems).toEqual([
      expect.stringMatching(/^Input "llm-token": contains a character that cannot be sent/),
    ])
    expect(problems.join('\n')).not.toMatch(/topsecret|more/)
  })

  it('list llm-summary and llm-title among the fields, and nothing else new', () => {
    expect(problemsOf({ fields: 'llm-summary, llm-titles' })).toEqual([
      expect.stringMatching(
        /^Input "fields": "llm-titles" is not a field; use any of: .*ai-summary, llm-summary, llm-title, authors/,
      ),
    ])
  })
})

describe('the CLI', () => {
  it('takes LLM_TOKEN from its environment as a secret to redact', () => {
    expect(cliSecrets({ 'llm-token': 'sk-flag' }, { GITHUB_TOKEN: 'ghp_env', LLM_TOKEN: 'sk-env' })).toEqual([
      'sk-flag',
      'ghp_env',
      'sk-env',
    ])
  })
})
