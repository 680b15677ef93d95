import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { formatBytes, readStart, readText, TooLargeError } from '../../../src/core/http/body.js'
import { HUGGING_FACE } from '../../../src/core/http/limits.js'
import { FIXTURES_DIR } from '../../support/hf-server.js'

/** A stream of `chunks`, recording how many were pulled and whether it was destroyed. */
function countedStream(chunks: Iterable<Uint8Array>) {
  const state = { pulled: 0, destroyed: false }
  const stream = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        state.pulled++
        yield chunk
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  )
  stream.on('close', () => (state.destroyed = true))
  return { stream, state }
}

function* endless(chunk: Uint8Array) {
  for (;;) yield chunk
}

describe('readText', () => {
  it('reads a stream whole as UTF-8, dropping a byte order mark, at exactly the limit', async () => {
    const text = '\uFEFF[{"title":"Ünïcödé ✓"}]'
    const bytes = Buffer.from(text)
    expect(await readText(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), bytes.length)).toBe(
      text.slice(1),
    )
  })

  it('stops pulling an endless stream one chunk past the limit and destroys it', async () => {
    const { stream, state } = countedStream(endless(Buffer.alloc(64 * 1024, 0x61)))
    const reading = readText(stream, 1024 * 1024)
    await expect(reading).rejects.toThrow(TooLargeError)
    await expect(reading).rejects.toThrow('more than 1 MiB')
    expect(state.pulled).toBeLessThanOrEqual(16 + 2)
    await new Promise((done) => setImmediate(done))
    expect(state.destroyed).toBe(true)
  })

  it('refuses one byte over the limit', async () => {
    await expect(readText(Readable.from([Buffer.from('[1]')]), 2)).rejects.toThrow(TooLargeError)
  })
})

describe('readStart', () => {
  it('keeps the first bytes of an endless stream, without a character the cut split', async () => {
    const { stream, state } = countedStream(endless(Buffer.from('é')))
    expect(await readStart(stream, 5)).toBe('éé')
    expect(state.pulled).toBeLessThanOrEqual(5)
  })
})

describe("Hugging Face's ceiling for a day", () => {
  it('is far above the largest real day', () => {
    const largest = Math.max(
      ...['2025-11-04', '2025-11-26'].map(
        (day) => readFileSync(resolve(FIXTURES_DIR, `${day}.json`)).byteLength,
      ),
    )
    expect(largest).toBeGreaterThan(200_000)
    expect(HUGGING_FACE.maxBodyBytes).toBeGreaterThan(30 * largest)
    expect(formatBytes(HUGGING_FACE.maxBodyBytes)).toBe('8 MiB')
  })
})
