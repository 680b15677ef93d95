import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import { Agent, fetch as undiciFetch } from 'undici'
import { changes, expectOperations, publisherFor, standIn } from './github-stand-in.js'

/**
 * Every GitHub request is bounded: a time limit per attempt that covers the body, a few logged
 * retries within a limit per request, a ceiling on announced rate-limit waits; and nothing GitHub
 * answers brings the token into a message.
 */
const SHORT = { attemptTimeoutMs: 200, requestDeadlineMs: 1_000, baseDelayMs: 10 }

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as { port: number }
  await new Promise((closed) => server.close(closed))
  return port
}

async function elapsed<T>(work: Promise<T>): Promise<number> {
  const started = performance.now()
  await work.catch(() => undefined)
  return performance.now() - started
}

describe('GitHub request time limits', () => {
  it('gives up on a GitHub that never answers within the limit per request, naming the URL and the limits', async () => {
    const server = await standIn()
    for (let attempt = 0; attempt < 3; attempt++) server.stallNext({ kind: 'silent' })
    const { publisher, log } = publisherFor(server, { requestLimits: SHORT })
    const failure = publisher.publish(changes('# Post\n'))
    const expected = `POST ${server.graphqlUrl}: no complete answer within 0.2 s (gave up after 3 attempts). GitHub may be having trouble (https://www.githubstatus.com): run it again later`
    expect(await elapsed(failure)).toBeLessThan(2_000)
    await expect(failure).rejects.toThrow(expected)
    expect(log.lines.filter((line) => line.includes('trying again'))).toEqual([
      `POST ${server.graphqlUrl}: no complete answer within 0.2 s; trying again in 0.008 s (attempt 2 of 3)`,
      `POST ${server.graphqlUrl}: no complete answer within 0.2 s; trying again in 0.015 s (attempt 3 of 3)`,
    ])
    expect(await server.git.log('main')).toEqual(['Initial commit'])
  })

  it('bounds the body too: headers at once, then a byte every 20 ms', async () => {
    const server = await standIn()
    for (let attempt = 0; attempt < 3; attempt++) server.stallNext({ kind: 'trickle', intervalMs: 20 })
    const { publisher } = publisherFor(server, { requestLimits: SHORT })
    const failure = publisher.publish(changes('# Post\n'))
    expect(await elapsed(failure)).toBeLessThan(2_000)
    await expect(failure).rejects.toThrow(`POST ${server.graphqlUrl}: no complete answer within 0.2 s`)
  })

  it('stops at the limit per request even when attempts are left', async () => {
    const server = await standIn()
    for (let attempt = 0; attempt < 3; attempt++) server.stallNext({ kind: 'silent' })
    const { publisher } = publisherFor(server, {
      requestLimits: { attemptTimeoutMs: 300, requestDeadlineMs: 400, baseDelayMs: 10 },
    })
    const failure = publisher.publish(changes('# Post\n'))
    expect(await elapsed(failure)).toBeLessThan(1_500)
    await expect(failure).rejects.toThrow(
      `POST ${server.graphqlUrl}: no complete answer before the limit of 0.4 s per request ran out (gave up after 2 attempts)`,
    )
  })

  it('tries a silent attempt again, says so, and commits', async () => {
    const server = await standIn()
    server.stallNext({ kind: 'silent' })
    // Long enough for the stand-in's first GraphQL answer, which validates against GitHub's whole schema.
    const limits = { attemptTimeoutMs: 1_500, requestDeadlineMs: 10_000, baseDelayMs: 10 }
    const { publisher, log } = publisherFor(server, { requestLimits: limits })
    expect((await publisher.publish(changes('# Post\n'))).commitSha).toBe(await server.git.head('main'))
    expect(log.lines).toContain(
      `POST ${server.graphqlUrl}: no complete answer within 1.5 s; trying again in 0.008 s (attempt 2 of 3)`,
    )
  })

  it('refuses an answer larger than the byte ceiling, without retrying it', async () => {
    const server = await standIn()
    server.failNext({ status: 200, body: { data: { padding: 'x'.repeat(5_000) } } })
    const { publisher } = publisherFor(server, { requestLimits: { maxBodyBytes: 4_096 } })
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      `POST ${server.graphqlUrl}: GitHub's answer is larger than 4096 bytes. `,
    )
    expect(server.requests).toHaveLength(1)
  })
})

describe('an unreachable GitHub', () => {
  it('is reported as unreachable, naming the URL, after three quick attempts that the log shows', async () => {
    const server = await standIn()
    const port = await closedPort()
    const graphqlUrl = `http://127.0.0.1:${port}/graphql`
    const { publisher, log, sleeps } = publisherFor(server, { graphqlUrl })
    const failure = publisher.publish(changes('# Post\n'))
    await expect(failure).rejects.toThrow(
      `POST ${graphqlUrl}: could not reach GitHub: connect ECONNREFUSED 127.0.0.1:${port} (gave up after 3 attempts). Check GITHUB_API_URL and GITHUB_GRAPHQL_URL, and that the runner can reach GitHub`,
    )
    await expect(failure).rejects.not.toThrow(/\(500\)/)
    expect(sleeps).toEqual([750, 1500])
    expect(log.lines).toContain(
      `POST ${graphqlUrl}: could not reach GitHub: connect ECONNREFUSED 127.0.0.1:${port}; trying again in 0.75 s (attempt 2 of 3)`,
    )
  })

  it('names a host name that does not resolve', async () => {
    const server = await standIn()
    // A resolver that knows no names: the lookup a runner without DNS for the host would make.
    const dispatcher = new Agent({
      connect: {
        lookup: (hostname, _options, callback) =>
          callback(
            Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
            '',
            0,
          ),
      },
    })
    const transport = ((url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher })) as unknown as typeof fetch
    const { publisher } = publisherFor(server, { graphqlUrl: 'http://github.invalid/graphql', transport })
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      'POST http://github.invalid/graphql: could not reach GitHub: getaddrinfo ENOTFOUND github.invalid (gave up after 3 attempts). Check GITHUB_API_URL',
    )
    await dispatcher.close()
  })
})

