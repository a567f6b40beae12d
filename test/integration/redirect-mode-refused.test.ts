import { afterAll, beforeAll, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { startTinyServer } from './tiny-server.ts'

// Its own file: what it teaches the transport (this fetch refuses redirect: 'error') lasts for the
// module, and the redirect tests count requests.
let server: Awaited<ReturnType<typeof startTinyServer>>
beforeAll(async () => {
  server = await startTinyServer((_request, response) => response.writeHead(200, { 'content-type': 'audio/wav' }).end('RIFF0000WAVEfmt '))
})
afterAll(() => server.close())

it('stops asking a global fetch that refuses redirect: "error" (as workerd does) for that mode', async () => {
  const nodeFetch = globalThis.fetch
  const modes: Array<RequestRedirect | undefined> = []
  // workerd's words: 'Invalid redirect value, must be one of "follow" or "manual" ("error" won't be implemented…)'.
  globalThis.fetch = (input, init) => {
    modes.push(init?.redirect)
    if (init?.redirect === 'error') return Promise.reject(new TypeError('Invalid redirect value, must be one of "follow" or "manual"'))
    return nodeFetch(input, init)
  }
  try {
    const client = createClient({ baseURL: server.url, apiKey: TEST_KEYS.proxy })
    for (let call = 0; call < 2; call++) {
      const audio = await client.speech({ model: 'tts', input: 'hello', voice: 'alloy', response_format: 'wav' })
      expect(audio.mediaType).toBe('audio/wav')
    }
  } finally {
    globalThis.fetch = nodeFetch
  }
  expect(modes).toEqual(['error', 'manual', 'manual'])
  expect(server.seen).toHaveLength(2)
})
