import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APIError, createClient, InvalidRequestError } from '../../src/index.ts'
import { synthesizeSpeech, TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

// openai/openai-openapi CreateTranscriptionRequest / CreateTranscriptionResponse*, and
// openai/openai-node src/internal/uploads.ts for how arrays and objects travel in the form.
const emu = useEmulator()
const SENTENCE = 'Two people talk here.'
let file: Blob
beforeAll(async () => {
  file = new Blob([(await synthesizeSpeech(SENTENCE, 'wav')).bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })
})
const openai = () => createClient({ baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, maxRetries: 0 })
const lastFields = () => emu.emulator.requests.at(-1)?.fields

describe('diarized_json', () => {
  it('returns segments with the speaker, labelled by known_speaker_names', async () => {
    const result = await openai().transcription({
      model: 'gpt-4o-transcribe-diarize', file, response_format: 'diarized_json', chunking_strategy: 'auto',
      known_speaker_names: ['agent'], known_speaker_references: ['data:audio/wav;base64,UklGRg=='],
    })
    expect(result).toMatchObject({ format: 'diarized_json', text: SENTENCE, duration: expect.any(Number) })
    expect(result.segments).toEqual([expect.objectContaining({ id: expect.any(String), text: SENTENCE, speaker: 'agent', start: 0 })])
    expect(lastFields()).toMatchObject({
      response_format: 'diarized_json', chunking_strategy: 'auto',
      'known_speaker_names[]': ['agent'], 'known_speaker_references[]': ['data:audio/wav;base64,UklGRg=='],
    })
  })

  it('sends a server_vad chunking_strategy as chunking_strategy[key] fields the server reads', async () => {
    const result = await openai().transcription({
      model: 'gpt-4o-transcribe-diarize', file, response_format: 'diarized_json',
      chunking_strategy: { type: 'server_vad', threshold: 0.6, silence_duration_ms: 300 },
    })
    expect(result.segments?.[0]?.speaker).toBe('A')
    expect(lastFields()).toMatchObject({ 'chunking_strategy[type]': 'server_vad', 'chunking_strategy[threshold]': '0.6', 'chunking_strategy[silence_duration_ms]': '300' })
    expect(lastFields()).not.toHaveProperty('chunking_strategy')
  })

  it('encodes extraBody objects the same way, never as JSON text', async () => {
    await openai().transcription({ model: 'gpt-4o-transcribe-diarize', file, response_format: 'diarized_json', extraBody: { chunking_strategy: { type: 'server_vad' } } })
    expect(lastFields()).toMatchObject({ 'chunking_strategy[type]': 'server_vad' })
  })

  it('surfaces the server refusing diarized_json from a model without speakers', async () => {
    const error = await caught(openai().transcription({ model: 'whisper-1', file, response_format: 'diarized_json' }))
    expect(error).toMatchObject({ name: 'APIError', status: 400, param: 'response_format' })
  })
})

describe('logprobs', () => {
  it('reach the result with include: ["logprobs"]', async () => {
    const result = await openai().transcription({ model: 'gpt-4o-transcribe', file, include: ['logprobs'] })
    expect(result.logprobs?.map((entry) => entry.token).join('')).toBe(SENTENCE)
    expect(result.logprobs?.[0]).toEqual({ token: expect.any(String), logprob: expect.any(Number), bytes: expect.any(Array) })
    expect(lastFields()).toMatchObject({ 'include[]': ['logprobs'] })
  })

  it('are absent when not asked', async () => {
    expect((await openai().transcription({ model: 'gpt-4o-transcribe', file })).logprobs).toBeUndefined()
  })
})

describe('bad diarization options fail before the network', () => {
  it.each([
    [{ known_speaker_names: ['a', 'b', 'c', 'd', 'e'] }, 'known_speaker_names'],
    [{ known_speaker_names: ['a'] }, 'known_speaker_references'],
    [{ known_speaker_references: ['data:audio/wav;base64,UklGRg=='] }, 'known_speaker_names'],
    [{ include: [42] }, 'include[0]'],
    [{ known_speaker_names: ['a'], known_speaker_references: ['https://x.test/a.wav'] }, 'known_speaker_references[0]'],
    [{ chunking_strategy: 'manual' }, 'chunking_strategy'],
    [{ chunking_strategy: { type: 'server_vad', eagerness: 'low' } }, 'chunking_strategy.eagerness'],
    [{ chunking_strategy: { type: 'server_vad', threshold: 2 } }, 'chunking_strategy.threshold'],
    [{ include: ['logprobs'], response_format: 'verbose_json' }, 'include'],
    [{ response_format: 'diarised_json' }, 'response_format'],
    [{ extraBody: { hint: null } }, 'extraBody.hint'],
  ])('%j → %s', async (options, field) => {
    const error = await caught(openai().transcription({ model: 'gpt-4o-transcribe-diarize', file, ...(options as object) }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error).toMatchObject({ field })
    expect(emu.emulator.requests).toHaveLength(0)
  })
})

describe('answers that are not a transcript', () => {
  let server: Server
  let base: string
  let answer: { type: string; body: string }
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume()
      request.on('end', () => response.writeHead(200, { 'content-type': answer.type }).end(answer.body))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const call = (response_format?: 'json' | 'verbose_json' | 'diarized_json' | 'text' | 'srt') =>
    createClient({ baseURL: base, apiKey: 'sk-test-0000000000', maxRetries: 0 }).transcription({ model: 'whisper', file, ...(response_format && { response_format }) })

  it.each(['json', 'verbose_json', 'diarized_json'] as const)('refuses truncated JSON for %s', async (format) => {
    answer = { type: 'application/json', body: '{"text": "Two people ta' }
    const error = await caught(call(format))
    expect(error).toBeInstanceOf(APIError)
    expect(error.message).toMatch(new RegExp(`not valid JSON .*"${format}"`))
  })

  it('refuses plain text where JSON was asked', async () => {
    answer = { type: 'text/plain', body: 'Two people talk here.' }
    expect(await caught(call('json'))).toMatchObject({ name: 'APIError', status: 200 })
  })

  it('keeps text and srt as text, and unwraps a proxy\'s JSON { text }', async () => {
    answer = { type: 'text/plain', body: '{not json, just words}' }
    expect((await call('text')).text).toBe('{not json, just words}')
    answer = { type: 'application/json', body: JSON.stringify({ text: '1\n00:00:00,000 --> 00:00:01,000\nHi\n' }) }
    expect((await call('srt')).text).toBe('1\n00:00:00,000 --> 00:00:01,000\nHi\n')
  })

  it('refuses server-sent events to a call that did not ask to stream, naming the cause', async () => {
    answer = { type: 'text/event-stream', body: 'data: {"type":"transcript.text.delta","delta":"Two"}\n\n' }
    const error = await caught(call('json'))
    expect(error).toBeInstanceOf(APIError)
    expect(error.message).toMatch(/text\/event-stream.*did not ask to stream/)
    expect(error.message).not.toContain('transcript.text.delta')
  })
})

describe('server-sent events from the emulator', () => {
  it('are refused when stream: true slips in through extraBody', async () => {
    const error = await caught(openai().transcription({ model: 'gpt-4o-mini-transcribe', file, extraBody: { stream: true } }))
    expect(error.message).toMatch(/server-sent events/)
    expect(lastFields()).toMatchObject({ stream: 'true' })
  })
})
