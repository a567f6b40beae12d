import { beforeAll, describe, expect, it } from 'vitest'
import { createClient, type SpeechResult } from '../../src/index.ts'
import { describeAudio, readWav, TEST_KEYS } from '../emulator/index.ts'
import { useEmulator } from './setup.ts'

const emu = useEmulator()
// The streaming code is loaded on first use; load it now so that load is not timed as a delay.
beforeAll(() => import('../../src/speech/events.ts'))
const INTERVAL_MS = 60
const paced = { 'x-emulator-stream-interval-ms': String(INTERVAL_MS) }
// Long enough for several events (8 KiB of audio each) at the pace above.
const TEXT = 'Streaming speech arrives in pieces while it is made.'

const openai = () => createClient({ baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, maxRetries: 0 })
const gemini = () => createClient({ baseURL: `${emu.emulator.url}/gemini/v1beta`, apiKey: TEST_KEYS.gemini, maxRetries: 0 })
const spoken = (bytes: Uint8Array, name = 'a.wav') => describeAudio(bytes, bytes.subarray(-4096), bytes.byteLength, name)

/** Reads a result's stream, noting when the first and the last chunk came. */
async function timedRead(result: SpeechResult) {
  const started = performance.now()
  const chunks: Uint8Array[] = []
  let first = 0
  for (const reader = result.body.getReader(); ; ) {
    const { done, value } = await reader.read()
    if (done) break
    if (chunks.length === 0) first = performance.now() - started
    chunks.push(value)
  }
  const last = performance.now() - started
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { first, last, bytes, chunks: chunks.length }
}

describe('OpenAI speech with stream_format: "sse"', () => {
  it('asks for events and gives the same audio bytes as a plain answer, the first long before the last', async () => {
    const plain = new Uint8Array(await (await openai().speech({ model: 'openai/gpt-4o-mini-tts', input: TEXT, voice: 'alloy', response_format: 'wav' })).arrayBuffer())
    const result = await openai().speech({ model: 'openai/gpt-4o-mini-tts', input: TEXT, voice: 'alloy', response_format: 'wav', stream_format: 'sse', headers: paced })
    expect(result).toMatchObject({ mediaType: 'audio/wav', format: 'wav', warnings: [] })
    expect(result.usage).toBeUndefined()
    const { first, last, bytes, chunks } = await timedRead(result)
    expect(chunks).toBeGreaterThanOrEqual(4)
    expect(last - first).toBeGreaterThanOrEqual((chunks - 2) * INTERVAL_MS)
    expect(bytes).toEqual(plain)
    expect(result.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number), total_tokens: expect.any(Number) })
    expect(emu.emulator.requests.at(-1)!.json).toMatchObject({ model: 'gpt-4o-mini-tts', stream_format: 'sse', response_format: 'wav' })
  })

  it('labels the decoded audio by its bytes (mp3)', async () => {
    const result = await openai().speech({ model: 'openai/gpt-4o-mini-tts', input: 'An mp3 in events', voice: 'alloy', stream_format: 'sse' })
    expect(result.mediaType).toBe('audio/mpeg')
    const bytes = new Uint8Array(await result.arrayBuffer())
    expect(spoken(bytes, 'a.mp3').text).toBe('An mp3 in events')
    expect(result.usage?.total_tokens).toBeGreaterThan(0)
  })

  it('sends no stream_format for tts-1, which has no events, and says so', async () => {
    const result = await openai().speech({ model: 'openai/tts-1', input: 'Legacy model', voice: 'alloy', response_format: 'wav', stream_format: 'sse' })
    expect(result.warnings.map((warning) => warning.option)).toEqual(['stream_format'])
    expect(spoken(new Uint8Array(await result.arrayBuffer())).text).toBe('Legacy model')
    expect(emu.emulator.requests.at(-1)!.json).not.toHaveProperty('stream_format')
  })

  it('streams events from Azure deployments too', async () => {
    const azure = createClient({ baseURL: `${emu.emulator.url}/azure`, apiKey: TEST_KEYS.azure, maxRetries: 0 })
    const result = await azure.speech({ model: 'azure/gpt-4o-mini-tts', input: 'Azure events', voice: 'alloy', response_format: 'wav', stream_format: 'sse' })
    expect(spoken(new Uint8Array(await result.arrayBuffer())).text).toBe('Azure events')
    expect(result.usage).toBeDefined()
  })
})

