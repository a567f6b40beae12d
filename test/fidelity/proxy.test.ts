// The emulator's LiteLLM proxy persona, checked fact by fact against LiteLLM's own source. Each
// test names the file it follows (BerriAI/litellm unless said otherwise); when LiteLLM changes,
// the test and the persona change together, never the test alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseWavText, startEmulator, synthesizeSpeech, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { pythonRepr } from '../emulator/python-repr.ts'
import { postForm, postJson, proxyAuth } from '../emulator-tests/helpers.ts'

const SENTENCE = 'Fidelity is checked against the source.'
let emulator: Emulator
const speech = () => `${emulator.url}/v1/audio/speech`
const transcriptions = () => `${emulator.url}/v1/audio/transcriptions`
const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end))

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe('speech: litellm/proxy/proxy_server.py (audio_speech) and litellm/main.py (speech)', () => {
  it.each(['mp3', 'wav', 'flac', 'pcm', undefined])(
    'labels %s audio/mpeg: StreamingResponse(..., media_type="audio/mpeg") whatever the format',
    async (format) => {
      const response = await postJson(speech(), { model: 'tts', input: SENTENCE, voice: 'alloy', ...(format && { response_format: format }) }, proxyAuth)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('audio/mpeg')
      const bytes = new Uint8Array(await response.arrayBuffer())
      const expected = { mp3: 'ID3', wav: 'RIFF', flac: 'fLaC' }[format ?? 'mp3']
      if (expected) expect(ascii(bytes, 0, expected.length)).toBe(expected)
    },
  )

  it('adds no format of its own (main.py speech forwards response_format only when given): an OpenAI model answers its default, mp3', async () => {
    const response = await postJson(speech(), { model: 'tts', input: SENTENCE, voice: 'alloy' }, proxyAuth)
    expect(ascii(new Uint8Array(await response.arrayBuffer()), 0, 3)).toBe('ID3')
  })

  it('a Gemini alias without a format answers WAV (llms/gemini/speech_audio.py gemini_tts_speech_response), still labelled audio/mpeg', async () => {
    const response = await postJson(speech(), { model: 'gemini-tts', input: SENTENCE, voice: 'Kore' }, proxyAuth)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(ascii(bytes, 0, 4)).toBe('RIFF')
    expect(parseWavText(bytes)).toBe(SENTENCE)
  })

  it('a Gemini alias answers raw PCM for "pcm" (speech_audio.py pcm16_payload)', async () => {
    const response = await postJson(speech(), { model: 'gemini-tts', input: SENTENCE, voice: 'Kore', response_format: 'pcm' }, proxyAuth)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(ascii(bytes, 0, 4)).not.toBe('RIFF')
    expect(bytes.length % 2).toBe(0)
  })

  it.each(['mp3', 'opus', 'aac', 'flac'])(
    'a Gemini alias refuses %s with 400 and LiteLLM\'s message (llms/gemini/speech_audio.py validate_gemini_tts_speech_format; proxy/_types.py ProxyException code as a string)',
    async (format) => {
      const response = await postJson(speech(), { model: 'gemini-tts', input: SENTENCE, voice: 'Kore', response_format: format }, proxyAuth)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        error: {
          message: `litellm.BadRequestError: Gemini TTS only produces raw PCM16 audio, so response_format='${format}' is not supported. Supported response formats: pcm, wav.`,
          type: null,
          param: null,
          code: '400',
        },
      })
    },
  )

  it('a Gemini alias takes text longer than OpenAI\'s 4096 characters: the model, not the proxy, limits it', async () => {
    const response = await postJson(speech(), { model: 'gemini-tts', input: `${SENTENCE} ${'word '.repeat(1000)}`, voice: 'Kore' }, proxyAuth)
    expect(response.status).toBe(200)
  })
})

describe('transcription: litellm/proxy/proxy_server.py (audio_transcriptions)', () => {
  it('refuses an upload over max_file_size_mb with status 500 and code "500" (http_parsing_utils.py check_file_size_under_limit, re-raised with code=getattr(e, "status_code", 500))', async () => {
    const bytes = new Uint8Array(1_500_000)
    const response = await postForm(transcriptions(), { bytes, filename: 'big.wav' }, { model: 'whisper-small' }, proxyAuth)
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      error: {
        message: 'File size is too large. Please check your file size. Passed file size: 1.430511474609375 MB. Max file size: 1.0 MB',
        type: 'bad_request',
        param: 'file',
        code: '500',
      },
    })
  })

  it('compares the size in MB as LiteLLM does: exactly 1 MB passes a 1 MB limit', async () => {
    const wav = (await synthesizeSpeech(SENTENCE, 'wav')).bytes
    const bytes = new Uint8Array(1024 * 1024)
    bytes.set(wav.subarray(0, Math.min(wav.length, bytes.length)))
    const response = await postForm(transcriptions(), { bytes, filename: 'exact.wav' }, { model: 'whisper-small' }, proxyAuth)
    expect(response.status).not.toBe(500)
  })

  it.each(['text', 'srt', 'vtt'])('answers %s as JSON with the document in "text" (the TranscriptionResponse litellm returns)', async (format) => {
    const { bytes } = await synthesizeSpeech(SENTENCE, 'wav')
    const response = await postForm(transcriptions(), { bytes, filename: 'a.wav' }, { model: 'whisper', response_format: format }, proxyAuth)
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = await response.json() as { text: string }
    expect(Object.keys(body)).toEqual(['text'])
    expect(body.text).toContain(SENTENCE)
  })
})

describe('auth: litellm/proxy/auth/user_api_key_auth.py and auth_exception_handler.py, with a master key set', () => {
  it('answers a request without a key 401 with LiteLLM\'s body (ProxyException, type auth_error, code "401")', async () => {
    const response = await postJson(speech(), { model: 'tts', input: SENTENCE, voice: 'alloy' })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: { message: 'Authentication Error, No api key passed in.', type: 'auth_error', param: 'None', code: '401' } })
  })

  it('answers a transcription without a key 401 too, before reading the model', async () => {
    const response = await postForm(transcriptions(), { bytes: new Uint8Array(64), filename: 'a.wav' }, { model: 'no-such-model' })
    expect(response.status).toBe(401)
    expect((await response.json()).error).toMatchObject({ type: 'auth_error', code: '401' })
  })

  it('accepts the key in any of the headers LiteLLM reads (proxy/_types.py SpecialHeaders)', async () => {
    for (const header of ['x-litellm-api-key', 'api-key', 'x-api-key']) {
      const response = await postJson(speech(), { model: 'tts', input: SENTENCE, voice: 'alloy', response_format: 'pcm' }, { [header]: TEST_KEYS.proxy })
      expect(response.status).toBe(200)
    }
  })
})

describe('numbers as LiteLLM prints them: CPython repr(float), which its f-strings use', () => {
  // Each string is what CPython 3.11 printed for repr(x) of that very double.
  it.each([
    '2.0', '1.0', '25.0', '0.7392807006835938', '9.5367431640625e-05', '0.0001', '1e-05', '1e+16',
    '9999999999999998.0', '1.430511474609375', '619035413903296.2', '274128601843513.62', '5e-324', '1.7976931348623157e+308',
  ])('the emulator prints %s', (repr) => {
    expect(pythonRepr(Number(repr))).toBe(repr)
  })
})
