import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { access, mkdtemp, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REFERENCE_INPUTS, SEED_FIELDS, SEED_POST as POST } from '../support/reference-day.js'
import { runAction } from '../support/run-action.js'
import { GITHUB_TOKEN, LLM_TOKEN, startStandIns } from './llm-stand-ins.js'

/**
 * Which token the bundled action (dist/index.js; `npm run bundle` first) sends to which host: llm-token
 * to llm-api-url; the workflow's GitHub token to GitHub Models only, over HTTPS on its own host, from a
 * github.com run; to nothing else, ever. GitHub Models cannot be reached from here: a local proxy
 * records where requests would go and refuses them.
 */
const { hf, llm, seedPost } = startStandIns()

/** A forward proxy that records the hosts asked for and refuses them all: nothing leaves the machine. */
async function startRefusingProxy(): Promise<{ url: string; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = []
  const server: Server = createServer((req, res) => {
    connects.push(`${req.method} ${req.url}`)
    res.writeHead(403).end()
  })
  server.on('connect', (req, socket) => {
    connects.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () => new Promise((closed) => server.close(() => closed())),
  }
}

describe('which token reaches which host', () => {
  const seedRun = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    mkdtemp(join(tmpdir(), 'workspace-')).then((workspace) =>
      runAction({
        inputs: {
          ...REFERENCE_INPUTS,
          fields: `${SEED_FIELDS}, llm-summary`,
          mode: 'files',
          'hf-api-url': hf().url,
          ...inputs,
        },
        env,
        githubToken: GITHUB_TOKEN,
        workspace,
      }).then(async (run) => ({ run, post: await readFile(join(workspace, POST), 'utf8') })),
    )

  it('sends the host its own llm-token, and never the GitHub token', async () => {
    const { run } = await seedRun({ 'llm-api-url': llm().url, 'llm-token': LLM_TOKEN })
    expect(run.exitCode).toBe(0)
    expect(llm().requests.length).toBeGreaterThan(0)
    for (const request of llm().requests) {
      expect(request.authorization).toBe(`Bearer ${LLM_TOKEN}`)
      expect(JSON.stringify([request.headers, request.body])).not.toContain(GITHUB_TOKEN)
    }
  })

  it('writes nothing of an answer that echoes llm-token, and asks that host nothing more', async () => {
    llm().inject('echo-token')
    const { run, post } = await seedRun({ 'llm-api-url': llm().url, 'llm-token': LLM_TOKEN, style: 'digest' })
    expect(run.exitCode).toBe(0)
    // The summaries' answer echoed the token: the day's TL;DR is not asked for after it.
    expect(llm().requests).toHaveLength(1)
    const pieces = Array.from({ length: LLM_TOKEN.length - 7 }, (_, start) =>
      LLM_TOKEN.slice(start, start + 8),
    )
    // The runner is told the tokens (`::add-mask::`) so that it hides them in the log.
    const log = run.stdout.replace(/^::add-mask::.*$/gm, '')
    const shown = `${post}${log}${run.summary}`.replace(/\u200b/g, '')
    expect(pieces.filter((piece) => shown.includes(piece))).toEqual([])
    await expect(access(join(run.workspace, '.hf-daily-papers/summaries'))).rejects.toThrow()
    expect(run.stdout).toContain('the answer holds a piece of the token sent with the request (llm-token)')
    expect(run.summary).toContain(
      '5 of 5 papers have no model summary: 5 the model host&#39;s answer held a piece of its token',
    )
  })

  it('asks another host nothing without llm-token: the GitHub token stays with GitHub', async () => {
    const { run, post } = await seedRun({ 'llm-api-url': llm().url })
    expect(run.exitCode).toBe(0)
    expect(llm().requests).toEqual([])
    // No paper has a summary of any kind: the post is the seed post.
    expect(post).toBe(seedPost())
    expect(run.stdout).toContain(
      '::warning::Model summaries: skipped: llm-api-url is not GitHub Models (https://models.github.ai), so the GitHub token is not sent there; set llm-token to that host',
    )
    expect(run.summary).toContain('5 of 5 papers have no model summary: 5 no token for the model host')
  })

  describe('GitHub Models, which this machine cannot reach (a proxy records where requests would go)', () => {
    let proxy: Awaited<ReturnType<typeof startRefusingProxy>>
    beforeAll(async () => {
      proxy = await startRefusingProxy()
    })
    afterAll(async () => {
      await proxy.close()
    })
    /**
     * `seedRun` behind the proxy, its record emptied first. No NO_PROXY: the stand-ins on 127.0.0.1 are
     * reached straight because the action never sends this machine's own addresses through a proxy.
     */
    const runThroughProxy = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
      proxy.connects.length = 0
      return seedRun(inputs, {
        NODE_USE_ENV_PROXY: '1',
        HTTPS_PROXY: proxy.url,
        HTTP_PROXY: proxy.url,
        ...env,
      })
    }

    it('gets the workflow token from a github.com run, and only over HTTPS to models.github.ai', async () => {
      // The default llm-api-url, and GitHub's default API (github.com): files mode makes no GitHub request.
      const { run } = await runThroughProxy({})
      expect(run.exitCode).toBe(0)
      // The client retries a refused connection: each attempt asks for the same host.
      expect(proxy.connects.length).toBeGreaterThan(0)
      expect(new Set(proxy.connects)).toEqual(new Set(['CONNECT models.github.ai:443']))
      expect(run.stdout).toMatch(
        /^::warning::Model summaries: POST https:\/\/models\.github\.ai\/inference\/chat\/completions: could not reach the model host/m,
      )
    })

    it.each([
      ['a look-alike host', 'https://models.github.ai.example.com/inference'],
      ['plain HTTP', 'http://models.github.ai/inference'],
      ['another port', 'https://models.github.ai:8443/inference'],
    ])('is not used for %s: nothing is sent anywhere', async (_, url) => {
      const { run, post } = await runThroughProxy({ 'llm-api-url': url })
      expect(run.exitCode).toBe(0)
      expect(proxy.connects).toEqual([])
      expect(post).toBe(seedPost())
    })

    it('is not sent from a GitHub Enterprise Server run, whose token belongs to its own server', async () => {
      const { run } = await runThroughProxy({}, { GITHUB_API_URL: 'https://github.example.com/api/v3' })
      expect(run.exitCode).toBe(0)
      expect(proxy.connects).toEqual([])
      // One warning, which says what to do: not a second one asking for the workflow's token.
      expect(run.stdout.split('\n').filter((line) => line.includes('GitHub Models'))).toEqual([
        '::warning::Model summaries: skipped: the token input is for the GitHub at https://github.example.com/api/v3, not github.com, so it is not sent to GitHub Models; set llm-token to a GitHub Models token',
      ])
    })
  })
})
