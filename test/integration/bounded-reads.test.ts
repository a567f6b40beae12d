import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APIError, createClient, ResponseTooLargeError } from '../../src/index.ts'
import { caught } from './setup.ts'
import { startTinyServer } from './tiny-server.ts'

let server: Awaited<ReturnType<typeof startTinyServer>>
let written: number[] = []
let answer: (response: ServerResponse) => void = () => {}

/** Writes 64 KiB chunks for as long as the client reads, counting what went out. */
function endless(response: ServerResponse, chunk: string) {
  const index = written.push(0) - 1
  const pump = () => {
    while (!response.destroyed) {
      written[index]! += chunk.length
      if (!response.write(chunk)) return void response.once('drain', pump)
    }
  }
  response.on('close', () => response.destroy())
  pump()
}

beforeAll(async () => {
  server = await startTinyServer((_request, response) => answer(response))
})
afterAll(() => server.close())

const file = new File([new Uint8Array(64)], 'a.wav', { type: 'audio/wav' })
const client = (options = {}) => createClient({ baseURL: server.url, apiKey: 'sk-bounded-reads-test', timeout: 20_000, ...options })

describe('bounded reads', () => {
  it('reads only the start of an endless error body, once per attempt, then gives up the rest', async () => {
    written = []
    answer = (response) => {
      response.writeHead(503, { 'content-type': 'application/json' })
      endless(response, `{"error":{"message":"${'x'.repeat(65_000)}`)
    }
    const started = Date.now()
    const error = await caught(client({ maxRetries: 1 }).speech({ model: 'tts', input: 'hi', voice: 'alloy' }))
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).status).toBe(503)
    expect((error as APIError).body!.length).toBeLessThanOrEqual(2_001)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(server.seen.length).toBeGreaterThanOrEqual(2)
    // Socket buffers take a few MB; an unbounded read would have gone on until the timeout.
    for (const bytes of written) expect(bytes).toBeLessThan(16 * 1024 * 1024)
  })

  it('refuses a transcript past maxResponseBytes with an error that says so, not a ConnectionError', async () => {
    answer = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      endless(response, 'x'.repeat(65_536))
    }
    const error = await caught(client({ maxResponseBytes: 1_000_000 }).transcription({ model: 'whisper', file }))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error.message).toMatch(/maxResponseBytes \(1000000 bytes\)/)
  })

  it('refuses at once an answer whose Content-Length is past the limit', async () => {
    answer = (response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000000' }).end('{}')
    const error = await caught(client({ maxResponseBytes: 4096 }).speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'hi', voice: 'Kore' }))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect((error as ResponseTooLargeError).limit).toBe(4096)
  })

  it('reads an answer up to the limit in full', async () => {
    const text = 'word '.repeat(800).trim()
    answer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text }))
    const result = await client({ maxResponseBytes: JSON.stringify({ text }).length }).transcription({ model: 'whisper', file })
    expect(result.text).toBe(text)
  })
})
