import { afterEach, describe, expect, it, vi } from 'vitest'
import { APIError, createClient, InvalidRequestError } from '../../src/index.ts'
import { AZURE_ENTRA_TOKEN_PREFIX, parseWavText, synthesizeSpeech, TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()
const azure = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseURL: `${emu.emulator.url}/azure`, apiKey: TEST_KEYS.azure, maxRetries: 0, ...options })
const spokenWav = async (text: string) => new Blob([(await synthesizeSpeech(text, 'wav')).bytes as BlobPart], { type: 'audio/wav' })

afterEach(() => vi.unstubAllEnvs())

describe('Azure OpenAI without a proxy', () => {
  it('speaks through the deployment URL with the api-key header', async () => {
    const audio = await azure().speech({ model: 'azure/tts', input: 'Hello from Azure', voice: 'alloy', response_format: 'wav' })
    expect(audio.provider).toBe('azure')
    expect(audio.mediaType).toBe('audio/wav')
    expect(parseWavText(new Uint8Array(await audio.arrayBuffer()))).toBe('Hello from Azure')
    const [request] = emu.emulator.requests
    expect(request).toMatchObject({
      persona: 'azure',
      status: 200,
      url: '/azure/openai/deployments/tts/audio/speech?api-version=2025-02-01-preview',
      json: { model: 'tts', input: 'Hello from Azure', voice: 'alloy', response_format: 'wav' },
    })
    expect(request!.headers['api-key']).toBe(TEST_KEYS.azure)
    expect(request!.headers.authorization).toBeUndefined()
  })

  it('transcribes to the same normalized result as OpenAI', async () => {
    const result = await azure({ apiVersion: '2024-10-21' }).transcription({
      model: 'azure/whisper', file: await spokenWav('Azure hears this'), response_format: 'verbose_json', language: 'en',
    })
    expect(result).toMatchObject({ text: 'Azure hears this', format: 'verbose_json', provider: 'azure', language: 'english' })
    expect(result.duration).toBeGreaterThan(0.3)
    expect(emu.emulator.requests.at(-1)).toMatchObject({
      url: '/azure/openai/deployments/whisper/audio/transcriptions?api-version=2024-10-21',
      fields: { model: 'whisper', response_format: 'verbose_json', language: 'en' },
      file: { filename: 'audio.wav', mimeType: 'audio/wav' },
    })
  })

  it('calls azureAdTokenProvider for every request and sends its token as Bearer', async () => {
    let calls = 0
    const client = azure({ apiKey: undefined, azureAdTokenProvider: async () => `${AZURE_ENTRA_TOKEN_PREFIX}${++calls}` })
    await (await client.speech({ model: 'azure/tts', input: 'One', voice: 'nova', response_format: 'wav' })).arrayBuffer()
    await (await client.speech({ model: 'azure/tts', input: 'Two', voice: 'nova', response_format: 'wav' })).arrayBuffer()
    expect(emu.emulator.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${AZURE_ENTRA_TOKEN_PREFIX}1`,
      `Bearer ${AZURE_ENTRA_TOKEN_PREFIX}2`,
    ])
    expect(emu.emulator.requests.every((request) => request.headers['api-key'] === undefined)).toBe(true)
  })

  it('gives the provider a second chance after a 401, then reports the error', async () => {
    const tokens = ['not-an-entra-token', `${AZURE_ENTRA_TOKEN_PREFIX}fresh`]
    const client = azure({ apiKey: undefined, azureAdTokenProvider: () => tokens.shift() ?? 'stale' })
    const audio = await client.speech({ model: 'azure/tts', input: 'Retry', voice: 'nova', response_format: 'wav' })
    await audio.arrayBuffer()
    expect(emu.emulator.requests.map((request) => request.status)).toEqual([401, 200])
    emu.emulator.reset()
    const always = azure({ apiKey: undefined, azureAdTokenProvider: () => 'never-valid-token' })
    expect(await caught(always.speech({ model: 'azure/tts', input: 'Twice at most', voice: 'nova' }))).toMatchObject({ name: 'APIError', status: 401 })
    expect(emu.emulator.requests.map((request) => request.status)).toEqual([401, 401])
  })

  it('surfaces a failing token provider as a typed error, before any request', async () => {
    const error = await caught(azure({ azureAdTokenProvider: () => { throw new Error('interaction_required') } })
      .speech({ model: 'azure/tts', input: 'Hi', voice: 'alloy' }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error).toMatchObject({ field: 'azureAdTokenProvider', message: expect.stringContaining('interaction_required') })
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('reads AZURE_API_BASE, AZURE_API_KEY and AZURE_API_VERSION in Node', async () => {
    vi.stubEnv('AZURE_API_BASE', `${emu.emulator.url}/azure`)
    vi.stubEnv('AZURE_API_KEY', TEST_KEYS.azure)
    vi.stubEnv('AZURE_API_VERSION', '2025-04-01-preview')
    const audio = await createClient().speech({ model: 'azure/tts', input: 'From the environment', voice: 'echo', response_format: 'wav' })
    await audio.arrayBuffer()
    expect(emu.emulator.requests[0]).toMatchObject({ status: 200, url: '/azure/openai/deployments/tts/audio/speech?api-version=2025-04-01-preview' })
  })

  it('reports Azure’s own errors as APIError', async () => {
    const error = await caught(azure({ apiKey: 'wrong-azure-key-123' }).speech({ model: 'azure/tts', input: 'Hi', voice: 'alloy' }))
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: 401, provider: 'azure', message: expect.stringContaining('Access denied') })
    const missing = await caught(azure().speech({ model: 'azure/no-such-deployment', input: 'Hi', voice: 'alloy' }))
    expect(missing).toMatchObject({ status: 404, code: 'DeploymentNotFound' })
  })
})
