import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveCredential } from '../../../src/auth/credential.ts'
import { azure } from '../../../src/providers/azure.ts'
import type { RequestContext, Route, TranscriptionInput } from '../../../src/providers/types.ts'
import { resolveRoute } from '../../../src/pipeline/route.ts'
import { createDeadline } from '../../../src/transport/deadline.ts'

afterEach(() => vi.unstubAllEnvs())

const KEY = 'azure-unit-key-8Pd2'
const route: Route = { provider: 'azure', model: 'my-tts', baseURL: 'https://res.openai.azure.com' }
const context = (overrides: Partial<RequestContext> = {}): RequestContext => ({
  route,
  credential: KEY,
  credentialKind: 'key',
  headers: {},
  ...overrides,
})

describe('Azure OpenAI speech request', () => {
  it('builds the exact deployment request with the api-key header', () => {
    const { request, warnings } = azure.buildSpeechRequest(
      { input: 'Hello', voice: 'alloy', response_format: 'wav', speed: 1.2, instructions: 'Calm', extraBody: { seed: 1 } },
      context({ headers: { 'x-trace': 't' }, organization: 'org-ignored' }),
    )
    expect(warnings).toEqual([])
    expect(request).toEqual({
      url: 'https://res.openai.azure.com/openai/deployments/my-tts/audio/speech?api-version=2025-02-01-preview',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': KEY, 'x-trace': 't' },
      body: JSON.stringify({ model: 'my-tts', input: 'Hello', voice: 'alloy', response_format: 'wav', speed: 1.2, instructions: 'Calm', seed: 1 }),
    })
  })

  it('sends an Entra ID token as Bearer, and honours apiVersion and a base ending in /openai', () => {
    const { request } = azure.buildSpeechRequest(
      { input: 'Hi', voice: 'nova', response_format: 'mp3' },
      context({
        route: { ...route, baseURL: 'http://127.0.0.1:4010/azure/openai/', apiVersion: '2024-10-21' },
        credential: 'entra-token-1',
        credentialKind: 'token',
      }),
    )
    expect(request.url).toBe('http://127.0.0.1:4010/azure/openai/deployments/my-tts/audio/speech?api-version=2024-10-21')
    expect(request.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer entra-token-1' })
  })

  it('warns that speakers are not sent, and needs a credential', () => {
    const built = azure.buildSpeechRequest({ input: 'Hi', voice: 'nova', response_format: 'mp3', speakers: { A: 'x', B: 'y' } }, context())
    expect(built.warnings).toEqual([{ option: 'speakers', message: expect.any(String) }])
    expect(() => azure.buildSpeechRequest({ input: 'Hi', voice: 'nova', response_format: 'mp3' }, context({ credential: undefined })))
      .toThrow(expect.objectContaining({ field: 'apiKey' }))
  })
})

describe('Azure OpenAI transcription request', () => {
  it('builds the exact multipart request at the deployment URL', () => {
    const file = new Blob([new Uint8Array([1, 2])], { type: 'audio/webm' })
    const input: TranscriptionInput = { file, filename: 'a.webm', mediaType: 'audio/webm', response_format: 'verbose_json', language: 'en', timestamp_granularities: ['word'] }
    const { request } = azure.buildTranscriptionRequest!(input, context({ route: { ...route, model: 'whisper' } }))
    expect(request).toEqual({
      url: 'https://res.openai.azure.com/openai/deployments/whisper/audio/transcriptions?api-version=2025-02-01-preview',
      method: 'POST',
      headers: { 'api-key': KEY },
      body: {
        fields: [['model', 'whisper'], ['response_format', 'verbose_json'], ['language', 'en'], ['timestamp_granularities[]', 'word']],
        file: { field: 'file', blob: file, filename: 'a.webm', mediaType: 'audio/webm' },
      },
    })
  })
})

describe('Azure routing and credentials', () => {
  const deadline = () => createDeadline(5_000, undefined)

  it('reads AZURE_API_BASE, AZURE_API_KEY and AZURE_API_VERSION', () => {
    vi.stubEnv('AZURE_API_BASE', 'https://env.openai.azure.com')
    vi.stubEnv('AZURE_API_KEY', 'env-azure-key')
    vi.stubEnv('AZURE_API_VERSION', '2024-06-01')
    expect(resolveRoute('azure/tts', {})).toMatchObject({ provider: 'azure', model: 'tts', baseURL: 'https://env.openai.azure.com', apiKey: 'env-azure-key', apiVersion: '2024-06-01' })
    expect(resolveRoute('azure/tts', { apiVersion: '2025-03-01-preview' }).apiVersion).toBe('2025-03-01-preview')
  })

  it('prefers an explicit Entra token over a key from the environment', async () => {
    vi.stubEnv('AZURE_API_KEY', 'env-azure-key')
    const options = { baseURL: 'https://r.test', azureAdToken: 'static-entra' }
    const routed = resolveRoute('azure/tts', options)
    expect(routed.apiKey).toBeUndefined()
    await expect(resolveCredential(routed, options, { deadline: deadline(), maxRetries: 0 })).resolves.toEqual({ value: 'static-entra', kind: 'token' })
  })

  it('calls the token provider per request, and can call it again after a 401', async () => {
    let calls = 0
    const options = { baseURL: 'https://r.test', azureAdTokenProvider: async () => `entra-${++calls}` }
    const credential = await resolveCredential(resolveRoute('azure/tts', options), options, { deadline: deadline(), maxRetries: 0 })
    expect(credential).toMatchObject({ value: 'entra-1', kind: 'token' })
    await expect(credential.refresh!()).resolves.toMatchObject({ value: 'entra-2' })
    await resolveCredential(resolveRoute('azure/tts', options), options, { deadline: deadline(), maxRetries: 0 })
    expect(calls).toBe(3)
  })

  it('turns token provider failures into typed errors that keep the cause', async () => {
    const failure = new Error('AADSTS700016: application not found')
    const throwing = { baseURL: 'https://r.test', azureAdTokenProvider: () => Promise.reject(failure) }
    await expect(resolveCredential(resolveRoute('azure/tts', throwing), throwing, { deadline: deadline(), maxRetries: 0 })).rejects.toMatchObject({
      name: 'InvalidRequestError',
      field: 'azureAdTokenProvider',
      message: 'azureAdTokenProvider: failed to provide a token: AADSTS700016: application not found',
      cause: failure,
    })
    const empty = { baseURL: 'https://r.test', azureAdTokenProvider: () => '' }
    await expect(resolveCredential(resolveRoute('azure/tts', empty), empty, { deadline: deadline(), maxRetries: 0 })).rejects.toMatchObject({
      name: 'InvalidRequestError',
      field: 'azureAdTokenProvider',
    })
  })

  it('stops waiting for a hung token provider at the deadline', async () => {
    const options = { baseURL: 'https://r.test', azureAdTokenProvider: () => new Promise<string>(() => {}) }
    await expect(resolveCredential(resolveRoute('azure/tts', options), options, { deadline: createDeadline(50, undefined), maxRetries: 0 }))
      .rejects.toMatchObject({ name: 'TimeoutError' })
  })
})
