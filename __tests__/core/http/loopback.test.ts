import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ProxyAgent, request } from 'undici'
import { isLoopback, loopbackDirect } from '../../../src/core/http/loopback.js'

/**
 * A proxy from the environment (HTTP_PROXY) never sees a request to this machine: settings let a token go
 * over plain http to localhost, and only there. Everything else still goes through it.
 */
let target: Server
let proxy: Server
/** What reached the proxy: a request line, or a tunnel it was asked to open. */
const proxied: string[] = []
const portOf = (server: Server) => (server.address() as AddressInfo).port

beforeAll(async () => {
  target = createServer((_req, res) => res.end('direct'))
  proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`)
    res.end('proxied')
  })
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  await Promise.all(
    [target, proxy].map((server) => new Promise<void>((done) => server.listen(0, '127.0.0.1', done))),
  )
})
afterAll(() => Promise.all([target, proxy].map((server) => new Promise((done) => server.close(done)))))

describe('loopbackDirect', () => {
  const dispatcher = () => loopbackDirect(new ProxyAgent(`http://127.0.0.1:${portOf(proxy)}`))

  it.each(['127.0.0.1', 'localhost'])('sends a request to %s straight to it', async (host) => {
    proxied.length = 0
    const answer = await request(`http://${host}:${portOf(target)}/api?x=1`, { dispatcher: dispatcher() })
    expect(await answer.body.text()).toBe('direct')
    expect(proxied).toEqual([])
  })

  it('sends a request to another machine through the proxy', async () => {
    proxied.length = 0
    await request('http://hf-mirror.invalid/api', { dispatcher: dispatcher() }).then(
      (answer) => answer.body.text(),
      () => undefined,
    )
    expect(proxied).toHaveLength(1)
    expect(proxied[0]).toMatch(/hf-mirror\.invalid/)
  })
})

describe('isLoopback', () => {
  it.each([
    ['http://localhost:8080/x', true],
    ['http://127.0.0.1', true],
    ['http://127.3.4.5:1', true],
    ['http://[::1]:9/', true],
    ['http://localhost.example.com', false],
    ['http://127.0.0.1.nip.io', false],
    ['http://10.0.0.1', false],
    ['not a url', false],
  ])('%s: %s', (url, loopback) => {
    expect(isLoopback(url)).toBe(loopback)
  })
})
