import { request } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseWavText, startEmulator, synthesizeSpeech, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { errorOf, hasSox, openaiAuth, postForm, postJson, soxi, wavFields } from './helpers.ts'

const SENTENCE = 'OpenAI reads this aloud.'
let emulator: Emulator
let base: string

beforeAll(async () => {
  emulator = await startEmulator()
  base = `${emulator.url}/openai/v1`
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const speech = (body: Record<string, unknown>, headers = openaiAuth) => postJson(`${base}/audio/speech`, body, headers)
const valid = { model: 'gpt-4o-mini-tts', input: SENTENCE, voice: 'coral' }

describe('openai speech', () => {
  it('streams a real WAV with an x-request-id', async () => {
    const response = await speech({ ...valid, response_format: 'wav' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('audio/wav')
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(wavFields(bytes)).toMatchObject({ riff: 'RIFF', wave: 'WAVE', sampleRate: 24000, channels: 1, bitsPerSample: 16 })
    expect(parseWavText(bytes)).toBe(SENTENCE)
    expect(emulator.requests[0]).toMatchObject({ persona: 'openai', path: '/openai/v1/audio/speech', status: 200 })
  })

  it('answers mp3 that decodes, carrying its text in ID3', async () => {
    const response = await speech(valid)
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(0, 200))).toContain(SENTENCE)
    if (hasSox) {
      expect(soxi(bytes, 'mp3', 'r')).toBe('24000')
      expect(Number(soxi(bytes, 'mp3', 'D'))).toBeGreaterThan(0.3)
    }
  })

  it('accepts any voice string and custom voice ids', async () => {
    expect((await speech({ ...valid, voice: 'my-own-voice', response_format: 'pcm' })).status).toBe(200)
    expect((await speech({ ...valid, voice: { id: 'voice_123abc' }, response_format: 'pcm' })).status).toBe(200)
  })

  it('streams SSE deltas that reassemble into the audio, then done with usage', async () => {
    const response = await speech({ ...valid, response_format: 'wav', stream_format: 'sse' })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = (await response.text()).trim().split('\n\n').map((block) => JSON.parse(block.replace(/^data: /, '')))
    const done = events.pop()
    expect(done).toEqual({ type: 'speech.audio.done', usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number), total_tokens: expect.any(Number) } })
    expect(events.every((event) => event.type === 'speech.audio.delta')).toBe(true)
    const audio = Buffer.concat(events.map((event) => Buffer.from(event.audio, 'base64')))
    expect(parseWavText(audio)).toBe(SENTENCE)
  })

  it.each([
    [{ input: SENTENCE, voice: 'alloy' }, 400, 'you must provide a model parameter', null],
    [{ ...valid, model: 'tts-2' }, 404, 'The model `tts-2` does not exist or you do not have access to it.', 'model_not_found'],
    [{ ...valid, input: undefined }, 400, "Missing required parameter: 'input'.", 'missing_required_parameter'],
    [{ ...valid, input: 42 }, 400, "Invalid type for 'input': expected a string, but got an integer instead.", 'invalid_type'],
    [{ ...valid, input: 'x'.repeat(4097) }, 400, "Invalid 'input': string too long. Expected a string with maximum length 4096, but got a string with length 4097 instead.", 'string_above_max_length'],
    [{ ...valid, voice: undefined }, 400, "Missing required parameter: 'voice'.", 'missing_required_parameter'],
    [{ ...valid, voice: { name: 'x' } }, 400, /^Invalid value for 'voice'/, 'invalid_value'],
    [{ ...valid, model: 'tts-1', instructions: 'cheerful' }, 400, /^Instructions are not supported for tts-1/, 'unsupported_parameter'],
    [{ ...valid, response_format: 'ogg' }, 400, "Invalid value: 'ogg'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.", 'invalid_value'],
    [{ ...valid, speed: 0.2 }, 400, /Expected a value >= 0.25, but got 0.2/, 'decimal_below_min_value'],
    [{ ...valid, speed: 4.5 }, 400, /Expected a value <= 4, but got 4.5/, 'decimal_above_max_value'],
    [{ ...valid, stream_format: 'chunks' }, 400, /^Invalid value: 'chunks'/, 'invalid_value'],
    [{ ...valid, model: 'tts-1-hd', stream_format: 'sse' }, 400, /^stream_format 'sse' is not supported for tts-1-hd/, 'unsupported_value'],
    [{ ...valid, stream: true }, 400, 'Unrecognized request argument supplied: stream', 'unknown_parameter'],
    [{ ...valid, response_format: 'opus' }, 400, 'the voxfetch emulator cannot produce opus; use mp3, wav, flac or pcm', 'unsupported_value'],
  ])('refuses %j with %i', async (body, status, message, code) => {
    const response = await speech(body as Record<string, unknown>)
    expect(response.status).toBe(status)
    const error = await errorOf(response)
    expect(error.type).toBe('invalid_request_error')
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
    expect(error.code).toBe(code)
  })

  it('allows instructions for gpt-4o-mini-tts', async () => {
    expect((await speech({ ...valid, instructions: 'Speak calmly.', response_format: 'pcm' })).status).toBe(200)
  })

  it('answers 401 without or with a wrong key, never echoing it whole', async () => {
    const missing = await speech(valid, {} as typeof openaiAuth)
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).message).toMatch(/^You didn't provide an API key/)
    const wrong = await speech(valid, { authorization: 'Bearer sk-not-the-right-key-0000' })
    const error = await errorOf(wrong)
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' })
    expect(error.message).toMatch(/^Incorrect API key provided: sk-not-t\*+0000\./)
    expect(JSON.stringify(error)).not.toContain('sk-not-the-right-key-0000')
  })

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${base}/audio/speech`, { method: 'POST', headers: { ...openaiAuth, 'content-type': 'application/json' }, body: '{"model":' })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).message).toMatch(/^We could not parse the JSON body/)
  })
})

describe('openai transcription', () => {
  const transcriptions = () => `${base}/audio/transcriptions`
  let wav: Uint8Array
  beforeAll(async () => {
    wav = (await synthesizeSpeech(SENTENCE, 'wav')).bytes
  })

  it('answers json with usage, and text/srt/vtt as text/plain', async () => {
    const json = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, { model: 'whisper-1' }, openaiAuth)
    expect(json.headers.get('content-type')).toBe('application/json')
    expect(await json.json()).toEqual({ text: SENTENCE, usage: { type: 'duration', seconds: expect.any(Number) } })
    for (const format of ['text', 'srt', 'vtt']) {
      const response = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, { model: 'whisper-1', response_format: format }, openaiAuth)
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      const text = await response.text()
      expect(text).toContain(SENTENCE)
      if (format === 'srt') expect(text).toMatch(/^1\n00:00:00,000 --> /)
      if (format === 'vtt') expect(text).toMatch(/^WEBVTT\n/)
    }
  })

  it('answers verbose_json with words when asked', async () => {
    const response = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, {
      model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': 'word', language: 'de',
    }, openaiAuth)
    const body = await response.json()
    expect(body).toMatchObject({ task: 'transcribe', language: 'german', text: SENTENCE, segments: [{ id: 0, start: 0 }] })
    expect(body.words).toHaveLength(SENTENCE.split(' ').length)
    expect(body.words.at(-1).end).toBeCloseTo(body.duration, 1)
  })

  it('streams transcript events for gpt-4o transcribers', async () => {
    const response = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, { model: 'gpt-4o-mini-transcribe', stream: 'true' }, openaiAuth)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = (await response.text()).trim().split('\n\n').map((block) => JSON.parse(block.replace(/^data: /, '')))
    expect(events.at(-1)).toMatchObject({ type: 'transcript.text.done', text: SENTENCE })
    expect(events.slice(0, -1).map((event) => event.delta).join('')).toBe(SENTENCE)
  })

  it('ignores stream for whisper-1 and answers JSON, as the spec says', async () => {
    const response = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, { model: 'whisper-1', stream: 'true' }, openaiAuth)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toMatchObject({ text: SENTENCE })
  })

  it('paces events by x-emulator-stream-interval-ms and adds logprobs for include[]=logprobs', async () => {
    const started = performance.now()
    const response = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, { model: 'gpt-4o-transcribe', stream: 'true', 'include[]': 'logprobs' }, { ...openaiAuth, 'x-emulator-stream-interval-ms': '100' })
    const events = (await response.text()).trim().split('\n\n').map((block) => JSON.parse(block.replace(/^data: /, '')))
    expect(performance.now() - started).toBeGreaterThanOrEqual((events.length - 1) * 100 - 20)
    expect(events[0]).toMatchObject({ type: 'transcript.text.delta', logprobs: [{ token: events[0].delta.trim(), logprob: expect.any(Number) }] })
    expect(events.at(-1).logprobs).toHaveLength(events.length - 1)
  })

  it.each([
    [undefined, {}, "Missing required parameter: 'file'."],
    [{ bytes: new Uint8Array(10), filename: undefined }, {}, /^Invalid file format\. Supported formats: \["flac","mp3","mp4","mpeg","mpga","m4a","ogg","wav","webm"\]$/],
    [{ bytes: new Uint8Array(10), filename: 'voice.aiff' }, {}, /^Invalid file format/],
    ['wav', { temperature: '1.5' }, /^Invalid 'temperature'/],
    ['wav', { 'timestamp_granularities[]': 'word' }, 'timestamp_granularities is only supported with response_format verbose_json.'],
    ['wav', { 'timestamp_granularities[]': 'sentence', response_format: 'verbose_json' }, /^Invalid value: 'sentence'/],
    ['wav', { language: 'english' }, "Invalid language 'english'. Language parameter must be specified in ISO-639-1 format."],
    ['wav', { response_format: 'docx' }, /^Invalid value: 'docx'/],
    ['wav', { model: 'gpt-4o-transcribe', response_format: 'srt' }, /^response_format 'srt' is not compatible with model 'gpt-4o-transcribe'/],
  ])('refuses file %j with fields %j', async (file, fields, message) => {
    const upload = file === 'wav' ? { bytes: wav, filename: 'a.wav' } : (file as { bytes: Uint8Array; filename?: string } | undefined)
    const response = await postForm(transcriptions(), upload, { model: 'whisper-1', ...(fields as Record<string, string>) }, openaiAuth)
    expect(response.status).toBe(400)
    const error = await errorOf(response)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })

  it('needs a transcription model', async () => {
    const missing = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, {}, openaiAuth)
    expect((await errorOf(missing)).message).toBe('you must provide a model parameter')
    const wrong = await postForm(transcriptions(), { bytes: wav, filename: 'a.wav' }, { model: 'tts-1' }, openaiAuth)
    expect(wrong.status).toBe(404)
  })

  it('answers 413 for a declared body over 25 MiB, after draining it', async () => {
    const bytes = new Uint8Array(26_300_000)
    const response = await postForm(transcriptions(), { bytes, filename: 'big.wav' }, { model: 'whisper-1' }, openaiAuth)
    expect(response.status).toBe(413)
    const error = await errorOf(response)
    expect(error.message).toMatch(/^413: Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)$/)
    expect(emulator.requests[0]).toMatchObject({ completed: true, status: 413 })
    expect(emulator.requests[0]?.bodyBytes).toBeGreaterThan(26_300_000)
  })

  it('answers 413 for a chunked body over 25 MiB by counting it', async () => {
    const boundary = 'voxfetchboundary'
    const status = await new Promise<number>((resolve, reject) => {
      const upload = request(`${transcriptionsUrl()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEYS.openai}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      upload.on('error', reject)
      upload.write(`--${boundary}\r\ncontent-disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.wav"\r\ncontent-type: audio/wav\r\n\r\n`)
      const chunk = Buffer.alloc(1024 * 1024)
      for (let index = 0; index < 26; index++) upload.write(chunk)
      upload.end(`\r\n--${boundary}--\r\n`)
    })
    expect(status).toBe(413)
    expect(emulator.requests[0]?.headers['transfer-encoding']).toBe('chunked')
  })
})

function transcriptionsUrl(): string {
  return `${base}/audio/transcriptions`
}
