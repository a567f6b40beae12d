import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseFault, parseWavText, startEmulator, synthesizeSpeech, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { openaiAuth, postForm, postJson, proxyAuth, scenario } from './helpers.ts'

const SENTENCE = 'Faults happen.'
let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      model_list: [
        { model_name: 'tts', litellm_params: { model: 'openai/tts-1' } },
        { model_name: 'flaky-tts', litellm_params: { model: 'openai/tts-1' }, model_info: { emulator_fault: '503', emulator_fault_times: 1 } },
        { model_name: 'whisper', litellm_params: { model: 'openai/whisper-1' } },
      ],
    },
  })
  await synthesizeSpeech(SENTENCE, 'wav', { voice: 'alloy' })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const speak = (fault: string, extra: Record<string, string> = {}, format = 'wav') =>
  postJson(`${emulator.url}/v1/audio/speech`, { model: 'tts', input: SENTENCE, voice: 'alloy', response_format: format }, { ...proxyAuth, 'x-emulator-fault': fault, ...extra })

describe('status faults', () => {
  it.each([401, 403, 404, 408, 409, 413, 500, 502, 503, 504])('answers %i in LiteLLM shape', async (status) => {
    const response = await speak(String(status))
    expect(response.status).toBe(status)
    const { error } = await response.json()
    expect(error.code).toBe(String(status))
    expect(error.message).toMatch(/^litellm\.\w+: .*emulated fault/)
    expect(emulator.requests[0]?.status).toBe(status)
  })

  it('429 carries Retry-After: 1', async () => {
    const response = await speak('429')
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('1')
    expect((await response.json()).error.message).toMatch(/^litellm\.RateLimitError: /)
  })

  it('429-date carries an HTTP date about a second ahead', async () => {
    const response = await speak('429-date')
    const wait = Date.parse(response.headers.get('retry-after') ?? '') - Date.now()
    expect(wait).toBeGreaterThan(-1000)
    expect(wait).toBeLessThanOrEqual(2000)
  })

  it('429-ms carries retry-after-ms: 150', async () => {
    const response = await speak('429-ms')
    expect(response.headers.get('retry-after-ms')).toBe('150')
  })

  it('answers in each persona’s own error shape', async () => {
    const openai = await postJson(`${emulator.url}/openai/v1/audio/speech`, {}, { ...openaiAuth, 'x-emulator-fault': '500' })
    expect(openai.headers.get('x-request-id')).toBeTruthy()
    expect((await openai.json()).error).toMatchObject({ type: 'server_error', param: null })
    const gemini = await postJson(`${emulator.url}/gemini/v1beta/models/x-tts:generateContent`, {}, { 'x-goog-api-key': TEST_KEYS.gemini, 'x-emulator-fault': '429' })
    expect((await gemini.json()).error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' })
    const token = await fetch(`${emulator.url}/google-token/token`, { method: 'POST', headers: { 'x-emulator-fault': '503' }, body: new URLSearchParams({}) })
    expect(await token.json()).toMatchObject({ error: 'internal_failure' })
  })
})

describe('connection and body faults', () => {
  it('reset-before-headers drops the connection without an answer', async () => {
    await expect(speak('reset-before-headers')).rejects.toThrow()
    await emulator.waitForSettled(1)
    expect(emulator.requests[0]?.status).toBeUndefined()
  })

  it('reset-mid-body sends 200 and part of the audio, then drops', async () => {
    const response = await speak('reset-mid-body')
    expect(response.status).toBe(200)
    await expect(response.arrayBuffer()).rejects.toThrow()
  })

  it('slow-headers waits before answering', async () => {
    const started = Date.now()
    const response = await speak('slow-headers:400', {}, 'pcm')
    expect(Date.now() - started).toBeGreaterThanOrEqual(390)
    expect(response.status).toBe(200)
  })

  it('slow-body sends headers and a first chunk, then waits', async () => {
    const response = await speak('slow-body:400')
    const headersAt = Date.now()
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(Date.now() - headersAt).toBeLessThan(300)
    expect(first.value?.length).toBeGreaterThan(0)
    const chunks = [first.value!]
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value)
    expect(Date.now() - headersAt).toBeGreaterThanOrEqual(390)
    expect(parseWavText(Buffer.concat(chunks))).toBe(SENTENCE)
  })

  it('html-error answers a 502 HTML page', async () => {
    const response = await speak('html-error')
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  it('malformed-json answers 500 JSON that does not parse', async () => {
    const response = await speak('malformed-json')
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).rejects.toThrow()
  })

  it.each([
    ['mislabel', 'audio/ogg'],
    ['octet-stream', 'application/octet-stream'],
    ['no-content-type', null],
  ])('%s labels WAV bytes as %s', async (fault, contentType) => {
    const response = await speak(fault)
    expect(response.headers.get('content-type')).toBe(contentType)
    expect(parseWavText(new Uint8Array(await response.arrayBuffer()))).toBe(SENTENCE)
  })

  it.each([400, 500])('size-error-%i answers the proxy file-size error with the upload size', async (status) => {
    const bytes = new Uint8Array(3 * 1024 * 1024)
    const response = await postForm(`${emulator.url}/v1/audio/transcriptions`, { bytes, filename: 'a.wav' }, { model: 'whisper' }, { ...proxyAuth, 'x-emulator-fault': `size-error-${status}` })
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({
      // Python floats and a string code: BerriAI/litellm http_parsing_utils.py, proxy/_types.py (ProxyException).
      error: { message: 'File size is too large. Please check your file size. Passed file size: 3.0 MB. Max file size: 1.0 MB', type: 'bad_request', param: 'file', code: String(status) },
    })
  })

  it('redirect answers 307 to the same path, whose retry succeeds', async () => {
    const manual = await fetch(`${emulator.url}/v1/audio/speech`, {
      method: 'POST', redirect: 'manual', headers: { ...proxyAuth, 'content-type': 'application/json', 'x-emulator-fault': 'redirect' },
      body: JSON.stringify({ model: 'tts', input: SENTENCE, voice: 'alloy' }),
    })
    expect(manual.status).toBe(307)
    expect(manual.headers.get('location')).toBe(`${emulator.url}/v1/audio/speech?redirected=1`)
    emulator.reset()
    const followed = await speak('redirect')
    expect(followed.status).toBe(200)
    expect(emulator.requests.map((request) => [request.url, request.status])).toEqual([
      ['/v1/audio/speech', 307],
      ['/v1/audio/speech?redirected=1', 200],
    ])
  })
})

describe('fault selection', () => {
  it('x-emulator-fault-times limits a fault to the first N requests of a scenario', async () => {
    const id = scenario()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await speak('503', { 'x-emulator-fault-times': '2', 'x-emulator-scenario': id }, 'pcm')
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses).toEqual([503, 503, 200])
    expect((await speak('503', { 'x-emulator-fault-times': '2', 'x-emulator-scenario': scenario() }, 'pcm')).status).toBe(503)
  })

  it('applies a fault configured on the model (model_info.emulator_fault)', async () => {
    const id = scenario()
    const send = () => postJson(`${emulator.url}/v1/audio/speech`, { model: 'flaky-tts', input: SENTENCE, voice: 'alloy', response_format: 'pcm' }, { ...proxyAuth, 'x-emulator-scenario': id })
    expect((await send()).status).toBe(503)
    expect((await send()).status).toBe(200)
  })

  it('refuses an unknown spec, and parses the known ones', async () => {
    const response = await speak('teapot')
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toContain("Unknown x-emulator-fault spec 'teapot'")
    expect(parseFault('slow-body:250')).toEqual({ spec: 'slow-body:250', kind: 'slow-body', ms: 250 })
    expect(parseFault('429-date')).toMatchObject({ kind: 'status', status: 429, retryAfter: 'date' })
    expect(parseFault('418')).toBeUndefined()
  })
})
