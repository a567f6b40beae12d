import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signServiceAccountJWT } from '../../src/auth/google-jwt.ts'
import { cloudTTSBody } from '../../src/providers/cloud-tts.ts'
import { oggCrc } from '../emulator/encode-ogg-opus.ts'
import { createServiceAccount, readWav, startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { CLOUD_TTS_ENCODINGS } from '../emulator/validate-cloud-tts.ts'

// Each persona checked against the public source it claims to follow; every test names it.
// TTS = googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto (newest).
// GEMINI = googleapis/googleapis google/ai/generativelanguage/v1beta/generative_service.proto.
// VERTEX = googleapis/googleapis google/cloud/aiplatform/v1/prediction_service.proto + content.proto.
// GTOKEN = googleapis/node-gtoken src/index.ts (requestToken).

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const bearer = { authorization: `Bearer ${TEST_KEYS.vertexToken}` }
const synthesize = (audioConfig: Record<string, unknown>, input: Record<string, unknown> = { text: 'Fidelity check.' }) =>
  post('/vertex-tts/v1/text:synthesize', { input, voice: { languageCode: 'en-US', name: 'en-US-Wavenet-D' }, audioConfig }, bearer)
const audioOf = async (response: Response) => {
  expect(response.status).toBe(200)
  return new Uint8Array(Buffer.from(((await response.json()) as { audioContent: string }).audioContent, 'base64'))
}
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length))
const errorOf = async (response: Response) => {
  expect(response.status).toBe(400)
  const { error } = (await response.json()) as { error: { code: number; status: string; message: string } }
  expect(error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' })
  return error.message
}

describe('Cloud Text-to-Speech persona (TTS)', () => {
  it('TTS enum AudioEncoding: accepts exactly LINEAR16, MP3, OGG_OPUS, MULAW, ALAW, PCM, M4A; there is no FLAC', async () => {
    expect([...CLOUD_TTS_ENCODINGS].sort()).toEqual(['ALAW', 'LINEAR16', 'M4A', 'MP3', 'MULAW', 'OGG_OPUS', 'PCM'])
    expect(await errorOf(await synthesize({ audioEncoding: 'FLAC' }))).toMatch(/audio_encoding/)
    // "AUDIO_ENCODING_UNSPECIFIED … Otherwise, will return INVALID_ARGUMENT."
    expect(await errorOf(await synthesize({ audioEncoding: 'AUDIO_ENCODING_UNSPECIFIED' }))).toMatch(/AUDIO_ENCODING_UNSPECIFIED/)
    expect(await errorOf(await synthesize({}))).toMatch(/AUDIO_ENCODING_UNSPECIFIED/)
  })

  it('TTS LINEAR16 "also contains a WAV header"; MULAW and ALAW too (G.711 format tags 7 and 6)', async () => {
    expect(readWav(await audioOf(await synthesize({ audioEncoding: 'LINEAR16' })))).toMatchObject({ formatTag: 1, bitsPerSample: 16 })
    expect(readWav(await audioOf(await synthesize({ audioEncoding: 'MULAW' })))).toMatchObject({ formatTag: 7, bitsPerSample: 8 })
    expect(readWav(await audioOf(await synthesize({ audioEncoding: 'ALAW' })))).toMatchObject({ formatTag: 6, bitsPerSample: 8 })
  })

  it('TTS PCM: the same samples "not wrapped in a WAV (or any other) header"', async () => {
    const pcm = await audioOf(await synthesize({ audioEncoding: 'PCM' }))
    const wav = readWav(await audioOf(await synthesize({ audioEncoding: 'LINEAR16' })))!
    expect(ascii(pcm, 0, 4)).not.toBe('RIFF')
    expect(pcm).toEqual(wav.data)
  })

  it('TTS MP3: MPEG audio', async () => {
    const mp3 = await audioOf(await synthesize({ audioEncoding: 'MP3' }))
    expect(ascii(mp3, 0, 3) === 'ID3' || (mp3[0] === 0xff && (mp3[1]! & 0xe0) === 0xe0)).toBe(true)
  })

  it('TTS OGG_OPUS: "Opus encoded audio wrapped in an ogg container" (RFC 7845 pages with valid CRCs)', async () => {
    const ogg = await audioOf(await synthesize({ audioEncoding: 'OGG_OPUS' }))
    const pages: { flags: number; granule: bigint; body: Uint8Array }[] = []
    for (let at = 0; at < ogg.length;) {
      expect(ascii(ogg, at, 4)).toBe('OggS')
      const segments = ogg[at + 26]!
      const size = 27 + segments + ogg.subarray(at + 27, at + 27 + segments).reduce((sum, value) => sum + value, 0)
      const page = ogg.slice(at, at + size)
      const crc = new DataView(page.buffer).getUint32(22, true)
      page.fill(0, 22, 26)
      expect(oggCrc(page)).toBe(crc)
      pages.push({ flags: ogg[at + 5]!, granule: new DataView(ogg.buffer, ogg.byteOffset).getBigUint64(at + 6, true), body: page.subarray(27 + segments) })
      at += size
    }
    expect(ascii(pages[0]!.body, 0, 8)).toBe('OpusHead')
    expect(pages[0]!.body[8]).toBe(1) // version
    expect(pages[0]!.flags & 0x02).toBe(2) // beginning of stream
    expect(ascii(pages[1]!.body, 0, 8)).toBe('OpusTags')
    expect(pages.at(-1)!.flags & 0x04).toBe(4) // end of stream
    expect(pages.at(-1)!.granule).toBeGreaterThan(312n)
    // Every audio packet's TOC byte is a valid Opus configuration (RFC 6716 §3.1).
    expect(pages[2]!.body[0]! >> 3).toBeLessThanOrEqual(31)
  })

  it('TTS M4A: "M4A audio", an MPEG-4 file (ftyp M4A, an mp4a track)', async () => {
    const m4a = await audioOf(await synthesize({ audioEncoding: 'M4A' }))
    expect(ascii(m4a, 4, 8)).toBe('ftypM4A ')
    const text = ascii(m4a, 0, Math.min(m4a.length, 2000))
    for (const box of ['moov', 'trak', 'stsd', 'mp4a', 'esds', 'mdat']) expect(text).toContain(box)
  })

  it('TTS proto3 JSON: an enum may be given by number (3 = OGG_OPUS) and fields by their proto names', async () => {
    const ogg = await audioOf(await post('/vertex-tts/v1/text:synthesize', {
      input: { text: 'Numbers.' }, voice: { language_code: 'en-US' }, audio_config: { audio_encoding: 3 },
    }, bearer))
    expect(ascii(ogg, 0, 4)).toBe('OggS')
  })

  it('TTS SynthesisInput: one input source; both or neither is INVALID_ARGUMENT; markup is a source', async () => {
    expect(await errorOf(await synthesize({ audioEncoding: 'MP3' }, { text: 'a', ssml: '<speak>a</speak>' }))).toMatch(/Exactly one/)
    expect(await errorOf(await synthesize({ audioEncoding: 'MP3' }, {}))).toMatch(/Exactly one/)
    expect((await synthesize({ audioEncoding: 'MP3' }, { markup: 'Marked up.' })).status).toBe(200)
  })

  it('TTS SynthesisInput: "The input size is limited to 5000 bytes"', async () => {
    expect((await synthesize({ audioEncoding: 'PCM' }, { text: 'a'.repeat(5000) })).status).toBe(200)
    expect(await errorOf(await synthesize({ audioEncoding: 'PCM' }, { text: 'a'.repeat(5001) }))).toMatch(/5000 bytes/)
  })

  it('TTS AudioConfig.speaking_rate: [0.25, 2.0], unset (0.0) meaning 1.0', async () => {
    expect((await synthesize({ audioEncoding: 'PCM', speakingRate: 2 })).status).toBe(200)
    expect((await synthesize({ audioEncoding: 'PCM', speakingRate: 0 })).status).toBe(200)
    expect(await errorOf(await synthesize({ audioEncoding: 'PCM', speakingRate: 2.5 }))).toMatch(/speaking_rate/)
    expect(await errorOf(await synthesize({ audioEncoding: 'PCM', speakingRate: 0.2 }))).toMatch(/speaking_rate/)
  })

  it('TTS: the client asks only for encodings the enum has, and the persona takes each of them', () => {
    const warnings: never[] = []
    for (const format of ['mp3', 'opus', 'aac', 'wav', 'pcm'] as const) {
      const body = JSON.parse(cloudTTSBody({ input: 'x', voice: 'en-US-Wavenet-D', response_format: format }, 'chirp', warnings))
      expect(CLOUD_TTS_ENCODINGS).toContain(body.audioConfig.audioEncoding)
    }
  })
})

const speechBody = (speechConfig: unknown, extra: Record<string, unknown> = {}) => ({
  contents: [{ role: 'user', parts: [{ text: 'Say it.' }] }],
  generationConfig: { responseModalities: ['AUDIO'], speechConfig },
  ...extra,
})
const voice = (name: string) => ({ prebuiltVoiceConfig: { voiceName: name } })
const gemini = (body: unknown) => post('/gemini/v1beta/models/gemini-2.5-flash-preview-tts:generateContent', body, { 'x-goog-api-key': TEST_KEYS.gemini })
const vertex = (body: unknown) => post('/vertex/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent', body, bearer)

describe('Gemini API persona (GEMINI)', () => {
  it('GEMINI GenerateContentResponse: candidates[].content.parts[].inlineData { mimeType, data }, usageMetadata, modelVersion, responseId', async () => {
    const response = await gemini(speechBody({ voiceConfig: voice('Kore') }))
    expect(response.status).toBe(200)
    const answer = await response.json()
    expect(Object.keys(answer).sort()).toEqual(['candidates', 'modelVersion', 'responseId', 'usageMetadata'])
    expect(answer.candidates[0]).toMatchObject({ finishReason: 'STOP', content: { role: 'model', parts: [{ inlineData: { mimeType: expect.stringMatching(/^audio\/L16;/) } }] } })
    expect(answer.usageMetadata).toMatchObject({ promptTokenCount: expect.any(Number), candidatesTokenCount: expect.any(Number), totalTokenCount: expect.any(Number) })
  })

  it('GEMINI proto3 JSON: snake_case field names are the same fields', async () => {
    const response = await gemini({
      contents: [{ parts: [{ text: 'Snake case.' }] }],
      generation_config: { response_modalities: ['AUDIO'], speech_config: { voice_config: { prebuilt_voice_config: { voice_name: 'Puck' } } } },
    })
    expect(response.status).toBe(200)
  })

  it('GEMINI SpeechConfig: multi_speaker_voice_config "is mutually exclusive with the voice_config field"', async () => {
    const both = { voiceConfig: voice('Kore'), multiSpeakerVoiceConfig: { speakerVoiceConfigs: [{ speaker: 'A', voiceConfig: voice('Kore') }, { speaker: 'B', voiceConfig: voice('Puck') }] } }
    expect(await errorOf(await gemini(speechBody(both)))).toMatch(/either voice_config or multi_speaker_voice_config/)
  })

  it('GEMINI content.proto Content.role: "Must be either \'user\' or \'model\'"', async () => {
    expect(await errorOf(await gemini({ ...speechBody({ voiceConfig: voice('Kore') }), contents: [{ role: 'system', parts: [{ text: 'x' }] }] }))).toMatch(/role/)
  })

  it('GEMINI GenerationConfig has no audioConfig: unknown fields are refused', async () => {
    const body = speechBody({ voiceConfig: voice('Kore') })
    expect(await errorOf(await gemini({ ...body, generationConfig: { ...body.generationConfig, audioConfig: {} } }))).toMatch(/Unknown name "audioConfig"/)
  })
})

describe('Vertex AI Gemini persona (VERTEX)', () => {
  it('VERTEX prediction_service.proto: POST /v1/projects/*/locations/*/publishers/*/models/*:generateContent, with a Bearer token', async () => {
    expect((await vertex(speechBody({ voiceConfig: voice('Kore') }))).status).toBe(200)
    expect((await post('/vertex/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent', speechBody(undefined), {})).status).toBe(401)
  })

  it('VERTEX GenerateContentRequest takes labels (the Gemini API has none)', async () => {
    expect((await vertex(speechBody({ voiceConfig: voice('Kore') }, { labels: { team: 'voice' } }))).status).toBe(200)
    expect((await gemini(speechBody({ voiceConfig: voice('Kore') }, { labels: { team: 'voice' } }))).status).toBe(400)
  })

  it('VERTEX content.proto MultiSpeakerVoiceConfig: "Exactly two speaker voice configurations must be provided"', async () => {
    const one = { multiSpeakerVoiceConfig: { speakerVoiceConfigs: [{ speaker: 'A', voiceConfig: voice('Kore') }] } }
    expect(await errorOf(await vertex(speechBody(one)))).toMatch(/exactly 2/)
  })
})

describe('Google token persona (GTOKEN)', () => {
  it('GTOKEN: a form-urlencoded jwt-bearer grant with an RS256 assertion answers access_token, expires_in, token_type', async () => {
    const account = await createServiceAccount(emulator)
    const assertion = await signServiceAccountJWT(account, Math.floor(Date.now() / 1000))
    const response = await fetch(account.token_uri, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ access_token: expect.any(String), expires_in: expect.any(Number), token_type: 'Bearer' })
  })

  it('GTOKEN: a refusal is { error, error_description } (what requestToken turns into its message)', async () => {
    const account = await createServiceAccount(emulator)
    const response = await fetch(account.token_uri, { method: 'POST', body: new URLSearchParams({ grant_type: 'password' }) })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(Object.keys(body).sort()).toEqual(['error', 'error_description'])
  })
})
