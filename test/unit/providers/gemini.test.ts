import { describe, expect, it } from 'vitest'
import { pcmToWav } from '../../../src/audio/wav.ts'
import { gemini } from '../../../src/providers/gemini.ts'
import { DEFAULT_GEMINI_VOICE, GEMINI_VOICES, OPENAI_TO_GEMINI_VOICE } from '../../../src/providers/gemini-voices.ts'
import type { RequestContext, SpeechInput } from '../../../src/providers/types.ts'

const KEY = 'gemini-unit-key-5Tq9'
const context = (overrides: Partial<RequestContext> = {}): RequestContext => ({
  route: { provider: 'gemini', model: 'gemini-2.5-flash-preview-tts', baseURL: 'https://generativelanguage.googleapis.com/v1beta' },
  credential: KEY,
  credentialKind: 'key',
  headers: {},
  ...overrides,
})
const speech = (input: Partial<SpeechInput>) => ({ input: 'Hello', response_format: 'wav' as const, ...input })
const build = (input: Partial<SpeechInput>, overrides?: Partial<RequestContext>) => gemini.buildSpeechRequest(speech(input), context(overrides))
const bodyOf = (input: Partial<SpeechInput>) => JSON.parse(build(input).request.body as string)
const single = (voiceName: string, text = 'Hello') => ({
  contents: [{ role: 'user', parts: [{ text }] }],
  generationConfig: { responseModalities: ['AUDIO'], speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName } } } },
})

describe('Gemini speech request', () => {
  it('builds the exact generateContent request, key in a header and never in the URL', () => {
    const { request, warnings } = build({ voice: 'Kore' }, { headers: { 'x-trace': 't-1' } })
    expect(warnings).toEqual([])
    expect(request).toEqual({
      url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-preview-tts:generateContent',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': KEY, 'x-trace': 't-1' },
      body: JSON.stringify(single('Kore')),
    })
    expect(request.url).not.toContain(KEY)
  })

  it('honours a baseURL override, keeping the rest of the path', () => {
    const { request } = build({ voice: 'Puck' }, { route: { provider: 'gemini', model: 'gemini-2.5-pro-preview-tts', baseURL: 'http://127.0.0.1:4010/gemini/v1beta/' } })
    expect(request.url).toBe('http://127.0.0.1:4010/gemini/v1beta/models/gemini-2.5-pro-preview-tts:generateContent')
  })

  it('passes Gemini voice names through unchanged, new ones included', () => {
    expect(bodyOf({ voice: 'Sulafat' })).toEqual(single('Sulafat'))
    expect(bodyOf({ voice: 'SomeFutureVoice' })).toEqual(single('SomeFutureVoice'))
  })

  it('uses the documented default voice when none is given', () => {
    expect(DEFAULT_GEMINI_VOICE).toBe('Kore')
    expect(build({}).warnings).toEqual([])
    expect(bodyOf({})).toEqual(single('Kore'))
  })

  it.each(Object.entries(OPENAI_TO_GEMINI_VOICE))('speaks OpenAI voice %s as %s, and says so', (openai, geminiVoice) => {
    const { request, warnings } = build({ voice: openai })
    expect(JSON.parse(request.body as string)).toEqual(single(geminiVoice))
    expect(warnings).toEqual([{ option: 'voice', message: `"${openai}" is an OpenAI voice; Gemini spoke with "${geminiVoice}", its closest Gemini voice` }])
  })

  it('maps every OpenAI voice to a real Gemini voice', () => {
    expect(Object.keys(OPENAI_TO_GEMINI_VOICE).sort()).toEqual(
      ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse', 'marin', 'cedar'].sort(),
    )
    for (const voice of Object.values(OPENAI_TO_GEMINI_VOICE)) expect(GEMINI_VOICES).toContain(voice)
  })

  it('refuses a custom voice id before sending', () => {
    expect(() => build({ voice: { id: 'voice_123' } })).toThrow(expect.objectContaining({ name: 'InvalidRequestError', field: 'voice' }))
  })

  it('puts instructions into the prompt as a style line', () => {
    expect(bodyOf({ voice: 'Kore', instructions: 'Say cheerfully.' })).toEqual(single('Kore', 'Say cheerfully:\nHello'))
    expect(bodyOf({ voice: 'Kore', instructions: '   ' })).toEqual(single('Kore'))
  })

  it('warns that speed cannot be honoured, and does not send it', () => {
    const { request, warnings } = build({ voice: 'Kore', speed: 1.5 })
    expect(JSON.parse(request.body as string)).toEqual(single('Kore'))
    expect(warnings).toEqual([{ option: 'speed', message: expect.stringContaining('speed 1.5 was not applied') }])
    expect(build({ voice: 'Kore', speed: 1 }).warnings).toEqual([])
  })

  it('sends two speakers as multiSpeakerVoiceConfig, mapping OpenAI names', () => {
    const { request, warnings } = build({ input: 'Joe: Hi!\nJane: Hello!', speakers: { Joe: 'Kore', Jane: 'nova' } })
    expect(JSON.parse(request.body as string)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Joe: Hi!\nJane: Hello!' }] }],
      generationConfig: {
        responseModalities: ['AUDIO'],
        speechConfig: {
          multiSpeakerVoiceConfig: {
            speakerVoiceConfigs: [
              { speaker: 'Joe', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } },
              { speaker: 'Jane', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Leda' } } },
            ],
          },
        },
      },
    })
    expect(warnings).toEqual([{ option: 'speakers.Jane', message: expect.stringContaining('"Leda"') }])
  })

  it('warns that voice is unused with speakers, and refuses other than two speakers', () => {
    expect(build({ voice: 'Puck', speakers: { A: 'Kore', B: 'Puck' } }).warnings).toEqual([{ option: 'voice', message: expect.stringContaining('not used') }])
    expect(() => build({ speakers: { A: 'Kore' } })).toThrow(expect.objectContaining({ field: 'speakers' }))
    expect(() => build({ speakers: { A: 'Kore', B: 'Puck', C: 'Zephyr' } })).toThrow(expect.objectContaining({ field: 'speakers' }))
  })

  it.each(['mp3', 'opus', 'aac', 'flac'] as const)('refuses %s before the network: Gemini cannot produce it', (format) => {
    expect(() => build({ voice: 'Kore', response_format: format })).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', field: 'response_format', message: expect.stringContaining('"wav"') }),
    )
  })

  it('asks for wav when the caller names no format', () => {
    expect(gemini.defaultSpeechFormat?.('gemini-2.5-flash-preview-tts')).toBe('wav')
  })

  it('merges extraBody deeply, so generation settings can be added', () => {
    expect(bodyOf({ voice: 'Kore', extraBody: { generationConfig: { temperature: 0.3 }, safetySettings: [] } })).toEqual({
      ...single('Kore'),
      generationConfig: { ...single('Kore').generationConfig, temperature: 0.3 },
      safetySettings: [],
    })
  })

  it('refuses a missing key before sending, naming the option', () => {
    expect(() => build({ voice: 'Kore' }, { credential: undefined })).toThrow(expect.objectContaining({ field: 'apiKey' }))
  })
})

