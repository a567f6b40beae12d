import { afterEach, describe, expect, it, vi } from 'vitest'
import { APIError, createClient, InvalidRequestError } from '../../src/index.ts'
import { describeAudio, readWav, TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()
const MODEL = 'gemini/gemini-2.5-flash-preview-tts'
const gemini = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseURL: `${emu.emulator.url}/gemini/v1beta`, apiKey: TEST_KEYS.gemini, maxRetries: 0, ...options })
const spoken = (bytes: Uint8Array) => describeAudio(bytes, bytes.subarray(-4096), bytes.byteLength, 'speech.wav')

afterEach(() => vi.unstubAllEnvs())

describe('Gemini TTS without a proxy', () => {
  it('returns a valid 24 kHz mono WAV of real speech by default', async () => {
    const audio = await gemini().speech({ model: MODEL, input: 'Hello from Gemini', voice: 'Kore' })
    expect(audio).toMatchObject({ provider: 'gemini', format: 'wav', mediaType: 'audio/wav', warnings: [] })
    const bytes = new Uint8Array(await audio.arrayBuffer())
    const wav = readWav(bytes)!
    expect(wav).toMatchObject({ formatTag: 1, channels: 1, sampleRate: 24_000, byteRate: 48_000, bitsPerSample: 16, dataOffset: 44, dataSize: bytes.byteLength - 44 })
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(bytes.byteLength - 8)
    const duration = wav.dataSize! / wav.byteRate
    expect(duration).toBeGreaterThan(0.3)
    expect(spoken(bytes)).toMatchObject({ format: 'wav', text: 'Hello from Gemini' })

    const [request] = emu.emulator.requests
    expect(request).toMatchObject({ persona: 'gemini', status: 200, url: '/gemini/v1beta/models/gemini-2.5-flash-preview-tts:generateContent' })
    expect(request!.headers['x-goog-api-key']).toBe(TEST_KEYS.gemini)
    expect(request!.json).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hello from Gemini' }] }],
      generationConfig: { responseModalities: ['AUDIO'], speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } } },
    })
  })

  it('returns the raw PCM for pcm', async () => {
    const audio = await gemini().speech({ model: MODEL, input: 'Raw samples', voice: 'Puck', response_format: 'pcm' })
    expect(audio.mediaType).toBe('audio/pcm')
    const bytes = await audio.arrayBuffer()
    expect(bytes.byteLength % 2).toBe(0)
    expect(bytes.byteLength / 48_000).toBeGreaterThan(0.3)
    expect(String.fromCharCode(...new Uint8Array(bytes, 0, 4))).not.toBe('RIFF')
  })

  it('speaks an OpenAI voice with its Gemini counterpart and says which', async () => {
    const audio = await gemini().speech({ model: MODEL, input: 'Mapped voice', voice: 'alloy', speed: 1.5, instructions: 'Say warmly' })
    expect(audio.warnings.map((warning) => warning.option)).toEqual(['speed', 'voice'])
    expect(audio.warnings[1]!.message).toContain('"Zephyr"')
    expect(spoken(new Uint8Array(await audio.arrayBuffer())).text).toBe('Say warmly:\nMapped voice')
    expect(emu.emulator.requests[0]!.json).toMatchObject({
      contents: [{ parts: [{ text: 'Say warmly:\nMapped voice' }] }],
      generationConfig: { speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Zephyr' } } } },
    })
  })

  it('sends speakers as a multi-speaker config', async () => {
    const audio = await gemini().speech({ model: MODEL, input: 'Joe: Hi Jane.\nJane: Hi Joe.', speakers: { Joe: 'Charon', Jane: 'Aoede' } })
    expect(spoken(new Uint8Array(await audio.arrayBuffer())).text).toBeDefined()
    expect(emu.emulator.requests[0]).toMatchObject({
      status: 200,
      json: { generationConfig: { speechConfig: { multiSpeakerVoiceConfig: { speakerVoiceConfigs: [
        { speaker: 'Joe', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Charon' } } },
        { speaker: 'Jane', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Aoede' } } },
      ] } } } },
    })
  })

  it('refuses formats Gemini cannot produce without sending anything', async () => {
    const error = await caught(gemini().speech({ model: MODEL, input: 'No mp3', voice: 'Kore', response_format: 'mp3' }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error).toMatchObject({ field: 'response_format' })
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('reads GEMINI_API_KEY, then GOOGLE_API_KEY', async () => {
    vi.stubEnv('GOOGLE_API_KEY', TEST_KEYS.gemini)
    const client = createClient({ baseURL: `${emu.emulator.url}/gemini/v1beta` })
    await (await client.speech({ model: MODEL, input: 'Google key', voice: 'Kore' })).arrayBuffer()
    vi.stubEnv('GEMINI_API_KEY', 'voxfetch-wrong-gemini-key')
    const error = await caught(client.speech({ model: MODEL, input: 'Gemini key first', voice: 'Kore' }))
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: 403, provider: 'gemini', type: 'PERMISSION_DENIED' })
    expect(emu.emulator.requests.map((request) => request.status)).toEqual([200, 403])
  })

  it('reports Gemini’s own rejections as APIError', async () => {
    const error = await caught(gemini().speech({ model: MODEL, input: 'Bad voice', voice: 'NoSuchVoice' }))
    expect(error).toMatchObject({ name: 'APIError', status: 400, type: 'INVALID_ARGUMENT', message: expect.stringContaining('NoSuchVoice') })
  })
})
