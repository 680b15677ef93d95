/** Reading an answer without trusting its size: the stream is dropped as soon as it passes its ceiling. */

export class TooLargeError extends Error {
  override name = 'TooLargeError'

  constructor(readonly limit: number) {
    super(`more than ${formatBytes(limit)}`)
  }
}

export async function readText(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string> {
  const { chunks, size, complete } = await readUpTo(stream, maxBytes)
  if (!complete) throw new TooLargeError(maxBytes)
  return decode(chunks, size, false)
}

/** The first `maxBytes` of the stream as UTF-8 text (a character cut at the end is dropped); the rest is never read. */
export async function readStart(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string> {
  const { chunks, size, complete } = await readUpTo(stream, maxBytes)
  return decode(chunks, size, !complete)
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

async function readUpTo(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ chunks: Uint8Array[]; size: number; complete: boolean }> {
  const chunks: Uint8Array[] = []
  let size = 0
  // Leaving the loop early ends the iteration, which destroys a Node stream: the rest is never sent for.
  for await (const chunk of stream) {
    const room = maxBytes - size
    if (chunk.byteLength > room) {
      chunks.push(chunk.subarray(0, room))
      return { chunks, size: maxBytes, complete: false }
    }
    chunks.push(chunk)
    size += chunk.byteLength
  }
  return { chunks, size, complete: true }
}

function decode(chunks: Uint8Array[], size: number, cut: boolean): string {
  // TextDecoder drops a leading byte order mark, as undici's body.text() did; `stream` holds back a
  // character whose bytes the cut split.
  return new TextDecoder().decode(Buffer.concat(chunks, size), { stream: cut })
}
