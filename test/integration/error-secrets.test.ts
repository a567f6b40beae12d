import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClientOptions, createClient } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { expectNoSecrets } from './secret-walk.ts'
import { startTinyServer } from './tiny-server.ts'

// A server that echoes every credential it gets, in the body and in the headers, with a status
// and body shape the test picks: the worst a hostile or careless server can do.
let echo: Awaited<ReturnType<typeof startTinyServer>>
let closedURL = ''
let shape: { status: number; type: string; body: (credentials: string) => string } = { status: 200, type: 'application/json', body: () => '{}' }

beforeAll(async () => {
  echo = await startTinyServer((request, response) => {
    const credentials = [request.headers.authorization, request.headers['api-key'], request.headers['x-goog-api-key'], request.headers['x-secret']]
      .filter(Boolean)
      .join(' ')
    response.writeHead(shape.status, { 'content-type': shape.type, 'x-echo': credentials, 'set-cookie': `session=${credentials}` })
    response.end(shape.body(credentials))
  })
  const closed = await startTinyServer(() => {})
  closedURL = closed.url
  await closed.close()
})
afterAll(() => echo.close())

const SECRETS = [TEST_KEYS.proxy, TEST_KEYS.azure, TEST_KEYS.gemini, TEST_KEYS.vertexToken, 'x-secret-value-99']
const file = new File([new Uint8Array(64)], 'a.wav', { type: 'audio/wav' })

async function failure(options: ClientOptions, call: 'speech' | 'transcription', model: string, voice = 'alloy'): Promise<unknown> {
  const client = createClient({ maxRetries: 0, timeout: 10_000, ...options })
  const run = call === 'speech'
    ? client.speech({ model, input: 'hello', voice, response_format: 'wav' }).then((audio) => audio.arrayBuffer())
    : client.transcription({ model, file })
  return run.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )
}

