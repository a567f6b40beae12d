import { describe, expect, it } from 'vitest'
import { pcmToWav } from '../../../src/audio/wav.ts'
import type { RequestContext, Route, SpeechInput } from '../../../src/providers/types.ts'
import { vertex } from '../../../src/providers/vertex.ts'
import { DEFAULT_GOOGLE_VOICE, OPENAI_TO_GOOGLE_VOICE } from '../../../src/providers/vertex-voices.ts'

const TOKEN = 'ya29.unit-vertex-token-3Ws1'
const ttsRoute: Route = { provider: 'vertex_ai', model: 'chirp', baseURL: '', vertexProject: 'my-project' }
const context = (route: Partial<Route> = {}, overrides: Partial<RequestContext> = {}): RequestContext => ({
  route: { ...ttsRoute, ...route },
  credential: TOKEN,
  credentialKind: 'token',
  headers: {},
  ...overrides,
})
const speech = (input: Partial<SpeechInput>): SpeechInput => ({ input: 'Hello', response_format: 'mp3', ...input })
const build = (input: Partial<SpeechInput>, route?: Partial<Route>, overrides?: Partial<RequestContext>) =>
  vertex.buildSpeechRequest(speech(input), context(route, overrides))
const bodyOf = (input: Partial<SpeechInput>, route?: Partial<Route>) => JSON.parse(build(input, route).request.body as string)

