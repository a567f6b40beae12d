import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GEMINI_VOICES, startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { plainWav, postForm, postJson, proxyAuth } from './helpers.ts'

const SENTENCE = 'Gemini speaks in pcm.'
const MODEL = 'gemini-2.5-flash-preview-tts'
let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const body = (voiceName: unknown = 'Kore', extra: Record<string, unknown> = {}) => ({
  contents: [{ role: 'user', parts: [{ text: SENTENCE }] }],
  generationConfig: { responseModalities: ['AUDIO'], speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName } } } },
  ...extra,
})
const gemini = (model = MODEL, query = '') => `${emulator.url}/gemini/v1beta/models/${model}:generateContent${query}`
const key = { 'x-goog-api-key': TEST_KEYS.gemini }

interface Answer {
  candidates: { content: { role: string; parts: { inlineData: { mimeType: string; data: string } }[] }; finishReason: string }[]
  usageMetadata: Record<string, unknown>
  modelVersion: string
}

function pcmOf(answer: Answer): Int16Array {
  const bytes = Buffer.from(answer.candidates[0]?.content.parts[0]?.inlineData.data ?? '', 'base64')
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
}

describe('gemini api', () => {
  it('answers base64 24 kHz PCM of real speech, which reads back after WAV wrapping', async () => {
    const response = await postJson(gemini(), body(), key)
    expect(response.status).toBe(200)
    const answer = (await response.json()) as Answer
    expect(answer).toMatchObject({
      candidates: [{ content: { role: 'model', parts: [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000' } }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: expect.any(Number), totalTokenCount: expect.any(Number) },
      modelVersion: MODEL,
    })
    const samples = pcmOf(answer)
    expect(samples.length / 24000).toBeGreaterThan(0.3)
    expect(samples.some((sample) => Math.abs(sample) > 1000)).toBe(true)
    const wav = plainWav(samples, 24000)
    const transcript = await postForm(`${emulator.url}/v1/audio/transcriptions`, { bytes: wav, filename: 'gemini.wav' }, { model: 'whisper' }, proxyAuth)
    expect((await transcript.json()).text).toBe(SENTENCE)
  })

  it('accepts every real voice name, case-insensitively, and two-speaker configs', async () => {
    expect(GEMINI_VOICES).toHaveLength(30)
    expect((await postJson(gemini(), body('puck'), key)).status).toBe(200)
    const multi = {
      contents: [{ parts: [{ text: 'Joe: Hi there.\nJane: Hello.' }] }],
      generationConfig: {
        responseModalities: ['AUDIO'],
        speechConfig: { multiSpeakerVoiceConfig: { speakerVoiceConfigs: [
          { speaker: 'Joe', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Charon' } } },
          { speaker: 'Jane', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Leda' } } },
        ] } },
      },
    }
    expect((await postJson(gemini(), multi, key)).status).toBe(200)
  })

  it.each([
    ['an OpenAI voice name', body('alloy'), /^Voice name alloy is not supported\. Allowed voice names are: achernar, achird/],
    ['a model without -tts', body(), /does not support the requested response modalities/, 'gemini-2.5-flash'],
    ['no responseModalities', { contents: body().contents, generationConfig: {} }, /response modalities/],
    ['TEXT modality', { contents: body().contents, generationConfig: { responseModalities: ['TEXT'] } }, /response modalities \(\["TEXT"\]\)/],
    ['an unknown field', { contents: body().contents, generationConfig: body().generationConfig, audioConfig: {} }, /^Invalid JSON payload received\. Unknown name "audioConfig": Cannot find field/],
    ['empty contents', { ...body(), contents: [] }, /contents is not specified/],
    ['a non-text part', { ...body(), contents: [{ parts: [{ inlineData: { data: '' } }] }] }, /only text parts/],
    ['one speaker in a multi-speaker config', {
      contents: body().contents,
      generationConfig: { responseModalities: ['AUDIO'], speechConfig: { multiSpeakerVoiceConfig: { speakerVoiceConfigs: [{ speaker: 'A', voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Kore' } } }] } } },
    }, /exactly 2/],
  ])('refuses %s with 400 INVALID_ARGUMENT', async (_name, payload, message, model = MODEL) => {
    const response = await postJson(gemini(model), payload, key)
    expect(response.status).toBe(400)
    const { error } = await response.json()
    expect(error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' })
    expect(error.message).toMatch(message)
  })

  it('refuses keys in the URL, and answers 403 PERMISSION_DENIED without or with a wrong key', async () => {
    const inUrl = await postJson(gemini(MODEL, `?key=${TEST_KEYS.gemini}`), body())
    expect(inUrl.status).toBe(400)
    expect((await inUrl.json()).error.message).toMatch(/refused by the voxfetch emulator/)
    const missing = await postJson(gemini(), body())
    expect(missing.status).toBe(403)
    expect((await missing.json()).error.status).toBe('PERMISSION_DENIED')
    const wrong = await postJson(gemini(), body(), { 'x-goog-api-key': 'nope' })
    expect(wrong.status).toBe(403)
    expect((await wrong.json()).error.message).toBe('API key not valid. Please pass a valid API key.')
  })
})

describe('vertex gemini', () => {
  const vertex = (model = MODEL) => `${emulator.url}/vertex/v1/projects/my-project/locations/us-central1/publishers/google/models/${model}:generateContent`

  it('answers the Gemini shape for a bearer token and records x-goog-user-project', async () => {
    const response = await postJson(vertex(), body('Zephyr'), { authorization: `Bearer ${TEST_KEYS.vertexToken}`, 'x-goog-user-project': 'billing-project' })
    expect(response.status).toBe(200)
    expect(pcmOf((await response.json()) as Answer).length).toBeGreaterThan(24000 * 0.3)
    expect(emulator.requests[0]).toMatchObject({ persona: 'vertex-gemini', headers: { 'x-goog-user-project': 'billing-project' } })
  })

  it('answers 401 UNAUTHENTICATED without a valid token', async () => {
    const missing = await postJson(vertex(), body())
    expect(missing.status).toBe(401)
    expect((await missing.json()).error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' })
    const wrong = await postJson(vertex(), body(), { authorization: 'Bearer ya29.not-issued' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer /)
  })

  it('validates the body like Gemini', async () => {
    const response = await postJson(vertex(), body('nova'), { authorization: `Bearer ${TEST_KEYS.vertexToken}` })
    expect(response.status).toBe(400)
  })
})

describe('gemini streamGenerateContent', () => {
  const stream = (query: string) => `${emulator.url}/gemini/v1beta/models/${MODEL}:streamGenerateContent${query}`
  const pcmOfChunks = (chunks: Answer[]) => Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.candidates[0]!.content.parts[0]!.inlineData.data, 'base64')))

  it('answers alt=sse with CRLF-framed chunks of the same PCM, the last with finishReason and usage', async () => {
    const whole = (await (await postJson(gemini(), body(), key)).json()) as Answer
    const response = await postJson(stream('?alt=sse'), body(), key)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const text = await response.text()
    expect(text.endsWith('\r\n\r\n')).toBe(true)
    const chunks = text.split('\r\n\r\n').filter(Boolean).map((block) => JSON.parse(block.replace(/^data: /, '')) as Answer)
    expect(chunks.length).toBeGreaterThan(1)
    expect(pcmOfChunks(chunks).equals(Buffer.from(whole.candidates[0]!.content.parts[0]!.inlineData.data, 'base64'))).toBe(true)
    expect(chunks.slice(0, -1).every((chunk) => chunk.candidates[0]!.finishReason === undefined && chunk.usageMetadata === undefined)).toBe(true)
    expect(chunks.at(-1)).toMatchObject({ candidates: [{ finishReason: 'STOP' }], usageMetadata: { totalTokenCount: expect.any(Number) } })
  })

  it('answers one JSON array of the chunks without alt=sse', async () => {
    const response = await postJson(stream(''), body(), key)
    expect(response.headers.get('content-type')).toBe('application/json')
    const chunks = (await response.json()) as Answer[]
    expect(Array.isArray(chunks)).toBe(true)
    expect(chunks.at(-1)!.candidates[0]!.finishReason).toBe('STOP')
  })
})
