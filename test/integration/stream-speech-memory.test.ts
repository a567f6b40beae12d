import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { longText, textChunks } from './text-chunks.ts'
import { startTinyServer } from './tiny-server.ts'

// A server that answers every piece at once with 1 MB of 24 kHz PCM: 100,000 characters are a
// few hundred pieces, hundreds of MB of audio, in seconds (the emulator's eSpeak would take minutes).
const PIECE_BYTES = 1024 * 1024
const piece = Buffer.alloc(PIECE_BYTES, 1)
let server: Awaited<ReturnType<typeof startTinyServer>>

beforeAll(async () => {
  server = await startTinyServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'audio/pcm' })
    response.end(piece)
  })
})
afterAll(() => server.close())

describe('streamSpeech memory', () => {
  it('stays bounded over a 100,000-character text: pieces read are let go', { timeout: 120_000 }, async () => {
    const client = createClient({ baseURL: server.url, apiKey: 'sk-local' })
    const stream = await client.streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'pcm', text: textChunks(longText(100_000)), minChars: 250, maxChars: 300 })
    const before = process.memoryUsage().arrayBuffers
    let peak = before
    let pieces = 0
    let audio = 0
    for await (const segment of stream) {
      pieces++
      audio += segment.audio.byteLength
      peak = Math.max(peak, process.memoryUsage().arrayBuffers)
    }
    const grown = peak - before
    console.log(`streamSpeech, 100,000 characters: ${pieces} pieces, ${(audio / 1024 / 1024).toFixed(0)} MB of audio passed; array buffers grew at most ${(grown / 1024 / 1024).toFixed(1)} MB`)
    expect(pieces).toBeGreaterThan(300)
    expect(audio).toBe(pieces * PIECE_BYTES)
    // Held at once: the piece being read, the ones running ahead, their copies, and what GC has
    // not freed yet; a leak would hold all of it (it did: 1.9 GB before the raceAbort fix).
    expect(grown).toBeLessThan(128 * 1024 * 1024)
  })
})