describe('Cloud Text-to-Speech request (vertex_ai/<non-gemini model>)', () => {
  it('builds the exact text:synthesize request', () => {
    const { request, warnings } = build({ voice: 'en-US-Wavenet-D', speed: 1.25 }, {}, { headers: { 'x-trace': 't' } })
    expect(warnings).toEqual([])
    expect(request).toEqual({
      url: 'https://texttospeech.googleapis.com/v1/text:synthesize',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-goog-user-project': 'my-project', 'x-trace': 't' },
      body: JSON.stringify({
        input: { text: 'Hello' },
        voice: { languageCode: 'en-US', name: 'en-US-Wavenet-D' },
        audioConfig: { audioEncoding: 'MP3', speakingRate: 1.25 },
      }),
    })
  })

  it('honours a baseURL override and sends no project header without a project', () => {
    const { request } = build({ voice: 'en-GB-Wavenet-B' }, { baseURL: 'http://127.0.0.1:4010/vertex-tts/', vertexProject: undefined })
    expect(request.url).toBe('http://127.0.0.1:4010/vertex-tts/v1/text:synthesize')
    expect(request.headers).toEqual({ 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` })
    expect(build({}, { baseURL: 'https://gw.test/tts/v1' }).request.url).toBe('https://gw.test/tts/v1/text:synthesize')
  })

  it('sends SSML as ssml when the input starts with <speak>', () => {
    expect(bodyOf({ input: '  <speak>Hi <break time="1s"/> there</speak>', voice: 'en-US-Wavenet-D' }).input).toEqual({
      ssml: '  <speak>Hi <break time="1s"/> there</speak>',
    })
    expect(bodyOf({ input: '<speaker> is not SSML', voice: 'en-US-Wavenet-D' }).input).toEqual({ text: '<speaker> is not SSML' })
  })

  // googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto, enum AudioEncoding (newest).
  it.each([
    ['mp3', { audioEncoding: 'MP3' }],
    ['opus', { audioEncoding: 'OGG_OPUS' }],
    ['aac', { audioEncoding: 'M4A' }],
    ['wav', { audioEncoding: 'LINEAR16' }],
    ['pcm', { audioEncoding: 'PCM', sampleRateHertz: 24_000 }],
  ] as const)('maps response_format %s to its audioEncoding', (format, audioConfig) => {
    expect(bodyOf({ voice: 'en-US-Wavenet-D', response_format: format }).audioConfig).toEqual(audioConfig)
  })

  it('refuses flac, which AudioEncoding does not have', () => {
    expect(() => build({ voice: 'en-US-Wavenet-D', response_format: 'flac' })).toThrow(expect.objectContaining({ field: 'response_format' }))
  })

  it('says aac comes back as M4A', () => {
    expect(build({ voice: 'en-US-Wavenet-D', response_format: 'aac' }).warnings).toEqual([
      { option: 'response_format', message: expect.stringContaining('M4A') },
    ])
  })

  it('refuses a speaking rate over 2.0 (AudioConfig.speaking_rate is [0.25, 2.0])', () => {
    expect(() => build({ voice: 'en-US-Wavenet-D', speed: 2.5 })).toThrow(expect.objectContaining({ field: 'speed' }))
    expect(bodyOf({ voice: 'en-US-Wavenet-D', speed: 2 }).audioConfig).toMatchObject({ speakingRate: 2 })
  })

  it.each(Object.entries(OPENAI_TO_GOOGLE_VOICE))('speaks OpenAI voice %s as %s, and says so', (openai, google) => {
    const { request, warnings } = build({ voice: openai })
    expect(JSON.parse(request.body as string).voice).toEqual({ languageCode: google.split('-').slice(0, 2).join('-'), name: google })
    expect(warnings).toEqual([{ option: 'voice', message: `"${openai}" is an OpenAI voice; Cloud Text-to-Speech spoke with "${google}"` }])
  })

  it('keeps LiteLLM’s mapping for the six original OpenAI voices', () => {
    expect(OPENAI_TO_GOOGLE_VOICE).toMatchObject({
      alloy: 'en-US-Studio-O', echo: 'en-US-Studio-M', fable: 'en-GB-Studio-B',
      onyx: 'en-US-Wavenet-D', nova: 'en-US-Studio-O', shimmer: 'en-US-Wavenet-F',
    })
  })

  it('uses a voice named by the model, else the documented default', () => {
    expect(bodyOf({}, { model: 'en-GB-Neural2-A' }).voice).toEqual({ languageCode: 'en-GB', name: 'en-GB-Neural2-A' })
    expect(bodyOf({}).voice).toEqual({ languageCode: 'en-US', name: DEFAULT_GOOGLE_VOICE })
    expect(bodyOf({ voice: 'cmn-CN-Wavenet-A' }).voice).toEqual({ languageCode: 'cmn-CN', name: 'cmn-CN-Wavenet-A' })
  })

  it('refuses voices Cloud TTS cannot have, before sending', () => {
    expect(() => build({ voice: 'Kore' })).toThrow(expect.objectContaining({ field: 'voice' }))
    expect(() => build({ voice: { id: 'voice_1' } })).toThrow(expect.objectContaining({ field: 'voice' }))
  })

  it('warns about instructions and speakers, which Cloud TTS cannot honour', () => {
    const { request, warnings } = build({ voice: 'en-US-Wavenet-D', instructions: 'Whisper', speakers: { A: 'x', B: 'y' } })
    expect(JSON.parse(request.body as string)).not.toHaveProperty('instructions')
    expect(warnings.map((warning) => warning.option)).toEqual(['instructions', 'speakers'])
  })

  it('counts the 5,000-byte limit in bytes, not characters', () => {
    expect(() => build({ voice: 'en-US-Wavenet-D', input: 'é'.repeat(2_501) })).toThrow(expect.objectContaining({ field: 'input', message: expect.stringContaining('5002') }))
    expect(() => build({ voice: 'en-US-Wavenet-D', input: 'e'.repeat(5_000) })).not.toThrow()
  })

  it('merges extraBody into audioConfig', () => {
    expect(bodyOf({ voice: 'en-US-Wavenet-D', extraBody: { audioConfig: { pitch: -2 } } }).audioConfig).toEqual({ audioEncoding: 'MP3', pitch: -2 })
  })

  it('refuses a missing token before sending', () => {
    expect(() => build({ voice: 'en-US-Wavenet-D' }, {}, { credential: undefined })).toThrow(expect.objectContaining({ field: 'accessToken' }))
  })
})

describe('Vertex Gemini request (vertex_ai/gemini-…-tts)', () => {
  const geminiRoute = { model: 'gemini-2.5-flash-preview-tts', vertexLocation: 'europe-west4' }

  it('posts the Gemini body to the regional Vertex URL with a Bearer token', () => {
    const { request, warnings } = build({ voice: 'alloy', response_format: 'wav' }, geminiRoute)
    expect(request).toEqual({
      url: 'https://europe-west4-aiplatform.googleapis.com/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
        generationConfig: { responseModalities: ['AUDIO'], speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Zephyr' } } } },
      }),
    })
    expect(warnings).toEqual([{ option: 'voice', message: expect.stringContaining('"Zephyr"') }])
  })

  it('uses the global host for location global, us-central1 by default, and a baseURL override', () => {
    expect(build({ response_format: 'wav' }, { ...geminiRoute, vertexLocation: 'global' }).request.url).toBe(
      'https://aiplatform.googleapis.com/v1/projects/my-project/locations/global/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent',
    )
    expect(build({ response_format: 'wav' }, { ...geminiRoute, vertexLocation: undefined }).request.url).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent',
    )
    expect(build({ response_format: 'wav' }, { ...geminiRoute, baseURL: 'http://127.0.0.1:4010/vertex' }).request.url).toBe(
      'http://127.0.0.1:4010/vertex/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent',
    )
  })

  it('needs a project, and refuses formats Gemini cannot produce', () => {
    expect(() => build({ response_format: 'wav' }, { ...geminiRoute, vertexProject: undefined })).toThrow(expect.objectContaining({ field: 'vertexProject' }))
    expect(() => build({ response_format: 'mp3' }, geminiRoute)).toThrow(expect.objectContaining({ field: 'response_format' }))
  })

  it('defaults to wav for Gemini models and mp3 for Cloud TTS', () => {
    expect(vertex.defaultSpeechFormat?.('gemini-2.5-pro-preview-tts')).toBe('wav')
    expect(vertex.defaultSpeechFormat?.('chirp')).toBe('mp3')
  })
})

describe('Vertex answers', () => {
  const pcm = new Uint8Array(960).map((_, index) => (index * 3) & 255)
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

  it('decodes Cloud TTS audioContent, labelled by its bytes', () => {
    const mp3 = new Uint8Array([0xff, 0xf3, 0x44, 0xc4, 1, 2, 3])
    expect(vertex.decodeSpeech!({ audioContent: base64(mp3) }, speech({}))).toEqual({ bytes: mp3, mediaType: 'audio/mpeg' })
    const wav = pcmToWav([pcm])
    expect(vertex.decodeSpeech!({ audioContent: base64(wav) }, speech({ response_format: 'wav' }))).toEqual({ bytes: wav, mediaType: 'audio/wav' })
  })

  it('strips the LINEAR16 WAV header for pcm', () => {
    expect(vertex.decodeSpeech!({ audioContent: base64(pcmToWav([pcm])) }, speech({ response_format: 'pcm' }))).toEqual({ bytes: pcm, mediaType: 'audio/pcm' })
    expect(vertex.decodeSpeech!({ audioContent: base64(pcm) }, speech({ response_format: 'pcm' }))).toEqual({ bytes: pcm, mediaType: 'audio/pcm' })
  })

  it('refuses headerless audio labelled wav and empty answers', () => {
    expect(() => vertex.decodeSpeech!({ audioContent: base64(pcm) }, speech({ response_format: 'wav' }))).toThrow(expect.objectContaining({ name: 'APIError' }))
    expect(() => vertex.decodeSpeech!({ audioContent: '' }, speech({}))).toThrow(expect.objectContaining({ name: 'APIError', provider: 'vertex_ai' }))
  })

  it('decodes a Vertex Gemini answer into WAV', () => {
    const payload = { candidates: [{ content: { parts: [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data: base64(pcm) } }] } }] }
    expect(vertex.decodeSpeech!(payload, speech({ response_format: 'wav' }))).toEqual({ bytes: pcmToWav([pcm]), mediaType: 'audio/wav' })
  })
})
