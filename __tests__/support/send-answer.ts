import type { ServerResponse } from 'node:http'

/**
 * The stand-ins' one way to answer: `body` as it is when a string, else as JSON (`{}` for none), with
 * JSON's content type and the body's length, either of which `headers` may replace.
 */
export function sendAnswer(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? {})
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}
