import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { startTinyServer } from './tiny-server.ts'

// A hostile or broken server behind an event stream: what it sends is the test's `answer`, and
// `poured` says how much it managed to write before the client hung up.
let server: Awaited<ReturnType<typeof startTinyServer>>
let answer: (response: ServerResponse) => void = (response) => response.end()
const poured = { bytes: 0, hungUp: false }

beforeAll(async () => {
  server = await startTinyServer((_request, response) => answer(response))
})
afterAll(() => server.close())

const MIB = 1024 * 1024
const client = () => createClient({ baseURL: server.url, apiKey: TEST_KEYS.openai, maxRetries: 0, timeout: 30_000, maxResponseBytes: MIB })
const file = new File([new Uint8Array(64)], 'a.wav', { type: 'audio/wav' })

/** Writes `head`, then `piece` again and again (waiting for the socket) until the client hangs up or `total` bytes went out. */
function pour(head: string, piece: string, total = 64 * MIB, type = 'text/event-stream') {
  return (response: ServerResponse) => {
    poured.bytes = 0
    poured.hungUp = false
    response.on('close', () => {
      poured.hungUp = !response.writableFinished
    })
    response.writeHead(200, { 'content-type': type })
    response.write(head)
    const chunk = Buffer.from(piece.repeat(Math.max(1, Math.floor(16_384 / piece.length))))
    const more = () => {
      while (!response.destroyed) {
        if (poured.bytes >= total) return response.end()
        poured.bytes += chunk.byteLength
        if (!response.write(chunk)) return response.once('drain', more)
      }
    }
    more()
  }
}

const failure = (run: Promise<unknown>) => run.then(() => new Error('expected a failure'), (error: unknown) => error as Error)

describe('event streams are bounded by maxResponseBytes', () => {
  it('an OpenAI speech event that never ends fails with ResponseTooLargeError and hangs up', async () => {
    answer = pour('data: {"type":"speech.audio.delta","audio":"', 'AAAA')
    const error = await failure(client().speech({ model: 'openai/gpt-4o-mini-tts', input: 'hi', voice: 'alloy', stream_format: 'sse' }).then((speech) => speech.arrayBuffer()))
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: MIB })
    await expect.poll(() => poured.hungUp).toBe(true)
    expect(poured.bytes).toBeLessThan(16 * MIB)
  })

  it('a Gemini event of endless data lines fails the same way', async () => {
    answer = pour('', 'data: {"x":1}\n')
    const gemini = createClient({ baseURL: server.url, apiKey: TEST_KEYS.gemini, maxRetries: 0, maxResponseBytes: MIB })
    const error = await failure(gemini.speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'hi', voice: 'Kore', stream_format: 'sse' }))
    expect(error).toMatchObject({ name: 'ResponseTooLargeError' })
    await expect.poll(() => poured.hungUp).toBe(true)
  })

  it('a transcription event that never ends fails the stream and hangs up', async () => {
    answer = pour('data: {"type":"transcript.text.delta","delta":"', 'a')
    const stream = await client().streamTranscription({ model: 'openai/gpt-4o-transcribe', file })
    expect(await failure(stream.final)).toMatchObject({ name: 'ResponseTooLargeError' })
    await expect.poll(() => poured.hungUp).toBe(true)
  })
})

describe('a streamed transcript is bounded', () => {
  it('counts the events it keeps: a flood of one-letter deltas past the limit fails and hangs up', async () => {
    answer = pour('', 'data: {"type":"transcript.text.delta","delta":"a"}\n\n', 32 * MIB)
    const stream = await client().streamTranscription({ model: 'openai/gpt-4o-transcribe', file })
    let deltas = 0
    const error = await failure((async () => {
      for await (const event of stream) if (event.type === 'transcript.text.delta') deltas++
    })())
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: MIB })
    // Fewer kept than the limit allows in bytes, and far fewer than the server had to send.
    expect(deltas).toBeGreaterThan(1000)
    expect(deltas).toBeLessThan(MIB / 50)
    await expect.poll(() => poured.hungUp).toBe(true)
    expect(poured.bytes).toBeLessThan(16 * MIB)
  })

  it('reads a whole answer to a stream request (a server that ignored stream) under the same limit', async () => {
    answer = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ text: 'word '.repeat(MIB / 2) }))
    }
    const stream = await client().streamTranscription({ model: 'openai/gpt-4o-transcribe', file })
    expect(await failure(stream.final)).toMatchObject({ name: 'ResponseTooLargeError', limit: MIB })
    const whole = await failure(client().transcription({ model: 'openai/gpt-4o-transcribe', file }))
    expect(whole).toMatchObject({ name: 'ResponseTooLargeError', limit: MIB })
  })
})

describe('cut-off speech', () => {
  const delta = (bytes: number[]) => `data: ${JSON.stringify({ type: 'speech.audio.delta', audio: Buffer.from(bytes).toString('base64') })}\n\n`
  const mp3 = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, ...Array.from({ length: 400 }, (_, index) => index % 256)]

  it('an OpenAI event stream that ends without speech.audio.done is an error, not a short clip', async () => {
    answer = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end(delta(mp3.slice(0, 200)) + delta(mp3.slice(200)))
    }
    const speech = await client().speech({ model: 'openai/gpt-4o-mini-tts', input: 'hi', voice: 'alloy', stream_format: 'sse' })
    const error = await failure(speech.arrayBuffer())
    expect(error).toMatchObject({ name: 'ConnectionError' })
    expect(error.message).toMatch(/speech\.audio\.done/)
  })

  it('the same stream with its speech.audio.done is the whole clip', async () => {
    answer = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end(delta(mp3.slice(0, 200)) + delta(mp3.slice(200)) + 'data: {"type":"speech.audio.done","usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}}\n\n')
    }
    const speech = await client().speech({ model: 'openai/gpt-4o-mini-tts', input: 'hi', voice: 'alloy', stream_format: 'sse' })
    expect([...new Uint8Array(await speech.arrayBuffer())]).toEqual(mp3)
    expect(speech.usage).toMatchObject({ total_tokens: 3 })
  })
})
