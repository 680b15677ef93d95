import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { Agent } from 'undici'
import { chooseModelToken, isGitHubModels } from '../../src/enrich/token.js'
import { startLlmServer, type LlmServer } from '../support/llm-server.js'
import { enrichOn, everythingSent, fixtureDay, GITHUB_TOKEN, LLM_TOKEN } from './harness.js'

/** The workflow's token on github.com. */
const onGitHubCom = (token: string) => ({ token, apiUrl: 'https://api.github.com' })

describe('chooseModelToken', () => {
  it('takes llm-token first, for any host', () => {
    expect(chooseModelToken('http://127.0.0.1:11434/v1', ' llm ', onGitHubCom('ghs'))).toEqual({
      token: 'llm',
      source: 'llm-token',
    })
    expect(chooseModelToken('https://models.github.ai/inference', 'llm', onGitHubCom('ghs'))).toMatchObject({
      token: 'llm',
    })
  })

  it('takes the GitHub token for GitHub Models only', () => {
    expect(chooseModelToken('https://models.github.ai/inference', '', onGitHubCom('ghs'))).toEqual({
      token: 'ghs',
      source: 'token',
    })
    expect(
      chooseModelToken('https://MODELS.github.ai:443/inference/', undefined, onGitHubCom('ghs')),
    ).toMatchObject({
      token: 'ghs',
    })
  })

  it.each([
    'http://models.github.ai/inference',
    'https://models.github.ai:8443/inference',
    'https://models.github.ai.evil.test/inference',
    'https://evil.github.ai/inference',
    'https://notmodels.github.ai/inference',
    'https://github.ai/inference',
    'https://evil.test/models.github.ai',
    'https://evil.test/?https://models.github.ai',
    'https://models.github.ai@evil.test/inference',
    'https://user:pass@models.github.ai/inference',
    'https://api.openai.com/v1',
    'https://models.inference.ai.azure.com',
    'not a url',
  ])('never gives the GitHub token to %s', (url) => {
    const choice = chooseModelToken(url, undefined, onGitHubCom('ghs'))
    expect(choice.token).toBeUndefined()
    expect(isGitHubModels(url)).toBe(false)
  })

  it('keeps a GitHub Enterprise Server token on its own server, and says to set llm-token', () => {
    const choice = chooseModelToken('https://models.github.ai/inference', undefined, {
      token: 'ghs',
      apiUrl: 'https://github.example.com/api/v3',
    })
    expect(choice).toEqual({
      problem:
        'the token input is for the GitHub at https://github.example.com/api/v3, not github.com, so it is not sent to GitHub Models; set llm-token to a GitHub Models token',
    })
  })

  it('says what to do when GitHub Models has no token', () => {
    const choice = chooseModelToken('https://models.github.ai/inference', '', onGitHubCom(''))
    expect(choice).toEqual({ problem: expect.stringContaining('permissions: models: read') })
  })
})

describe('which token reaches which host', () => {
  let llm: LlmServer
  beforeEach(async () => {
    llm = await startLlmServer({ basePath: '/inference' })
  })
  afterEach(() => llm.close())
  const papers = fixtureDay().slice(0, 3)

  it('GitHub Models gets the GitHub token', async () => {
    // models.github.ai, reached on the stand-in: the client sees the real URL, the connection goes to 127.0.0.1.
    const standIn = new URL(llm.url).origin
    const dispatcher = new Agent().compose(
      (dispatch) => (options, handler) => dispatch({ ...options, origin: standIn }, handler),
    )
    const run = await enrichOn(
      llm,
      papers,
      { apiUrl: 'https://models.github.ai/inference', llmToken: undefined },
      { dispatcher },
    )
    expect(run.stats.fromModel).toBe(3)
    expect(llm.requests.map((request) => request.authorization)).toEqual([`Bearer ${GITHUB_TOKEN}`])
  })

  it('another host without llm-token gets no request at all', async () => {
    const run = await enrichOn(llm, papers, { llmToken: undefined })
    expect(llm.requests).toEqual([])
    expect(run.stats.missing).toEqual({ 'no-token': 3 })
    expect(run.log.warnings[0]).toContain('set llm-token')
    expect(run.log.warnings.join('\n')).not.toContain(GITHUB_TOKEN)
  })

  it('another host with llm-token gets that token and nothing of the GitHub one', async () => {
    await enrichOn(llm, papers)
    expect(llm.requests.map((request) => request.authorization)).toEqual([`Bearer ${LLM_TOKEN}`])
    expect(everythingSent(llm)).not.toContain(GITHUB_TOKEN)
  })

  it('a redirect is not followed, so the token stays with llm-api-url', async () => {
    const elsewhere = await startLlmServer()
    try {
      llm.inject({ status: 307, headers: { location: `${elsewhere.url}/chat/completions` } })
      const run = await enrichOn(llm, papers)
      expect(elsewhere.requests).toEqual([])
      expect(run.stats.missing).toEqual({ 'request-refused': 3 })
      expect(run.stats.problems[0]).toContain('A redirect is not followed')
    } finally {
      await elsewhere.close()
    }
  })

  it('OPENAI_* variables in the environment add nothing to the requests', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, {
      OPENAI_API_KEY: 'sk-from-env',
      OPENAI_ORG_ID: 'org-from-env',
      OPENAI_PROJECT_ID: 'proj-from-env',
      OPENAI_CUSTOM_HEADERS: 'X-Secret: from-env',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/elsewhere',
    })
    try {
      await enrichOn(llm, papers)
    } finally {
      process.env = saved
    }
    expect(llm.requests).toHaveLength(1)
    expect(everythingSent(llm)).not.toMatch(/from-env/)
    expect(llm.requests[0]!.headers['user-agent']).toBe('hf-daily-papers/test')
  })
})
