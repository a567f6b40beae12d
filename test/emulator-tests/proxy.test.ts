import { connect } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseWavText, startEmulator, synthesizeSpeech, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { errorOf, hasSox, postForm, postJson, proxyAuth, soxi, wavFields } from './helpers.ts'

const SENTENCE = 'The proxy speaks this sentence.'
let emulator: Emulator
let speech: string

beforeAll(async () => {
  emulator = await startEmulator()
  speech = `${emulator.url}/v1/audio/speech`
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('proxy speech', () => {
  it('answers real speech as a WAV carrying its text, with the LiteLLM headers', async () => {
    const response = await postJson(speech, { model: 'tts', input: SENTENCE, voice: 'alloy', response_format: 'wav' }, proxyAuth)
    expect(response.status).toBe(200)
    // BerriAI/litellm litellm/proxy/proxy_server.py (audio_speech): media_type="audio/mpeg", WAV or not.
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    expect(response.headers.get('content-length')).toBeNull()
    expect(response.headers.get('x-litellm-call-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.headers.get('x-litellm-model-id')).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(response.headers.get('x-litellm-response-cost'))).toBeGreaterThan(0)
    expect(Number(response.headers.get('x-litellm-response-duration-ms'))).toBeGreaterThanOrEqual(0)
    expect(response.headers.get('x-litellm-version')).toMatch(/^\d+\.\d+\.\d+$/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(wavFields(bytes)).toMatchObject({ riff: 'RIFF', wave: 'WAVE', fmt: 'fmt ', formatTag: 1, channels: 1, sampleRate: 24000, bitsPerSample: 16 })
    expect((bytes.length - 44) / 48000).toBeGreaterThan(0.3)
    expect(parseWavText(bytes)).toBe(SENTENCE)
    expect(emulator.requests[0]).toMatchObject({ persona: 'proxy', method: 'POST', path: '/v1/audio/speech', status: 200, completed: true })
    expect(emulator.requests[0]?.json).toEqual({ model: 'tts', input: SENTENCE, voice: 'alloy', response_format: 'wav' })
  })

  it('sends the clip in 1024-byte chunks without Content-Length', async () => {
    const body = JSON.stringify({ model: 'tts', input: SENTENCE, voice: 'alloy', response_format: 'pcm' })
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect(emulator.port, '127.0.0.1', () => {
        socket.write(`POST /v1/audio/speech HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TEST_KEYS.proxy}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`)
      })
      const chunks: Buffer[] = []
      socket.on('data', (chunk: Buffer) => chunks.push(chunk))
      socket.on('end', () => resolve(Buffer.concat(chunks)))
      socket.on('error', reject)
    })
    const split = raw.indexOf('\r\n\r\n')
    const head = raw.subarray(0, split).toString()
    expect(head).toMatch(/transfer-encoding: chunked/i)
    expect(head).not.toMatch(/^content-length:/im)
    const sizes: number[] = []
    let offset = split + 4
    for (;;) {
      const lineEnd = raw.indexOf('\r\n', offset)
      const size = parseInt(raw.subarray(offset, lineEnd).toString(), 16)
      if (size === 0) break
      sizes.push(size)
      offset = lineEnd + 2 + size + 2
    }
    expect(sizes.length).toBeGreaterThan(10)
    expect(sizes.slice(0, -1).every((size) => size === 1024)).toBe(true)
    expect(sizes.at(-1)).toBeLessThanOrEqual(1024)
  })

  // BerriAI/litellm litellm/proxy/proxy_server.py (audio_speech): one label for every format.
  it.each(['mp3', 'flac', 'pcm'])('labels %s as audio/mpeg, as LiteLLM labels every format', async (format) => {
    const response = await postJson(`${emulator.url}/audio/speech`, { model: 'tts', input: SENTENCE, voice: 'nova', response_format: format }, proxyAuth)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    const bytes = new Uint8Array(await response.arrayBuffer())
    if (format === 'pcm') expect(bytes.length / 48000).toBeGreaterThan(0.3)
    else if (hasSox) expect(Number(soxi(bytes, format, 'D'))).toBeGreaterThan(0.3)
  })

  it('adds no format: an OpenAI alias answers its own default, mp3', async () => {
    const response = await postJson(speech, { model: 'tts-hd', input: SENTENCE, voice: 'onyx' }, proxyAuth)
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(String.fromCharCode(...bytes.subarray(0, 3))).toBe('ID3')
  })

  it('refuses opus and aac, in LiteLLM shape', async () => {
    for (const format of ['opus', 'aac']) {
      const response = await postJson(speech, { model: 'tts', input: SENTENCE, voice: 'alloy', response_format: format }, proxyAuth)
      expect(response.status).toBe(400)
      const error = await errorOf(response)
      expect(error.message).toContain(`the voxfetch emulator cannot produce ${format}; use mp3, wav, flac or pcm`)
      expect(error.message).toMatch(/^litellm\.BadRequestError: /)
      expect(error.code).toBe('400')
    }
  })

  it('wraps upstream validation errors as litellm.BadRequestError', async () => {
    const response = await postJson(speech, { model: 'tts', input: 'x'.repeat(4097), voice: 'alloy' }, proxyAuth)
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toEqual({
      message: "litellm.BadRequestError: OpenAIException - Invalid 'input': string too long. Expected a string with maximum length 4096, but got a string with length 4097 instead.",
      type: 'invalid_request_error', param: 'input', code: '400',
    })
  })

  it('refuses a model that is not a model_name of the config', async () => {
    const response = await postJson(speech, { model: 'tts-1', input: SENTENCE, voice: 'alloy' }, proxyAuth)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        message: "{'error': '/audio/speech: Invalid model name passed in model=tts-1. Call `/v1/models` to view available models for your key.'}",
        type: 'None', param: 'None', code: '400',
      },
    })
  })

  it('routes gemini models through the Gemini voice rules, answering WAV without a format', async () => {
    const refused = await postJson(speech, { model: 'gemini-tts', input: SENTENCE, voice: 'alloy' }, proxyAuth)
    expect(refused.status).toBe(400)
    const error = await errorOf(refused)
    expect(error.message).toMatch(/^litellm\.BadRequestError: GeminiException - .*INVALID_ARGUMENT/)
    const response = await postJson(speech, { model: 'gemini-tts', input: SENTENCE, voice: 'Kore', speed: 2 }, proxyAuth)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    expect(parseWavText(new Uint8Array(await response.arrayBuffer()))).toBe(SENTENCE)
  })

  // BerriAI/litellm litellm/llms/gemini/speech_audio.py (validate_gemini_tts_speech_format).
  it('refuses mp3 for a gemini alias with LiteLLM\'s message', async () => {
    const response = await postJson(speech, { model: 'gemini-tts', input: SENTENCE, voice: 'Kore', response_format: 'mp3' }, proxyAuth)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        message: "litellm.BadRequestError: Gemini TTS only produces raw PCM16 audio, so response_format='mp3' is not supported. Supported response formats: pcm, wav.",
        type: null, param: null, code: '400',
      },
    })
  })
})

