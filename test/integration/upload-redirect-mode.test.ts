import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { caught } from './setup.ts'
import { startTinyServer } from './tiny-server.ts'

// What the transport learns here (the global fetch refuses redirect: 'error') lasts for the
// module, so this file loads a copy of the package of its own: the other files sharing this worker
// never see it. Streamed uploads cannot be resent, so they go with 'error' where fetch takes it.
let voxfetch: typeof import('../../src/index.ts')
let answer: 'json' | 'redirect' = 'json'
let server: Awaited<ReturnType<typeof startTinyServer>>
beforeAll(async () => {
  vi.resetModules()
  voxfetch = await import('../../src/index.ts')
  server = await startTinyServer((_request, response) => {
    if (answer === 'redirect') return response.writeHead(307, { location: '/elsewhere' }).end()
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"ok"}')
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  server.seen.length = 0
})
afterAll(() => {
  vi.resetModules()
  return server.close()
})

const file = () => new File([new Uint8Array(256)], 'a.wav', { type: 'audio/wav' })
const transcribe = () => voxfetch.createClient({ baseURL: server.url, apiKey: TEST_KEYS.proxy, maxRetries: 0 }).transcription({ model: 'whisper', file: file() })

function recordingFetch(refuseErrorMode: boolean) {
  const nodeFetch = globalThis.fetch
  const modes: Array<RequestRedirect | undefined> = []
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    modes.push(init?.redirect)
    // workerd's words: 'Invalid redirect value, must be one of "follow" or "manual" ("error" won't be implemented…)'.
    if (refuseErrorMode && init?.redirect === 'error') return Promise.reject(new TypeError('Invalid redirect value, must be one of "follow" or "manual"'))
    return nodeFetch(input, init)
  })
  return modes
}

it('uploads on Workers with redirect: "manual" and refuses a redirect answer', async () => {
  vi.stubGlobal('navigator', { userAgent: 'Cloudflare-Workers' })
  const modes = recordingFetch(false)
  expect((await transcribe()).text).toBe('ok')
  answer = 'redirect'
  const error = await caught(transcribe())
  answer = 'json'
  expect(error).toBeInstanceOf(voxfetch.ConnectionError)
  expect(error.message).toMatch(/redirected the upload/)
  expect(modes).toEqual(['manual', 'manual'])
  expect(server.seen).toHaveLength(2)
})

it('sends an upload again with "manual" when fetch refuses "error", and asks that fetch for "manual" from then on', async () => {
  const modes = recordingFetch(true)
  expect((await transcribe()).text).toBe('ok')
  expect((await transcribe()).text).toBe('ok')
  expect(modes).toEqual(['error', 'manual', 'manual'])
  expect(server.seen).toHaveLength(2)
  expect(server.seen[0]!.body).toContain('name="file"; filename="a.wav"')
})