describe('stream_format through a LiteLLM proxy', () => {
  it('is not sent, since the proxy does not pass it on; the audio still streams as bytes', async () => {
    const result = await emu.client().speech({ model: 'gpt-4o-mini-tts', input: 'Through the proxy', voice: 'alloy', response_format: 'wav', stream_format: 'sse' })
    expect(result.warnings).toEqual([{ option: 'stream_format', message: expect.stringContaining('LiteLLM proxy') }])
    expect(spoken(new Uint8Array(await result.arrayBuffer())).text).toBe('Through the proxy')
    expect(emu.emulator.requests.at(-1)!.json).not.toHaveProperty('stream_format')
  })
})

describe('Gemini speech with stream_format: "sse"', () => {
  it('calls streamGenerateContent?alt=sse and streams a WAV that is playable while it grows', async () => {
    const plain = new Uint8Array(await (await gemini().speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: TEXT, voice: 'Kore' })).arrayBuffer())
    const result = await gemini().speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: TEXT, voice: 'Kore', stream_format: 'sse', headers: paced })
    expect(result).toMatchObject({ mediaType: 'audio/wav', format: 'wav', warnings: [] })
    const { first, last, bytes, chunks } = await timedRead(result)
    expect(chunks).toBeGreaterThanOrEqual(4)
    expect(last - first).toBeGreaterThanOrEqual((chunks - 3) * INTERVAL_MS)
    // The header went out before the length was known: sizes say "unknown" (0xFFFFFFFF).
    const view = new DataView(bytes.buffer)
    expect(readWav(bytes)).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 24_000, bitsPerSample: 16, dataOffset: 44 })
    expect(view.getUint32(4, true)).toBe(0xffffffff)
    expect(view.getUint32(40, true)).toBe(0xffffffff)
    expect(bytes.subarray(44)).toEqual(plain.subarray(44))
    expect(result.usage).toMatchObject({ promptTokenCount: expect.any(Number), candidatesTokenCount: expect.any(Number) })
    expect(emu.emulator.requests.at(-1)!.url).toBe('/gemini/v1beta/models/gemini-2.5-flash-preview-tts:streamGenerateContent?alt=sse')
  })

  it('seals the streamed WAV with its real sizes when read whole', async () => {
    const result = await gemini().speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'Whole clip', voice: 'Puck', stream_format: 'sse' })
    const bytes = new Uint8Array(await result.arrayBuffer())
    expect(readWav(bytes)).toMatchObject({ dataSize: bytes.byteLength - 44 })
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(bytes.byteLength - 8)
    expect(spoken(bytes).text).toBe('Whole clip')
  })

  it('streams raw PCM for pcm', async () => {
    const plain = new Uint8Array(await (await gemini().speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'Raw stream', voice: 'Puck', response_format: 'pcm' })).arrayBuffer())
    const result = await gemini().speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'Raw stream', voice: 'Puck', response_format: 'pcm', stream_format: 'sse' })
    expect(result.mediaType).toBe('audio/pcm')
    expect(new Uint8Array(await result.arrayBuffer())).toEqual(plain)
  })

  it('streams from Vertex AI Gemini models at their streamGenerateContent URL', async () => {
    const client = createClient({ baseURL: `${emu.emulator.url}/vertex`, accessToken: TEST_KEYS.vertexToken, vertexProject: 'stream-project', maxRetries: 0 })
    const result = await client.speech({ model: 'vertex_ai/gemini-2.5-flash-preview-tts', input: 'Vertex stream', voice: 'Puck', stream_format: 'sse', headers: paced })
    const bytes = new Uint8Array(await result.arrayBuffer())
    expect(spoken(bytes).text).toBe('Vertex stream')
    expect(emu.emulator.requests.at(-1)!.url).toBe(
      '/vertex/v1/projects/stream-project/locations/us-central1/publishers/google/models/gemini-2.5-flash-preview-tts:streamGenerateContent?alt=sse',
    )
  })

  it('warns that Cloud Text-to-Speech answers whole', async () => {
    const client = createClient({ baseURL: `${emu.emulator.url}/vertex-tts`, accessToken: TEST_KEYS.vertexToken, maxRetries: 0 })
    const result = await client.speech({ model: 'vertex_ai/chirp', input: 'Not streamed', voice: 'en-US-Wavenet-D', response_format: 'wav', stream_format: 'sse' })
    expect(result.warnings.map((warning) => warning.option)).toEqual(['stream_format'])
    await result.arrayBuffer()
  })
})