describe('proxy auth', () => {
  it.each([
    ['authorization', `Bearer ${TEST_KEYS.proxy}`],
    ['x-litellm-api-key', TEST_KEYS.proxy],
    ['api-key', TEST_KEYS.proxy],
    ['x-api-key', TEST_KEYS.proxy],
  ])('accepts the key in %s', async (name, value) => {
    const response = await fetch(`${emulator.url}/v1/models`, { headers: { [name]: value } })
    expect(response.status).toBe(200)
  })

  it('answers 401 in LiteLLM auth shape without echoing the key', async () => {
    const missing = await postJson(speech, { model: 'tts', input: SENTENCE, voice: 'alloy' })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ error: { message: 'Authentication Error, No api key passed in.', type: 'auth_error', param: 'None', code: '401' } })
    const wrong = await postJson(speech, { model: 'tts', input: SENTENCE, voice: 'alloy' }, { authorization: 'Bearer sk-wrong-key-1234' })
    expect(wrong.status).toBe(401)
    const error = await errorOf(wrong)
    expect(error.message).toMatch(/^Authentication Error, Invalid proxy server token passed\. Received API Key = sk-\.\.\.1234/)
    expect(error.message).not.toContain('sk-wrong-key-1234')
    const malformed = await postJson(speech, {}, { authorization: TEST_KEYS.proxy })
    expect((await errorOf(malformed)).message).toContain('Malformed API Key passed in')
  })

  it('takes the master_key from a YAML config, and runs open without keys', async () => {
    const yaml = 'model_list:\n  - model_name: voice\n    litellm_params:\n      model: openai/tts-1\ngeneral_settings:\n  master_key: sk-from-yaml\n'
    const configured = await startEmulator({ config: yaml })
    const open = await startEmulator({ config: { model_list: [{ model_name: 'voice', litellm_params: { model: 'openai/tts-1' } }] }, keys: { proxy: [] } })
    try {
      expect((await fetch(`${configured.url}/v1/models`, { headers: { authorization: 'Bearer sk-from-yaml' } })).status).toBe(200)
      expect((await fetch(`${configured.url}/v1/models`, { headers: proxyAuth })).status).toBe(200)
      const models = await (await fetch(`${open.url}/v1/models`)).json()
      expect(models).toEqual({ object: 'list', data: [expect.objectContaining({ id: 'voice', object: 'model' })] })
    } finally {
      await configured.close()
      await open.close()
    }
  })

  it('answers /health/liveliness without a key, and FastAPI-style 404/405', async () => {
    const response = await fetch(`${emulator.url}/health/liveliness`)
    expect(await response.json()).toBe("I'm alive!")
    expect(await (await fetch(`${emulator.url}/v1/embeddings`, { method: 'POST' })).json()).toEqual({ detail: 'Not Found' })
    const wrongMethod = await fetch(speech)
    expect(wrongMethod.status).toBe(405)
    expect(await wrongMethod.json()).toEqual({ detail: 'Method Not Allowed' })
  })
})