describe('Gemini speech answer', () => {
  const pcm = new Uint8Array(4_800).map((_, index) => index & 255)
  const answer = (parts: unknown[]) => ({ candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP' }] })
  const inline = (bytes: Uint8Array, mimeType = 'audio/L16;codec=pcm;rate=24000') => ({ inlineData: { mimeType, data: Buffer.from(bytes).toString('base64') } })

  it('wraps PCM into a WAV with the rate from mimeType', () => {
    const audio = gemini.decodeSpeech!(answer([inline(pcm)]), speech({}))
    expect(audio.mediaType).toBe('audio/wav')
    expect(audio.bytes).toEqual(pcmToWav([pcm], { sampleRate: 24_000, channels: 1, bitsPerSample: 16 }))
    const at16k = gemini.decodeSpeech!(answer([inline(pcm, 'audio/L16;codec=pcm;rate=16000')]), speech({}))
    expect(new DataView(at16k.bytes.buffer, at16k.bytes.byteOffset).getUint32(24, true)).toBe(16_000)
  })

  it('joins several audio parts in order', () => {
    const audio = gemini.decodeSpeech!(answer([inline(pcm.subarray(0, 100)), { text: 'ignored' }, inline(pcm.subarray(100))]), speech({}))
    expect(audio.bytes.subarray(44)).toEqual(pcm)
  })

  it('hands over raw PCM for pcm, labelled audio/pcm', () => {
    expect(gemini.decodeSpeech!(answer([inline(pcm)]), speech({ response_format: 'pcm' }))).toEqual({ bytes: pcm, mediaType: 'audio/pcm' })
    expect(gemini.decodeSpeech!(answer([inline(pcm, 'audio/L16;codec=pcm;rate=16000')]), speech({ response_format: 'pcm' })).mediaType)
      .toBe('audio/pcm;rate=16000;channels=1')
  })

  it('fails with the finish reason when the answer holds no audio', () => {
    const blocked = { candidates: [{ content: { parts: [] }, finishReason: 'SAFETY' }] }
    expect(() => gemini.decodeSpeech!(blocked, speech({}))).toThrow(
      expect.objectContaining({ name: 'APIError', provider: 'gemini', message: expect.stringContaining('SAFETY') }),
    )
    expect(() => gemini.decodeSpeech!({}, speech({}))).toThrow(expect.objectContaining({ name: 'APIError' }))
  })

  it.each([
    'audio/L16;codec=pcm;rate=24000;channels=65536',
    'audio/L16;codec=pcm;rate=4294967296',
    'audio/L16;codec=pcm;rate=1e300',
    'audio/L16;codec=pcm;rate=5',
  ])('refuses a layout a WAV header cannot hold or no audio has (%s), for wav and pcm', (mimeType) => {
    for (const response_format of ['wav', 'pcm'] as const) {
      expect(() => gemini.decodeSpeech!(answer([inline(pcm, mimeType)]), speech({ response_format }))).toThrow(
        expect.objectContaining({ name: 'APIError', message: expect.stringContaining('cannot be true') }),
      )
    }
  })

  it('never labels bytes as something they are not', () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0])
    expect(() => gemini.decodeSpeech!(answer([inline(mp3, 'audio/mpeg')]), speech({}))).toThrow(
      expect.objectContaining({ name: 'APIError', message: expect.stringContaining('audio/mpeg, not wav') }),
    )
  })
})
