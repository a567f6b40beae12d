import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator, synthesizeSpeech } from '../emulator/index.ts'
import { errorOf, openaiAuth, plainWav, postForm } from '../emulator-tests/helpers.ts'

// The OpenAI persona checked against the facts of openai/openai-openapi (openapi.yaml, newest
// commit) and openai/openai-node. Each test names the schema or file it follows.
const SENTENCE = 'Diarize this sentence.'
let emulator: Emulator
let wav: Uint8Array

beforeAll(async () => {
  emulator = await startEmulator()
  wav = (await synthesizeSpeech(SENTENCE, 'wav')).bytes
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const transcribe = (fields: Record<string, string | string[]>, bytes = wav) =>
  postForm(`${emulator.url}/openai/v1/audio/transcriptions`, { bytes, filename: 'call.wav' }, fields, openaiAuth)
const refusal = async (fields: Record<string, string | string[]>, bytes?: Uint8Array) => {
  const response = await transcribe(fields, bytes)
  expect(response.status).toBe(400)
  return errorOf(response)
}

describe('openai-openapi AudioResponseFormat: which model answers which format', () => {
  const table: Array<[string, string[], string[]]> = [
    ['whisper-1', ['json', 'text', 'srt', 'verbose_json', 'vtt'], ['diarized_json']],
    ['gpt-4o-transcribe', ['json'], ['text', 'srt', 'verbose_json', 'vtt', 'diarized_json']],
    ['gpt-4o-mini-transcribe', ['json'], ['text', 'verbose_json', 'diarized_json']],
    ['gpt-4o-transcribe-diarize', ['json', 'text', 'diarized_json'], ['srt', 'verbose_json', 'vtt']],
  ]
  it.each(table)('%s accepts %j and refuses %j', async (model, accepted, refused) => {
    for (const format of accepted) expect((await transcribe({ model, response_format: format })).status, `${model} ${format}`).toBe(200)
    for (const format of refused) {
      const error = await refusal({ model, response_format: format })
      expect(error).toMatchObject({ param: 'response_format', code: 'unsupported_value' })
    }
  })

  it('lists diarized_json among the values it knows', async () => {
    const error = await refusal({ model: 'whisper-1', response_format: 'xml' })
    expect(error.message).toContain("'diarized_json'")
  })
})

describe('openai-openapi CreateTranscriptionResponseDiarizedJson', () => {
  it('answers task, duration, text and segments with type, id, start, end, text and speaker', async () => {
    const response = await transcribe({ model: 'gpt-4o-transcribe-diarize', response_format: 'diarized_json' })
    const body = await response.json() as Record<string, unknown>
    expect(body).toMatchObject({ task: 'transcribe', duration: expect.any(Number), text: SENTENCE })
    expect(body.segments).toEqual([{
      type: 'transcript.text.segment', id: expect.any(String), start: 0, end: body.duration, text: SENTENCE, speaker: 'A',
    }])
  })

  it('labels speakers with known_speaker_names[] when given (TranscriptionDiarizedSegment.speaker)', async () => {
    const response = await transcribe({
      model: 'gpt-4o-transcribe-diarize', response_format: 'diarized_json',
      'known_speaker_names[]': ['agent', 'customer'],
      'known_speaker_references[]': ['data:audio/wav;base64,UklGRg==', 'data:audio/wav;base64,UklGRg=='],
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { segments: Array<{ speaker: string }> }).segments[0]?.speaker).toBe('agent')
  })
})

describe('openai-openapi CreateTranscriptionRequest: diarization fields', () => {
  const diarize = { model: 'gpt-4o-transcribe-diarize', response_format: 'diarized_json' }

  it('allows at most 4 known_speaker_names and 4 known_speaker_references (maxItems: 4)', async () => {
    const five = ['a', 'b', 'c', 'd', 'e']
    expect(await refusal({ ...diarize, 'known_speaker_names[]': five })).toMatchObject({ param: 'known_speaker_names', code: 'array_above_max_length' })
    const references = five.map(() => 'data:audio/wav;base64,UklGRg==')
    expect(await refusal({ ...diarize, 'known_speaker_references[]': references })).toMatchObject({ param: 'known_speaker_references' })
    expect((await transcribe({ ...diarize, 'known_speaker_names[]': five.slice(0, 4) })).status).toBe(200)
  })

  it('takes known_speaker_references as data URLs only', async () => {
    const error = await refusal({ ...diarize, 'known_speaker_references[]': ['https://example.com/agent.wav'] })
    expect(error).toMatchObject({ param: 'known_speaker_references', code: 'invalid_value' })
  })

  it('takes chunking_strategy as "auto" or a server_vad object (TranscriptionChunkingStrategy, VadConfig)', async () => {
    expect((await transcribe({ ...diarize, chunking_strategy: 'auto' })).status).toBe(200)
    const vad = { 'chunking_strategy[type]': 'server_vad', 'chunking_strategy[prefix_padding_ms]': '300', 'chunking_strategy[silence_duration_ms]': '200', 'chunking_strategy[threshold]': '0.5' }
    expect((await transcribe({ ...diarize, ...vad })).status).toBe(200)
    expect(await refusal({ ...diarize, 'chunking_strategy[type]': 'semantic_vad' })).toMatchObject({ param: 'chunking_strategy.type' })
    // VadConfig: additionalProperties false.
    expect(await refusal({ ...diarize, 'chunking_strategy[type]': 'server_vad', 'chunking_strategy[eagerness]': 'low' })).toMatchObject({ code: 'unknown_parameter' })
    expect(await refusal({ ...diarize, 'chunking_strategy[type]': 'server_vad', 'chunking_strategy[threshold]': '1.5' })).toMatchObject({ param: 'chunking_strategy.threshold' })
  })

  it('reads an object only in openai-node form fields, not as JSON text (src/internal/uploads.ts)', async () => {
    const error = await refusal({ ...diarize, chunking_strategy: '{"type":"server_vad"}' })
    expect(error).toMatchObject({ param: 'chunking_strategy', code: 'invalid_value' })
  })

  it('needs chunking_strategy for the diarizing model on inputs over 30 seconds', async () => {
    const long = plainWav(new Int16Array(8000 * 31), 8000)
    expect(await refusal(diarize, long)).toMatchObject({ param: 'chunking_strategy', code: 'missing_required_parameter' })
    expect((await transcribe({ ...diarize, chunking_strategy: 'auto' }, long)).status).toBe(200)
    expect((await transcribe({ model: 'whisper-1' }, long)).status).toBe(200)
  })

  it('refuses prompt and timestamp_granularities with gpt-4o-transcribe-diarize', async () => {
    expect(await refusal({ ...diarize, prompt: 'Names: Ada' })).toMatchObject({ param: 'prompt' })
    expect(await refusal({ ...diarize, 'timestamp_granularities[]': 'word' })).toMatchObject({ param: 'timestamp_granularities' })
  })
})

describe('openai-openapi CreateTranscriptionRequest.include and CreateTranscriptionResponseJson.logprobs', () => {
  it.each(['gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-4o-mini-transcribe-2025-12-15'])('answers logprobs from %s with json', async (model) => {
    const response = await transcribe({ model, 'include[]': 'logprobs' })
    const body = await response.json() as { text: string; logprobs: Array<{ token: string; logprob: number; bytes: number[] }> }
    expect(body.text).toBe(SENTENCE)
    expect(body.logprobs.map((entry) => entry.token).join('')).toBe(SENTENCE)
    for (const entry of body.logprobs) {
      expect(entry.logprob).toBeLessThanOrEqual(0)
      expect(Buffer.from(entry.bytes).toString('utf8')).toBe(entry.token)
    }
  })

  it('gives no logprobs unless asked', async () => {
    expect(await (await transcribe({ model: 'gpt-4o-transcribe' })).json()).not.toHaveProperty('logprobs')
  })

  it.each([
    ['whisper-1', 'json'],
    ['gpt-4o-transcribe-diarize', 'json'],
    ['whisper-1', 'verbose_json'],
  ])('refuses logprobs from %s with %s', async (model, format) => {
    expect(await refusal({ model, response_format: format, 'include[]': 'logprobs' })).toMatchObject({ param: 'include' })
  })

  it('knows no include value but logprobs (TranscriptionInclude)', async () => {
    expect(await refusal({ model: 'gpt-4o-transcribe', 'include[]': 'segments' })).toMatchObject({ param: 'include', code: 'invalid_value' })
  })
})

describe('openai-node src/client.ts shouldRetry: x-should-retry', () => {
  it('sends x-should-retry when the switch asks, on errors and successes alike', async () => {
    const failing = await transcribe({ model: 'whisper-1', response_format: 'xml' })
    expect(failing.headers.get('x-should-retry')).toBeNull()
    const refused = await postForm(`${emulator.url}/openai/v1/audio/transcriptions`, { bytes: wav, filename: 'a.wav' }, { model: 'whisper-1' }, { ...openaiAuth, 'x-emulator-fault': '503', 'x-emulator-should-retry': 'false' })
    expect(refused.status).toBe(503)
    expect(refused.headers.get('x-should-retry')).toBe('false')
  })
})
