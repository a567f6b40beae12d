import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type ClientOptions, ConnectionError, createClient } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { caught } from './setup.ts'
import { startTinyServer } from './tiny-server.ts'

// Two origins on loopback: the one the client is configured for, and one an attacker controls.
let foreign: Awaited<ReturnType<typeof startTinyServer>>
let origin: Awaited<ReturnType<typeof startTinyServer>>
let redirect = { status: 307, to: () => `${foreign.url}/steal` }

beforeAll(async () => {
  foreign = await startTinyServer((_request, response) => response.writeHead(200, { 'content-type': 'audio/wav' }).end('RIFF0000WAVEfmt '))
  origin = await startTinyServer((request, response) => {
    if (request.url?.includes('final')) return response.writeHead(200, { 'content-type': 'audio/wav' }).end('RIFF0000WAVEfmt ')
    response.writeHead(redirect.status, { location: redirect.to() }).end()
  })
})
beforeEach(() => {
  foreign.seen.length = 0
  origin.seen.length = 0
  redirect = { status: 307, to: () => `${foreign.url}/steal` }
})
afterAll(async () => {
  await foreign.close()
  await origin.close()
})

const speak = (options: ClientOptions, model: string, voice = 'alloy') =>
  createClient({ maxRetries: 2, ...options }).speech({ model, input: 'hello', voice, response_format: 'wav' })

describe('keys never follow a redirect to another origin', () => {
  const cases: Array<[string, () => ClientOptions, string, string?]> = [
    ['a Gemini key (x-goog-api-key)', () => ({ baseURL: `${origin.url}/v1beta`, apiKey: TEST_KEYS.gemini }), 'gemini/gemini-2.5-flash-preview-tts', 'Kore'],
    ['an Azure key (api-key)', () => ({ baseURL: origin.url, apiKey: TEST_KEYS.azure }), 'azure/tts'],
    ['a proxy virtual key (Authorization)', () => ({ baseURL: origin.url, apiKey: TEST_KEYS.proxy }), 'tts'],
    ['a Vertex token', () => ({ baseURL: origin.url, accessToken: TEST_KEYS.vertexToken }), 'vertex_ai/chirp', 'en-US-Wavenet-D'],
    ['a caller header', () => ({ baseURL: origin.url, apiKey: TEST_KEYS.proxy, headers: { 'x-tenant-secret': 'tenant-secret-123' } }), 'tts'],
  ]

  it.each(cases)('refuses a 307 to another origin carrying %s, as a ConnectionError, without retrying', async (_name, options, model, voice) => {
    const error = await caught(speak(options(), model, voice))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/another origin \(http:\/\/127\.0\.0\.1:\d+\).*baseURL/)
    expect(foreign.seen).toHaveLength(0)
    // The first send (redirect: 'error') learns that there is a redirect, the second where it leads.
    expect(origin.seen).toHaveLength(2)
  })

  it('refuses a 308 to another host name of the same machine', async () => {
    redirect = { status: 308, to: () => `${foreign.url.replace('127.0.0.1', 'localhost')}/steal` }
    const error = await caught(speak({ baseURL: origin.url, apiKey: TEST_KEYS.azure }, 'azure/tts'))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(foreign.seen).toHaveLength(0)
  })

  it('follows a same-origin 308 with the method, body and key kept', async () => {
    redirect = { status: 308, to: () => `${origin.url}/final` }
    const audio = await speak({ baseURL: origin.url, apiKey: TEST_KEYS.proxy }, 'tts')
    expect(audio.mediaType).toBe('audio/wav')
    expect(origin.seen.map((request) => request.method)).toEqual(['POST', 'POST', 'POST'])
    expect(origin.seen.map((request) => request.url)).toEqual(['/v1/audio/speech', '/v1/audio/speech', '/final'])
    expect(JSON.parse(origin.seen[2]!.body)).toMatchObject({ model: 'tts', input: 'hello' })
    expect(origin.seen[2]!.headers.authorization).toBe(`Bearer ${TEST_KEYS.proxy}`)
  })

  it('refuses a same-origin 302 or 303, which would turn the POST into a body-less GET', async () => {
    for (const status of [301, 302, 303]) {
      redirect = { status, to: () => `${origin.url}/final` }
      const error = await caught(speak({ baseURL: origin.url, apiKey: TEST_KEYS.proxy }, 'tts'))
      expect(error).toBeInstanceOf(ConnectionError)
      expect(error.message).toContain(`answered ${status}`)
    }
    expect(origin.seen.every((request) => request.method === 'POST')).toBe(true)
    expect(origin.seen).toHaveLength(6)
  })

  it('stops after 5 same-origin redirects', async () => {
    redirect = { status: 307, to: () => `${origin.url}/loop` }
    const error = await caught(speak({ baseURL: origin.url, apiKey: TEST_KEYS.proxy }, 'tts'))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/more than 5 times/)
    expect(origin.seen).toHaveLength(7)
  })

  it('sends an answer that does not redirect once, with redirect: "error" (no copy of the request kept for a redirect)', async () => {
    const spy = vi.spyOn(globalThis, 'fetch')
    try {
      const audio = await speak({ baseURL: foreign.url, apiKey: TEST_KEYS.proxy }, 'tts')
      expect(await audio.arrayBuffer()).toHaveProperty('byteLength', 16)
      expect(spy.mock.calls.map(([, init]) => init?.redirect)).toEqual(['error'])
      expect(foreign.seen).toHaveLength(1)
    } finally {
      spy.mockRestore()
    }
  })

  it("sends a caller's fetch redirect: 'manual' only: Workers refuse 'error', and a shim for that may turn it into 'follow'", async () => {
    const modes: Array<RequestRedirect | undefined> = []
    // A Workers shim seen in the wild: 'error' becomes 'follow', which would carry the key away.
    const shimmed: typeof fetch = (input, init) => {
      modes.push(init?.redirect)
      return fetch(input, { ...init, redirect: init?.redirect === 'error' ? 'follow' : init?.redirect })
    }
    const error = await caught(speak({ baseURL: origin.url, apiKey: TEST_KEYS.azure, fetch: shimmed }, 'azure/tts'))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/another origin/)
    expect(modes).toEqual(['manual'])
    expect(foreign.seen).toHaveLength(0)
  })

  it('refuses the answer of a fetch that ignores the redirect mode and follows', async () => {
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'follow' })
    const error = await caught(speak({ baseURL: origin.url, apiKey: TEST_KEYS.proxy, fetch: following }, 'tts'))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/followed a redirect it was told not to follow/)
  })

  it('refuses a redirect of an upload to another origin', async () => {
    const file = new File([new Uint8Array(64)], 'a.wav', { type: 'audio/wav' })
    const error = await caught(createClient({ baseURL: origin.url, apiKey: TEST_KEYS.azure }).transcription({ model: 'azure/whisper', file }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(foreign.seen).toHaveLength(0)
  })
})
