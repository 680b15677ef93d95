import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import { Agent } from 'undici'
import { between } from '../support/test-clock.js'
import { changes, expectOperations, publisherFor, standIn } from './github-stand-in.js'

/**
 * Every GitHub request is bounded (GITHUB in core/http/limits.ts): 20 s per attempt, body included, a few
 * logged retries within 40 s per request, a ceiling on announced rate-limit waits; and nothing GitHub
 * answers brings the token into a message. On simulated time: a stalled stand-in moves the clock to the
 * client's deadline.
 */
const MiB = 1024 * 1024

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as { port: number }
  await new Promise((closed) => server.close(closed))
  return port
}

/** The log's lines about retries, with the jittered wait written as `N`. */
const retries = (lines: string[]) =>
  lines
    .filter((line) => line.includes('trying again'))
    .map((line) => line.replace(/trying again in [\d.]+ s/, 'trying again in N s'))

describe('GitHub request time limits', () => {
  it.each([
    ['never answers', { kind: 'silent' }],
    ['sends headers at once, then a byte every 5 ms', { kind: 'trickle', intervalMs: 5 }],
  ] as const)(
    'gives up on a GitHub that %s at the limit per request, with attempts left, naming the URL and both limits',
    async (_, stall) => {
      const server = await standIn()
      for (let attempt = 0; attempt < 3; attempt++) server.stallNext(stall)
      const { publisher, log, clock } = publisherFor(server)
      const started = clock.now()
      await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
        `POST ${server.graphqlUrl}: no complete answer before the limit of 40 s per request ran out (gave up after 2 attempts). GitHub may be having trouble (https://www.githubstatus.com): run it again later`,
      )
      expect(clock.now() - started).toBe(40_000)
      expect(retries(log.lines)).toEqual([
        `POST ${server.graphqlUrl}: no complete answer within 20 s; trying again in N s (attempt 2 of 3)`,
      ])
      expect(await server.git.log('main')).toEqual(['Initial commit'])
    },
  )

  it('tries a silent attempt again, says so, and commits', async () => {
    const server = await standIn()
    server.stallNext({ kind: 'silent' })
    const { publisher, log } = publisherFor(server)
    expect((await publisher.publish(changes('# Post\n'))).commitSha).toBe(await server.git.head('main'))
    expect(retries(log.lines)).toEqual([
      `POST ${server.graphqlUrl}: no complete answer within 20 s; trying again in N s (attempt 2 of 3)`,
    ])
  })

  it('refuses an answer larger than 16 MiB, without retrying it', async () => {
    const server = await standIn()
    server.failNext({ status: 200, body: { data: { padding: 'x'.repeat(16 * MiB) } } })
    const { publisher } = publisherFor(server)
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      `POST ${server.graphqlUrl}: GitHub sent more than 16 MiB, the limit for one answer; stopped reading. `,
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
    expect(sleeps).toEqual([between(500, 1_000), between(1_000, 2_000)])
    expect(retries(log.lines)).toEqual([
      `POST ${graphqlUrl}: could not reach GitHub: connect ECONNREFUSED 127.0.0.1:${port}; trying again in N s (attempt 2 of 3)`,
      `POST ${graphqlUrl}: could not reach GitHub: connect ECONNREFUSED 127.0.0.1:${port}; trying again in N s (attempt 3 of 3)`,
    ])
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
    const { publisher } = publisherFor(server, { graphqlUrl: 'http://github.invalid/graphql', dispatcher })
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
    const { publisher, log, sleeps } = publisherFor(server)
    await expect(publisher.publish(changes('# Post\n'))).rejects.toThrow(
      "GitHub's secondary rate limit is reached: GitHub asks to wait 30 s",
    )
    expect(server.requests).toHaveLength(3)
    const limited = `POST ${server.graphqlUrl}: GitHub answered 429 Too Many Requests: "You have exceeded a secondary rate limit."`
    expect(log.lines.filter((line) => line.includes('trying again'))).toEqual([
      `${limited}; trying again in 30 s (attempt 2 of 3)`,
      `${limited}; trying again in 30 s (attempt 3 of 3)`,
    ])
    expect(sleeps).toEqual([30_000, 30_000])
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