describe('announced waits', () => {
  const inAnHour = () => String(Math.floor(Date.now() / 1000) + 3600)

  it('fails at once when GitHub announces an hour for a used-up rate limit, saying until when', async () => {
    const server = await standIn()
    server.failNext({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour() },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    })
    const { publisher, log } = publisherFor(server)
    const failure = publisher.publish(changes('# Post\n'))
    await expect(failure).rejects.toThrow(
      /^GitHub refused a request for lim4349\/lim4349.github.io \(GitHub: "API rate limit exceeded for installation ID 1."\)\. GitHub's rate limit is reached: GitHub asks to wait 3[56]\d\d s, until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, and the action waits at most 60 s, 2 times per request: run it again after /,
    )
    await expect(failure).rejects.not.toThrow(/may not write|permissions/)
    expectOperations(server, '/graphql')
    expect(log.warnings).toEqual([])
  })

  it('fails at once on a secondary rate limit announcing an hour, and on GraphQL’s own RATE_LIMITED', async () => {
    const secondary = await standIn()
    secondary.failNext({
      status: 403,
      headers: { 'retry-after': '3600' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    })
    await expect(publisherFor(secondary).publisher.publish(changes('# Post\n'))).rejects.toThrow(
      "GitHub's secondary rate limit is reached: GitHub asks to wait 3600 s",
    )
    expect(secondary.requests).toHaveLength(1)

    const graphql = await standIn()
    graphql.failNext({
      status: 200,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour() },
      body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
    })
    await expect(publisherFor(graphql).publisher.publish(changes('# Post\n'))).rejects.toThrow(
      /GitHub's rate limit is reached: GitHub asks to wait 3[56]\d\d s/,
    )
    expect(graphql.requests).toHaveLength(1)
  })

  it('sits out short waits twice, saying so, then fails', async () => {
    const server = await standIn()
    for (let attempt = 0; attempt < 3; attempt++) {
      server.failNext({
        status: 429,
        headers: { 'retry-after': '30' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      })
    }
    const { publisher, log } = publisherFor(server)
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      "GitHub's secondary rate limit is reached: GitHub asks to wait 30 s",
    )
    expect(server.requests).toHaveLength(3)
    expect(log.warnings).toEqual([
      `GitHub's secondary rate limit on POST ${server.graphqlUrl}: waiting the 30 s GitHub asked for, then trying again (wait 1 of at most 2)`,
      `GitHub's secondary rate limit on POST ${server.graphqlUrl}: waiting the 30 s GitHub asked for, then trying again (wait 2 of at most 2)`,
    ])
  })
})

describe('GitHub answers that echo the token', () => {
  const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
  const echoing = () => standIn({ tokens: { [TOKEN]: 'write', 'read-token': 'read' }, echoToken: true })
  const publish = async (server: Awaited<ReturnType<typeof echoing>>, token = TOKEN) => {
    const failure = publisherFor(server, { token }).publisher.publish(changes('# Post\n'))
    await expect(failure).rejects.toThrow()
    return ((await failure.catch((error: unknown) => error)) as Error).message
  }

  it('quotes a 500 body, a GraphQL error, a 401 and a rate-limit message without it', async () => {
    const fiveHundred = await echoing()
    for (let attempt = 0; attempt < 3; attempt++)
      fiveHundred.failNext({ status: 500, body: { message: 'internal error, token {token}' } })
    expect(await publish(fiveHundred)).toContain('(GitHub: "internal error, token ***")')

    const forbidden = await echoing()
    const readOnly = await publish(forbidden, 'read-token')
    expect(readOnly).toContain('(GitHub: "Resource not accessible by integration (token ***)")')

    const unauthorized = await echoing()
    const wrong = 'ghp_wrongTokenWrongTokenWrongToken0000'
    expect(await publish(unauthorized, wrong)).not.toContain(wrong)

    const limited = await echoing()
    limited.failNext({
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      },
      body: { message: 'API rate limit exceeded for token {token}' },
    })
    const message = await publish(limited)
    expect(message).toContain('API rate limit exceeded for token ***')
    expect(message).not.toContain(TOKEN)
  })

  it('redacts before shortening, so no half of it survives the cut, and keeps a multi-line body on one line', async () => {
    const server = await echoing()
    const body = `${'x'.repeat(290)}{token}${'y'.repeat(1_000)}\n::add-mask::\n`
    for (let attempt = 0; attempt < 3; attempt++) server.failNext({ status: 502, body: { message: body } })
    const message = await publish(server)
    expect(message).not.toContain(TOKEN.slice(0, 10))
    expect(message).toContain(`${'x'.repeat(290)}***${'y'.repeat(7)}… (`)
    expect(message).not.toContain('\n')
    expect(message.length).toBeLessThan(600)
  })
})
