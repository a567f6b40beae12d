import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseWavText, readWav, startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { hasSox, postJson, soxi } from './helpers.ts'

const SENTENCE = 'Cloud voices read this.'
let emulator: Emulator
let synthesize: string

beforeAll(async () => {
  emulator = await startEmulator()
  synthesize = `${emulator.url}/vertex-tts/v1/text:synthesize`
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const auth = { authorization: `Bearer ${TEST_KEYS.vertexToken}`, 'x-goog-user-project': 'my-project' }
const request = (audioConfig: Record<string, unknown>, input: Record<string, unknown> = { text: SENTENCE }, voice: Record<string, unknown> = { languageCode: 'en-US', name: 'en-US-Wavenet-D' }) =>
  postJson(synthesize, { input, voice, audioConfig }, auth)
const audioOf = async (response: Response) => Buffer.from(((await response.json()) as { audioContent: string }).audioContent, 'base64')

describe('vertex cloud text-to-speech', () => {
  it('answers LINEAR16 as a 24 kHz WAV with header', async () => {
    const response = await request({ audioEncoding: 'LINEAR16' })
    expect(response.status).toBe(200)
    const bytes = await audioOf(response)
    expect(readWav(bytes)).toMatchObject({ formatTag: 1, sampleRate: 24000, bitsPerSample: 16, channels: 1 })
    expect(parseWavText(bytes)).toBe(SENTENCE)
    expect(emulator.requests[0]).toMatchObject({ persona: 'vertex-tts', headers: { 'x-goog-user-project': 'my-project' } })
  })

  it('honours sampleRateHertz and speaks the words of SSML', async () => {
    const response = await request({ audioEncoding: 'LINEAR16', sampleRateHertz: 16000 }, { ssml: '<speak>Hello <break time="200ms"/> &amp; goodbye.</speak>' })
    const bytes = await audioOf(response)
    expect(readWav(bytes)?.sampleRate).toBe(16000)
    expect(parseWavText(bytes)).toBe('Hello & goodbye.')
  })

  it.each([
    ['MP3', 'mp3', 'MPEG audio (layer I, II or III)'],
    ['MULAW', 'wav', 'u-law'],
    ['ALAW', 'wav', 'A-law'],
  ])('produces %s', async (audioEncoding, extension, encoding) => {
    const bytes = await audioOf(await request({ audioEncoding, speakingRate: 1.5 }))
    expect(bytes.length).toBeGreaterThan(1000)
    if (hasSox) {
      expect(soxi(bytes, extension, 'e')).toContain(encoding)
      expect(Number(soxi(bytes, extension, 'D'))).toBeGreaterThan(0.3)
    }
  })

  it.each([
    [{ audioEncoding: 'FLAC' }, undefined, undefined, /^Invalid value at 'audio_config\.audio_encoding'/],
    [{ audioEncoding: 'AUDIO_ENCODING_UNSPECIFIED' }, undefined, undefined, /must not be AUDIO_ENCODING_UNSPECIFIED/],
    [{ audioEncoding: 'M4A', sampleRateHertz: 23000 }, undefined, undefined, 'sample_rate_hertz 23000 is not supported for audio_encoding M4A.'],
    [{ audioEncoding: 'WAV' }, undefined, undefined, /^Invalid value at 'audio_config\.audio_encoding'/],
    [{ audioEncoding: 'MP3', speakingRate: 5 }, undefined, undefined, /speaking_rate must be between 0\.25 and 2\.0/],
    [{ audioEncoding: 'MP3' }, { text: SENTENCE, ssml: '<speak>x</speak>' }, undefined, /Exactly one of input\.text, input\.markup, input\.ssml/],
    [{ audioEncoding: 'MP3' }, { ssml: 'not ssml' }, undefined, /Invalid SSML/],
    [{ audioEncoding: 'MP3' }, { text: 'é'.repeat(2501) }, undefined, /longer than the limit of 5000 bytes/],
    [{ audioEncoding: 'MP3' }, undefined, { languageCode: 'en-GB', name: 'en-US-Wavenet-D' }, /doesn't match the voice 'en-US-Wavenet-D''s language code 'en-US'/],
    [{ audioEncoding: 'MP3' }, undefined, { languageCode: 'en-US', name: 'alloy' }, "Voice 'alloy' does not exist. Is it misspelled?"],
    [{ audioEncoding: 'MP3' }, undefined, { name: 'en-US-Wavenet-D' }, /voice\.languageCode is required/],
    [{ audioEncoding: 'MP3', audioFormat: 'mp3' }, undefined, undefined, /Unknown name "audioFormat" at 'audio_config'/],
  ])('refuses %j / %j / %j', async (audioConfig, input, voice, message) => {
    const response = await request(audioConfig, input, voice)
    expect(response.status).toBe(400)
    const { error } = await response.json()
    expect(error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' })
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })

  it('answers 401 UNAUTHENTICATED without a token', async () => {
    const response = await postJson(synthesize, { input: { text: SENTENCE }, voice: { languageCode: 'en-US' }, audioConfig: { audioEncoding: 'MP3' } })
    expect(response.status).toBe(401)
    expect((await response.json()).error.details[0].reason).toBe('CREDENTIALS_MISSING')
  })
})