describe('proxy transcription', () => {
  const transcriptions = () => `${emulator.url}/v1/audio/transcriptions`

  it('reads back the text of its own WAV, as JSON with usage', async () => {
    const { bytes } = await synthesizeSpeech(SENTENCE, 'wav')
    const response = await postForm(transcriptions(), { bytes, filename: 'clip.wav' }, { model: 'whisper' }, proxyAuth)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ text: SENTENCE, usage: { type: 'duration', seconds: expect.any(Number) } })
    expect(emulator.requests[0]).toMatchObject({ fields: { model: 'whisper' }, file: { fieldName: 'file', filename: 'clip.wav', mimeType: 'audio/wav', size: bytes.length } })
  })

  it('answers text, srt and vtt as JSON with the document inside text', async () => {
    const { bytes } = await synthesizeSpeech(SENTENCE, 'mp3')
    const text = await (await postForm(`${emulator.url}/audio/transcriptions`, { bytes, filename: 'a.mp3', type: 'audio/mpeg' }, { model: 'whisper', response_format: 'text' }, proxyAuth)).json()
    expect(text).toEqual({ text: `${SENTENCE}\n` })
    const srt = await (await postForm(transcriptions(), { bytes, filename: 'a.mp3' }, { model: 'whisper', response_format: 'srt' }, proxyAuth)).json() as { text: string }
    expect(srt.text).toMatch(new RegExp(`^1\\n00:00:00,000 --> 00:00:0\\d,\\d{3}\\n${SENTENCE}\\n`))
    const vtt = await (await postForm(transcriptions(), { bytes, filename: 'a.mp3' }, { model: 'whisper', response_format: 'vtt' }, proxyAuth)).json() as { text: string }
    expect(vtt.text).toMatch(/^WEBVTT\n\n00:00:00\.000 --> /)
  })

  it('answers verbose_json with one segment, and words only when asked', async () => {
    const { bytes, duration } = await synthesizeSpeech(SENTENCE, 'flac')
    const plain = await (await postForm(transcriptions(), { bytes, filename: 'a.flac' }, { model: 'whisper', response_format: 'verbose_json', language: 'en' }, proxyAuth)).json()
    expect(plain).toMatchObject({ task: 'transcribe', language: 'english', text: SENTENCE, segments: [{ id: 0, start: 0, text: SENTENCE }] })
    expect(plain.duration).toBeCloseTo(duration, 1)
    expect(plain.words).toBeUndefined()
    const worded = await (await postForm(transcriptions(), { bytes, filename: 'a.flac' }, {
      model: 'whisper', response_format: 'verbose_json', 'timestamp_granularities[]': ['word', 'segment'],
    }, proxyAuth)).json()
    expect(worded.words.map((word: { word: string }) => word.word)).toEqual(SENTENCE.split(' '))
    expect(emulator.requests[1]?.fields?.['timestamp_granularities[]']).toEqual(['word', 'segment'])
  })

  it('enforces max_file_size_mb after reading the upload, with the exact message', async () => {
    const bytes = new Uint8Array(1_500_000)
    bytes.set(new TextEncoder().encode('RIFF'), 0)
    const response = await postForm(transcriptions(), { bytes, filename: 'big.wav' }, { model: 'whisper-small' }, proxyAuth)
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      error: {
        message: 'File size is too large. Please check your file size. Passed file size: 1.430511474609375 MB. Max file size: 1.0 MB',
        type: 'bad_request', param: 'file', code: '500',
      },
    })
    expect(emulator.requests[0]?.completed).toBe(true)
    expect(emulator.requests[0]?.file?.size).toBe(1_500_000)
  })

  it('describes foreign audio honestly', async () => {
    const samples = new Int16Array(24000).map((_, index) => Math.round(8000 * Math.sin(index / 10)))
    const { plainWav } = await import('./helpers.ts')
    const bytes = plainWav(samples, 24000)
    const response = await postForm(transcriptions(), { bytes, filename: 'tone.wav' }, { model: 'whisper' }, proxyAuth)
    expect((await response.json()).text).toBe(`Emulated transcript: wav audio, ${bytes.length} bytes, 1.00 s (this emulator has no speech recognizer)`)
  })

  it('refuses a file without an audio extension, wrapped', async () => {
    const response = await postForm(transcriptions(), { bytes: new Uint8Array(100), filename: 'notes.txt' }, { model: 'whisper' }, proxyAuth)
    expect(response.status).toBe(400)
    expect((await errorOf(response)).message).toMatch(/^litellm\.BadRequestError: OpenAIException - Invalid file format\. Supported formats: /)
  })
})
