/** Reading an answer without trusting its size: the stream is dropped as soon as it passes its ceiling. */

export class TooLargeError extends Error {
  override name = 'TooLargeError'

  constructor(readonly limit: number) {
    super(`more than ${formatBytes(limit)}`)
  }
}

export async function readText(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string> {
  const { bytes, complete } = await readUpTo(stream, maxBytes)
  if (!complete) throw new TooLargeError(maxBytes)
  return new TextDecoder().decode(bytes)
}

/** The first `maxBytes` of the stream as UTF-8 text (a character cut at the end is dropped); the rest is never read. */
export async function readStart(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string> {
  const { bytes, complete } = await readUpTo(stream, maxBytes)
  return new TextDecoder().decode(bytes, { stream: !complete })
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

/**
 * The bytes for TextDecoder, which drops a leading byte order mark as undici's body.text() did, and with
 * `stream` holds back a character whose bytes the cut split.
 */
async function readUpTo(stream: AsyncIterable<Uint8Array>, maxBytes: number) {
  const chunks: Uint8Array[] = []
  let size = 0
  // Leaving the loop early ends the iteration, which destroys a Node stream: the rest is never sent for.
  for await (const chunk of stream) {
    chunks.push(chunk.subarray(0, maxBytes - size))
    size += chunk.byteLength
    if (size > maxBytes) break
  }
  return { bytes: Buffer.concat(chunks), complete: size <= maxBytes }
}