describe('nothing secret is reachable from an error', () => {
  const keyed: Array<[string, () => ClientOptions, string, string?]> = [
    ['proxy', () => ({ baseURL: echo.url, apiKey: TEST_KEYS.proxy, headers: { 'x-secret': 'x-secret-value-99' } }), 'tts'],
    ['azure', () => ({ baseURL: echo.url, apiKey: TEST_KEYS.azure }), 'azure/tts'],
    ['gemini', () => ({ baseURL: echo.url, apiKey: TEST_KEYS.gemini }), 'gemini/gemini-2.5-flash-preview-tts', 'Kore'],
    ['vertex', () => ({ baseURL: echo.url, accessToken: TEST_KEYS.vertexToken }), 'vertex_ai/chirp', 'en-US-Wavenet-D'],
  ]

  it.each(keyed)('a connection failure (%s): message, cause chain, inspect and JSON', async (_name, options, model, voice) => {
    const error = await failure({ ...options(), baseURL: closedURL }, 'speech', model, voice)
    expect((error as Error).name).toBe('ConnectionError')
    expect((error as Error).cause).toBeInstanceOf(Error)
    expectNoSecrets(error, SECRETS)
  })

  it.each(keyed)('an error answer that echoes the key in its body and headers (%s)', async (_name, options, model, voice) => {
    shape = { status: 400, type: 'application/json', body: (credentials) => JSON.stringify({ error: { message: `bad key ${credentials}` } }) }
    const error = await failure(options(), 'speech', model, voice)
    expect((error as Error).name).toBe('APIError')
    expectNoSecrets(error, SECRETS)
  })

  it.each(keyed)('a 2xx answer that is not audio and echoes the key (%s)', async (_name, options, model, voice) => {
    shape = { status: 200, type: 'application/json', body: (credentials) => JSON.stringify({ echo: credentials }) }
    const error = await failure(options(), 'speech', model, voice)
    expect((error as Error).name).toBe('APIError')
    expect((error as Error).message).toMatch(/Unexpected answer/)
    expectNoSecrets(error, SECRETS)
  })

  it('a 2xx transcription answer with no transcript that echoes the key', async () => {
    shape = { status: 200, type: 'application/json', body: (credentials) => JSON.stringify({ echo: credentials }) }
    const error = await failure({ baseURL: echo.url, apiKey: TEST_KEYS.proxy }, 'transcription', 'whisper')
    expect((error as Error).name).toBe('APIError')
    expectNoSecrets(error, SECRETS)
  })

  it('an upload that fails to connect', async () => {
    const error = await failure({ baseURL: closedURL, apiKey: TEST_KEYS.azure }, 'transcription', 'azure/whisper')
    expect((error as Error).name).toBe('ConnectionError')
    expectNoSecrets(error, SECRETS)
  })

  // Errors that arrive inside an event stream, after a 200: the message quotes the server's text.
  const streamed: Array<[string, () => Promise<unknown>, (credentials: string) => string]> = [
    ['OpenAI speech events, a type: error event', () => createClient({ baseURL: echo.url, apiKey: TEST_KEYS.openai, maxRetries: 0 })
      .speech({ model: 'openai/gpt-4o-mini-tts', input: 'hello', voice: 'alloy', stream_format: 'sse' }),
    (credentials) => `data: ${JSON.stringify({ type: 'error', error: { message: `bad key ${credentials}` } })}\n\n`],
    ['Gemini alt=sse, an error member', () => createClient({ baseURL: echo.url, apiKey: TEST_KEYS.gemini, maxRetries: 0 })
      .speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'hello', voice: 'Kore', stream_format: 'sse' }),
    (credentials) => `data: ${JSON.stringify({ error: { code: 400, message: `bad key ${credentials}`, status: 'INVALID_ARGUMENT' } })}\n\n`],
    ['a streamed transcription, an event: error', async () => {
      const stream = await createClient({ baseURL: echo.url, apiKey: TEST_KEYS.openai, maxRetries: 0 }).streamTranscription({ model: 'openai/gpt-4o-transcribe', file })
      return stream.final
    }, (credentials) => `event: error\ndata: ${JSON.stringify({ message: `bad key ${credentials}` })}\n\n`],
  ]
  it.each(streamed)('an error inside an event stream that echoes the key (%s)', async (_name, call, body) => {
    shape = { status: 200, type: 'text/event-stream', body }
    const error = await call().then(() => new Error('expected a failure'), (failure: unknown) => failure)
    expect((error as Error).name).toBe('APIError')
    expect((error as Error).message).toMatch(/the stream reported an error: bad key .*\[redacted\]/)
    expectNoSecrets(error, [...SECRETS, TEST_KEYS.openai])
  })

  it.each([1974, 1985, 1996])('an error body cut at 2,000 characters with a key across the cut (key at %i)', async (at) => {
    // `Bearer ` comes before the key: 7 characters.
    shape = { status: 400, type: 'text/plain', body: (credentials) => `${'x'.repeat(at - 7)}${credentials}${'y'.repeat(6000)}` }
    const error = await failure({ baseURL: echo.url, apiKey: TEST_KEYS.proxy }, 'speech', 'tts')
    expect((error as Error).name).toBe('APIError')
    const body = (error as { body: string }).body
    expect(body.length).toBeLessThanOrEqual(2_000 + '[redacted]…'.length)
    expect(body).toMatch(/^x+Bearer /)
    // Not even the key's beginning is left.
    expect(body).not.toContain(TEST_KEYS.proxy.slice(0, 8))
    expectNoSecrets(error, SECRETS)
  })

  it('a 2xx Gemini answer with no audio that echoes the key across the 2,000-character cut of its body', async () => {
    // `{"echo":"` is 9 characters: the key starts 12 characters before the cut.
    shape = { status: 200, type: 'application/json', body: (credentials) => JSON.stringify({ echo: `${'x'.repeat(2_000 - 9 - 12)}${credentials}` }) }
    const error = await failure({ baseURL: echo.url, apiKey: TEST_KEYS.gemini }, 'speech', 'gemini/gemini-2.5-flash-preview-tts', 'Kore')
    expect((error as Error).name).toBe('APIError')
    expect((error as { body: string }).body).not.toContain(TEST_KEYS.gemini.slice(0, 8))
    expectNoSecrets(error, SECRETS)
  })

  it('a refused redirect, a refused header and an answer past maxResponseBytes', async () => {
    const errors = [
      await failure({ baseURL: 'http://127.0.0.1:9/v1', apiKey: TEST_KEYS.proxy, headers: { 'x-secret': 'x-secret-value-99\n' } }, 'speech', 'tts'),
    ]
    shape = { status: 200, type: 'application/json', body: (credentials) => JSON.stringify({ text: credentials.repeat(100) }) }
    errors.push(await failure({ baseURL: echo.url, apiKey: TEST_KEYS.proxy, maxResponseBytes: 64 }, 'transcription', 'whisper'))
    expect(errors.map((error) => (error as Error).name)).toEqual(['InvalidRequestError', 'ResponseTooLargeError'])
    for (const error of errors) expectNoSecrets(error, SECRETS)
  })
})
