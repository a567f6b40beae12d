import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { APIError, createClient } from '../../src/index.ts'
import { createServiceAccount, describeAudio, parseWavText, readWav, TEST_KEYS } from '../emulator/index.ts'
import { caught, fault, useEmulator } from './setup.ts'

const emu = useEmulator()
const url = (path: string) => `${emu.emulator.url}${path}`
const personas = () => emu.emulator.requests.map((request) => `${request.persona} ${request.status}`)

afterEach(() => vi.unstubAllEnvs())

describe('Vertex AI Cloud Text-to-Speech with a service account', () => {
  it('mints a token at the token endpoint once, then reuses it', async () => {
    const account = await createServiceAccount(emu.emulator, { projectId: 'tts-project' })
    const client = createClient({ baseURL: url('/vertex-tts'), vertexCredentials: account, maxRetries: 0 })
    const first = await client.speech({ model: 'vertex_ai/chirp', input: 'First call', voice: 'en-US-Wavenet-D', response_format: 'wav' })
    expect(first).toMatchObject({ provider: 'vertex_ai', mediaType: 'audio/wav', warnings: [] })
    expect(parseWavText(new Uint8Array(await first.arrayBuffer()))).toBe('First call')
    const second = await client.speech({ model: 'vertex_ai/chirp', input: 'Second call', voice: 'en-US-Wavenet-D', response_format: 'wav' })
    await second.arrayBuffer()
    expect(personas()).toEqual(['google-token 200', 'vertex-tts 200', 'vertex-tts 200'])

    const [token, synthesize] = emu.emulator.requests
    expect(token).toMatchObject({ url: '/google-token/token', fields: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' } })
    expect(synthesize).toMatchObject({
      url: '/vertex-tts/v1/text:synthesize',
      json: { input: { text: 'First call' }, voice: { languageCode: 'en-US', name: 'en-US-Wavenet-D' }, audioConfig: { audioEncoding: 'LINEAR16' } },
    })
    expect(synthesize!.headers['x-goog-user-project']).toBe('tts-project')
    expect(synthesize!.headers.authorization).toMatch(/^Bearer ya29\.emulated-/)
    expect(emu.emulator.requests[2]!.headers.authorization).toBe(synthesize!.headers.authorization)
  })

  it('refreshes the token once when the server answers 401', async () => {
    const account = await createServiceAccount(emu.emulator)
    const client = createClient({ baseURL: url('/vertex-tts'), vertexCredentials: account, maxRetries: 0 })
    await (await client.speech({ model: 'vertex_ai/chirp', input: 'Warm up', voice: 'en-US-Wavenet-D', response_format: 'wav' })).arrayBuffer()
    const audio = await client.speech({
      model: 'vertex_ai/chirp', input: 'After a revoke', voice: 'en-US-Wavenet-D', response_format: 'wav', headers: fault('revoke-token', 1),
    })
    expect(parseWavText(new Uint8Array(await audio.arrayBuffer()))).toBe('After a revoke')
    expect(personas()).toEqual(['google-token 200', 'vertex-tts 200', 'vertex-tts 401', 'google-token 200', 'vertex-tts 200'])
    const [, , revoked, , retried] = emu.emulator.requests
    expect(retried!.headers.authorization).not.toBe(revoked!.headers.authorization)
  })

  it('speaks mp3 and pcm, maps OpenAI voices, sends SSML and speed', async () => {
    const client = createClient({ baseURL: url('/vertex-tts'), vertexCredentials: await createServiceAccount(emu.emulator), maxRetries: 0 })
    const mp3 = await client.speech({ model: 'vertex_ai/chirp', input: 'An mp3', voice: 'onyx', speed: 1.25 })
    expect(mp3.mediaType).toBe('audio/mpeg')
    expect(mp3.warnings).toEqual([{ option: 'voice', message: expect.stringContaining('en-US-Wavenet-D') }])
    const mp3Bytes = new Uint8Array(await mp3.arrayBuffer())
    expect(describeAudio(mp3Bytes, mp3Bytes.subarray(-4096), mp3Bytes.byteLength, 'a.mp3').text).toBe('An mp3')
    const pcm = await client.speech({ model: 'vertex_ai/chirp', input: '<speak>Raw <break time="200ms"/> samples</speak>', voice: 'en-GB-Wavenet-B', response_format: 'pcm' })
    expect(pcm.mediaType).toBe('audio/pcm')
    const pcmBytes = await pcm.arrayBuffer()
    expect(String.fromCharCode(...new Uint8Array(pcmBytes, 0, 4))).not.toBe('RIFF')
    expect(pcmBytes.byteLength / 48_000).toBeGreaterThan(0.3)
    const synth = emu.emulator.requests.filter((request) => request.persona === 'vertex-tts')
    expect(synth.map((request) => request.json)).toEqual([
      { input: { text: 'An mp3' }, voice: { languageCode: 'en-US', name: 'en-US-Wavenet-D' }, audioConfig: { audioEncoding: 'MP3', speakingRate: 1.25 } },
      {
        input: { ssml: '<speak>Raw <break time="200ms"/> samples</speak>' },
        voice: { languageCode: 'en-GB', name: 'en-GB-Wavenet-B' },
        audioConfig: { audioEncoding: 'PCM', sampleRateHertz: 24_000 },
      },
    ])
  })

  it.each([
    ['opus', 'audio/ogg'],
    ['aac', 'audio/mp4'],
    ['wav', 'audio/wav'],
  ] as const)('speaks %s, labelled %s by its bytes, and transcribable back to its text', async (format, mediaType) => {
    const client = createClient({ baseURL: url('/vertex-tts'), accessToken: TEST_KEYS.vertexToken, maxRetries: 0 })
    const audio = await client.speech({ model: 'vertex_ai/chirp', input: `Cloud ${format}`, voice: 'en-US-Wavenet-D', response_format: format })
    expect(audio.mediaType).toBe(mediaType)
    const bytes = new Uint8Array(await audio.arrayBuffer())
    expect(describeAudio(bytes, bytes.subarray(-4096), bytes.byteLength, `a.${format}`).text).toBe(`Cloud ${format}`)
  })

  it('refuses flac and a speed over 2 before any request', async () => {
    const client = createClient({ baseURL: url('/vertex-tts'), accessToken: TEST_KEYS.vertexToken })
    const speak = (extra: object) => client.speech({ model: 'vertex_ai/chirp', input: 'No', voice: 'en-US-Wavenet-D', ...extra }).catch((error: Error) => error)
    expect(await speak({ response_format: 'flac' })).toMatchObject({ name: 'InvalidRequestError', field: 'response_format' })
    expect(await speak({ speed: 3 })).toMatchObject({ name: 'InvalidRequestError', field: 'speed' })
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('reads the key file named by GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'voxfetch-vertex-'))
    const path = join(dir, 'service-account.json')
    await writeFile(path, JSON.stringify(await createServiceAccount(emu.emulator)))
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', path)
    const audio = await createClient({ baseURL: url('/vertex-tts') }).speech({ model: 'vertex_ai/en-US-Wavenet-F', input: 'From a file', response_format: 'wav' })
    expect(parseWavText(new Uint8Array(await audio.arrayBuffer()))).toBe('From a file')
    expect(emu.emulator.requests[1]!.json).toMatchObject({ voice: { languageCode: 'en-US', name: 'en-US-Wavenet-F' } })
  })

  it('reports a refused token exchange as an APIError from the token endpoint', async () => {
    const account = { ...(await createServiceAccount(emu.emulator)), client_email: 'unknown@nowhere.iam.gserviceaccount.com' }
    const error = await caught(createClient({ baseURL: url('/vertex-tts'), vertexCredentials: account, maxRetries: 0 })
      .speech({ model: 'vertex_ai/chirp', input: 'Hi', voice: 'en-US-Wavenet-D' }))
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: 400, provider: 'vertex_ai', code: 'invalid_grant', message: expect.stringContaining('Google access token') })
    expect(personas()).toEqual(['google-token 400'])
  })
})

describe('Vertex AI with an access token', () => {
  it('sends a given token as is and cannot refresh a plain string', async () => {
    const client = createClient({ baseURL: url('/vertex-tts'), accessToken: TEST_KEYS.vertexToken, maxRetries: 0 })
    await (await client.speech({ model: 'vertex_ai/chirp', input: 'Static', voice: 'en-US-Wavenet-D' })).arrayBuffer()
    const error = await caught(client.speech({ model: 'vertex_ai/chirp', input: 'Revoked', voice: 'en-US-Wavenet-D', headers: fault('revoke-token', 1) }))
    expect(error).toMatchObject({ name: 'APIError', status: 401, type: 'UNAUTHENTICATED' })
    expect(personas()).toEqual(['vertex-tts 200', 'vertex-tts 401'])
    expect(emu.emulator.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEYS.vertexToken}`)
  })

  it('calls a token function again after a 401', async () => {
    const account = await createServiceAccount(emu.emulator)
    const minted: string[] = []
    // The app's own token source: here a fresh token from the emulator per call.
    const accessToken = async () => {
      const form = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: await jwtFor(account) })
      const answer = await fetch(account.token_uri, { method: 'POST', body: form })
      const { access_token } = (await answer.json()) as { access_token: string }
      minted.push(access_token)
      return access_token
    }
    const audio = await createClient({ baseURL: url('/vertex-tts'), accessToken, maxRetries: 0 })
      .speech({ model: 'vertex_ai/chirp', input: 'Function token', voice: 'en-US-Wavenet-D', headers: fault('revoke-token', 1) })
    await audio.arrayBuffer()
    expect(minted).toHaveLength(2)
    expect(emu.emulator.requests.filter((request) => request.persona === 'vertex-tts').map((request) => request.status)).toEqual([401, 200])
  })
})

describe('Vertex AI Gemini TTS', () => {
  it('posts the Gemini body to the project/location URL and returns a valid WAV', async () => {
    const account = await createServiceAccount(emu.emulator, { projectId: 'gemini-project' })
    const client = createClient({ baseURL: url('/vertex'), vertexCredentials: account, vertexLocation: 'global', maxRetries: 0 })
    const audio = await client.speech({ model: 'vertex_ai/gemini-2.5-flash-preview-tts', input: 'Vertex Gemini speaks', voice: 'Puck' })
    expect(audio).toMatchObject({ format: 'wav', mediaType: 'audio/wav' })
    const bytes = new Uint8Array(await audio.arrayBuffer())
    expect(readWav(bytes)).toMatchObject({ sampleRate: 24_000, channels: 1, bitsPerSample: 16, dataSize: bytes.byteLength - 44 })
    expect(describeAudio(bytes, bytes.subarray(-4096), bytes.byteLength, 'a.wav').text).toBe('Vertex Gemini speaks')
    expect(emu.emulator.requests.at(-1)).toMatchObject({
      persona: 'vertex-gemini',
      url: '/vertex/v1/projects/gemini-project/locations/global/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent',
      json: { generationConfig: { speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } } } },
    })
  })

  it('takes the project from VERTEXAI_PROJECT over the service account’s', async () => {
    vi.stubEnv('VERTEXAI_PROJECT', 'env-project')
    vi.stubEnv('VERTEXAI_LOCATION', 'europe-west4')
    const client = createClient({ baseURL: url('/vertex'), vertexCredentials: await createServiceAccount(emu.emulator), maxRetries: 0 })
    await (await client.speech({ model: 'vertex_ai/gemini-2.5-pro-preview-tts', input: 'Env project', response_format: 'pcm' })).arrayBuffer()
    expect(emu.emulator.requests.at(-1)!.url).toBe('/vertex/v1/projects/env-project/locations/europe-west4/publishers/google/models/gemini-2.5-pro-preview-tts:generateContent')
  })
})

async function jwtFor(account: { client_email: string; private_key: string; token_uri: string }): Promise<string> {
  const { signServiceAccountJWT } = await import('../../src/auth/google-jwt.ts')
  return signServiceAccountJWT(account, Math.floor(Date.now() / 1000))
}

describe('bad input with a service account', () => {
  it('is refused before any token is fetched', async () => {
    const account = await createServiceAccount(emu.emulator)
    const error = await createClient({ maxRetries: 0 })
      .speech({
        model: 'vertex_ai/gemini-2.5-flash-preview-tts',
        input: 'Hi',
        response_format: 'mp3',
        vertexCredentials: account,
        vertexProject: 'voxfetch-test',
        baseURL: url('/vertex'),
      })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'InvalidRequestError', field: 'response_format' })
    expect(emu.emulator.requests).toHaveLength(0)
  })
})
