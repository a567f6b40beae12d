import { describe, expect, it } from 'vitest'
import { APIError } from '../../src/index.ts'
import { parseWavText } from '../emulator/index.ts'
import { fault, useEmulator } from './setup.ts'

const emu = useEmulator()
const wavInfo = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { channels: view.getUint16(22, true), sampleRate: view.getUint32(24, true), bits: view.getUint16(34, true) }
}

describe('speech through a LiteLLM proxy', () => {
  it('returns real speech as a WAV, labelled by its bytes, with the proxy headers', async () => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Hello from voxfetch', voice: 'alloy', response_format: 'wav' })
    expect(audio.mediaType).toBe('audio/wav')
    expect(audio.requestId).toMatch(/\S+/)
    expect(audio.headers.get('x-litellm-model-id')).toBeTruthy()
    const bytes = new Uint8Array(await audio.arrayBuffer())
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF')
    expect(wavInfo(bytes).bits).toBe(16)
    expect(parseWavText(bytes)).toBe('Hello from voxfetch')
    const [request] = emu.emulator.requests
    expect(request).toMatchObject({ persona: 'proxy', path: '/v1/audio/speech' })
    expect(request!.json).toEqual({ model: 'tts', input: 'Hello from voxfetch', voice: 'alloy', response_format: 'wav' })
  })

  it('sends a proxy alias no format; the mp3 its OpenAI model answers is labelled by its bytes', async () => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Default format', voice: 'nova' })
    expect(emu.emulator.requests[0]?.json).toEqual({ model: 'tts', input: 'Default format', voice: 'nova' })
    expect(audio.format).toBe('mp3')
    const blob = await audio.blob()
    expect(blob.type).toBe('audio/mpeg')
    expect(blob.size).toBeGreaterThan(1000)
  })

  it('hands over the first bytes while the server is still sending', async () => {
    const started = Date.now()
    const audio = await emu.client().speech({
      model: 'tts', input: 'Streaming test', voice: 'alloy', response_format: 'wav', headers: fault('slow-body:800'),
    })
    const firstBytesAt = Date.now() - started
    const reader = audio.body.getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    while (!(await reader.read()).done) {}
    const endAt = Date.now() - started
    expect(firstBytesAt).toBeLessThan(endAt - 600)
  })

  it('labels audio by its bytes when the server mislabels it', async () => {
    const audio = await emu.client().speech({
      model: 'tts', input: 'Mislabelled', voice: 'alloy', response_format: 'wav', headers: fault('mislabel'),
    })
    expect(audio.mediaType).toBe('audio/wav')
  })

  it('returns raw 24 kHz PCM as audio/pcm', async () => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Raw samples', voice: 'alloy', response_format: 'pcm' })
    expect(audio.mediaType).toBe('audio/pcm')
    const bytes = await audio.arrayBuffer()
    expect(bytes.byteLength % 2).toBe(0)
    expect(bytes.byteLength).toBeGreaterThan(24_000)
  })

  it('surfaces the proxy error message, type and status', async () => {
    const error = await emu.client().speech({ model: 'no-such-alias', input: 'Hi', voice: 'alloy' }).catch((e) => e)
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: 400, provider: 'proxy' })
    expect(error.message).toMatch(/no-such-alias/)
  })

  it('adds per-call headers to the client’s instead of replacing them', async () => {
    const client = emu.client({ headers: { 'x-tenant': 'team-a' } })
    await (await client.speech({ model: 'tts', input: 'Headers', voice: 'alloy', response_format: 'wav', headers: { 'x-trace': '42' } })).arrayBuffer()
    expect(emu.emulator.requests[0]!.headers).toMatchObject({ 'x-tenant': 'team-a', 'x-trace': '42' })
  })

  it('reads a result only once', async () => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Once', voice: 'alloy', response_format: 'wav' })
    await audio.arrayBuffer()
    expect(audio.bodyUsed).toBe(true)
    await expect(audio.blob()).rejects.toThrow(/read once/)
  })
})

describe('speech straight to OpenAI', () => {
  it('sends openai/<model> to {baseURL}/audio/speech without a second /v1', async () => {
    const { emulator } = emu
    const audio = await emu.client().speech({
      model: 'openai/gpt-4o-mini-tts', input: 'Direct', voice: 'coral', response_format: 'wav',
      instructions: 'Calm', baseURL: `${emulator.url}/openai/v1`, apiKey: (await import('../emulator/index.ts')).TEST_KEYS.openai,
    })
    expect(audio.mediaType).toBe('audio/wav')
    expect(emulator.requests[0]).toMatchObject({ persona: 'openai', path: '/openai/v1/audio/speech' })
    expect(emulator.requests[0]!.json).toMatchObject({ model: 'gpt-4o-mini-tts', instructions: 'Calm' })
  })
})
