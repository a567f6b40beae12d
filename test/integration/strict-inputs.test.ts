import { afterEach, describe, expect, it, vi } from 'vitest'
import { type ClientOptions, createClient, InvalidRequestError } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()
afterEach(() => vi.unstubAllEnvs())

/** A fetch that records every URL it is asked for and never sends anything. */
function recordingFetch() {
  const urls: string[] = []
  const fetch: typeof globalThis.fetch = async (input) => {
    urls.push(String(input))
    return new Response('RIFF0000WAVEfmt ', { headers: { 'content-type': 'audio/wav' } })
  }
  return { urls, fetch }
}

const speak = { input: 'hello', voice: 'alloy', response_format: 'wav' } as const

async function refused(options: ClientOptions, params: Record<string, unknown>, field: string | RegExp) {
  const { urls, fetch } = recordingFetch()
  const started = Date.now()
  const error = await caught(createClient({ fetch, ...options }).speech({ model: 'tts', ...speak, ...params }))
  expect(error).toBeInstanceOf(InvalidRequestError)
  expect((error as InvalidRequestError).field).toMatch(field)
  expect(urls).toEqual([])
  expect(Date.now() - started).toBeLessThan(400)
  return error
}

describe('options that form a URL are checked before use', () => {
  it('refuses a baseURL with credentials in it, without repeating the password', async () => {
    const secret = 'pa55-w0rd-secret'
    expect(() => createClient({ baseURL: `http://user:${secret}@127.0.0.1:1/v1` })).toThrow(InvalidRequestError)
    try {
      createClient({ baseURL: `http://user:${secret}@127.0.0.1:1/v1` })
    } catch (error) {
      expect((error as InvalidRequestError).field).toBe('baseURL')
      expect(JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack })).not.toContain(secret)
    }
    vi.stubEnv('VOXFETCH_BASE_URL', `https://user:${secret}@proxy.test`)
    const error = await refused({}, {}, 'VOXFETCH_BASE_URL')
    expect(error.message).not.toContain(secret)
  })

  it('refuses a model_list api_base with credentials or another scheme', async () => {
    for (const api_base of ['https://u:p4ssword@api.test/v1', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const modelList = [{ model_name: 'tts', litellm_params: { model: 'openai/tts-1', api_base } }]
      const error = await refused({ modelList }, {}, 'modelList[0].litellm_params.api_base')
      expect(error.message).not.toContain('p4ssword')
    }
  })

  const hostile = ['evil.test/x?', 'us-central1.evil.test#', 'us central1', 'US-CENTRAL1', '../global', 'a@b', '']
  it.each(hostile.filter(Boolean))('never puts the vertexLocation %j into a host name', async (location) => {
    const vertex = { baseURL: undefined, accessToken: TEST_KEYS.vertexToken, vertexProject: 'my-project-123' }
    await refused({ ...vertex, vertexLocation: location }, { model: 'vertex_ai/gemini-2.5-flash-preview-tts', voice: 'Kore' }, 'vertexLocation')
    vi.stubEnv('VERTEXAI_LOCATION', location)
    await refused(vertex, { model: 'vertex_ai/gemini-2.5-flash-preview-tts', voice: 'Kore' }, 'VERTEXAI_LOCATION')
    const modelList = [{ model_name: 'tts', litellm_params: { model: 'vertex_ai/gemini-2.5-flash-preview-tts', vertex_location: location } }]
    await refused({ ...vertex, modelList }, { voice: 'Kore' }, 'modelList[0].litellm_params.vertex_location')
  })

  it('accepts Google locations and project ids as Google writes them', async () => {
    for (const [vertexLocation, vertexProject] of [['us-central1', 'my-project-123'], ['global', 'example.com:my-project'], ['europe-west4', '123456789012']]) {
      const { urls, fetch } = recordingFetch()
      await createClient({ fetch, accessToken: TEST_KEYS.vertexToken, vertexLocation, vertexProject })
        .speech({ model: 'vertex_ai/gemini-2.5-flash-preview-tts', ...speak, voice: 'Kore' })
        .catch(() => {})
      expect(new URL(urls[0]!).hostname).toMatch(/^([a-z0-9-]+-)?aiplatform\.googleapis\.com$/)
    }
  })

  it('refuses a vertexProject Google would not accept', async () => {
    for (const project of ['My Project', 'proj/../../x', 'a', 'x'.repeat(40)]) {
      await refused({ accessToken: TEST_KEYS.vertexToken, vertexProject: project }, { model: 'vertex_ai/gemini-2.5-flash-preview-tts', voice: 'Kore' }, 'vertexProject')
    }
  })
})

describe('headers are checked before the network, never retried', () => {
  const cases: Array<[string, ClientOptions, string | RegExp]> = [
    ['a header name with a space', { headers: { 'x bad': '1' } }, 'headers'],
    ['a header name with a colon', { headers: { 'x-a:b': '1' } }, 'headers'],
    ['a value with CR LF (header injection)', { headers: { 'x-trace': 'a\r\nx-injected: 1' } }, 'headers.x-trace'],
    ['a value with NUL', { headers: { 'x-trace': 'a\0b' } }, 'headers.x-trace'],
    ['a value outside Latin-1', { headers: { 'x-trace': 'résumé ✓' } }, 'headers.x-trace'],
    ['an apiKey with a line break', { apiKey: `${TEST_KEYS.proxy}\nx-injected: 1` }, 'apiKey'],
    ['an organization with a line break', { organization: 'org\r\n' }, 'organization'],
  ]
  it.each(cases)('refuses %s as InvalidRequestError', async (_name, options, field) => {
    const client = emu.client({ maxRetries: 2, ...options })
    const started = Date.now()
    const error = await caught(client.speech({ model: 'tts', ...speak }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as InvalidRequestError).field).toBe(field)
    expect(error.message).not.toContain(TEST_KEYS.proxy)
    expect(Date.now() - started).toBeLessThan(400)
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('refuses a token function that returns a value with a line break', async () => {
    const { urls, fetch } = recordingFetch()
    const error = await caught(createClient({ fetch, accessToken: () => 'ya29.token\u2028x' })
      .speech({ model: 'vertex_ai/chirp', ...speak, voice: 'en-US-Wavenet-D' }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(urls).toEqual([])
  })
})

describe('headers merge without regard to case', () => {
  it('lets a per-call Authorization replace the client’s instead of joining it', async () => {
    const client = emu.client({ apiKey: undefined, headers: { Authorization: 'Bearer sk-wrong-key-123' } })
    await client.speech({ model: 'tts', ...speak, headers: { authorization: `Bearer ${TEST_KEYS.proxy}` } })
    expect(emu.emulator.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEYS.proxy}`)
  })

  it('lets a caller’s Authorization replace the one built from apiKey', async () => {
    const client = emu.client({ apiKey: 'sk-not-this-one-123', headers: { AUTHORIZATION: `Bearer ${TEST_KEYS.proxy}` } })
    await client.speech({ model: 'tts', ...speak })
    expect(emu.emulator.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEYS.proxy}`)
  })

  it('keeps one value per header name across client and call', async () => {
    const client = emu.client({ headers: { 'X-Tenant': 'client', Accept: 'audio/*' } })
    await client.speech({ model: 'tts', ...speak, headers: { 'x-tenant': 'call' } })
    const { headers } = emu.emulator.requests[0]!
    expect(headers['x-tenant']).toBe('call')
    expect(headers.accept).toBe('audio/*')
  })
})
