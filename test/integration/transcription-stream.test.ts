import { beforeAll, describe, expect, it } from 'vitest'
import { createClient, isAbortError, type TranscriptionStreamEvent } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()
// The streaming code is loaded on first use; load it now so that load is not timed as a delay.
beforeAll(() => import('../../src/transcription/create-stream.ts'))
const INTERVAL_MS = 80
const paced = { 'x-emulator-stream-interval-ms': String(INTERVAL_MS) }
const SENTENCE = 'Streamed words arrive one by one'
const openai = () => createClient({ baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, maxRetries: 0 })

let file: Blob
beforeAll(async () => {
  file = await (await emu.client().speech({ model: 'tts', input: SENTENCE, voice: 'alloy', response_format: 'wav' })).blob()
})

describe('streamTranscription with a gpt-4o transcriber', () => {
  it('yields each text delta as it arrives, the first well before the final event', async () => {
    const stream = await openai().streamTranscription({ model: 'openai/gpt-4o-transcribe', file, headers: paced })
    const started = performance.now()
    const seen: Array<{ event: TranscriptionStreamEvent; at: number }> = []
    for await (const event of stream) seen.push({ event, at: performance.now() - started })
    const deltas = seen.filter(({ event }) => event.type === 'transcript.text.delta')
    expect(deltas.map(({ event }) => (event as { delta: string }).delta).join('')).toBe(SENTENCE)
    expect(deltas.length).toBe(SENTENCE.split(' ').length)
    const done = seen.at(-1)!
    expect(done.event).toMatchObject({ type: 'transcript.text.done', text: SENTENCE })
    expect(done.at - deltas[0]!.at).toBeGreaterThanOrEqual((deltas.length - 1) * INTERVAL_MS)
    expect(deltas.at(-1)!.event).toMatchObject({ text: SENTENCE })

    const result = await stream.final
    expect(result).toMatchObject({ text: SENTENCE, format: 'json', provider: 'openai', usage: { type: 'tokens' } })
    expect(emu.emulator.requests.at(-1)!.fields).toMatchObject({ model: 'gpt-4o-transcribe', stream: 'true' })
  })

  it('gives logprobs on deltas and on the result when asked', async () => {
    const stream = await openai().streamTranscription({ model: 'openai/gpt-4o-mini-transcribe', file, include: ['logprobs'] })
    const events: TranscriptionStreamEvent[] = []
    for await (const event of stream) events.push(event)
    expect(events[0]).toMatchObject({ type: 'transcript.text.delta', logprobs: [{ token: 'Streamed', logprob: expect.any(Number) }] })
    expect((await stream.final).logprobs).toHaveLength(SENTENCE.split(' ').length)
  })

  it('offers the text alone through textStream, and final without iterating', async () => {
    const stream = await openai().streamTranscription({ model: 'openai/gpt-4o-transcribe', file })
    const pieces: string[] = []
    for await (const piece of stream.textStream) pieces.push(piece)
    expect(pieces.join('')).toBe(SENTENCE)
    expect(pieces.length).toBeGreaterThan(1)

    const untouched = await openai().streamTranscription({ model: 'openai/gpt-4o-transcribe', file })
    expect((await untouched.final).text).toBe(SENTENCE)
  })

  it('stops the request when the loop is left early, and final says it was aborted', async () => {
    const stream = await openai().streamTranscription({ model: 'openai/gpt-4o-transcribe', file, headers: { 'x-emulator-stream-interval-ms': '300' } })
    const started = performance.now()
    for await (const event of stream) {
      expect(event.type).toBe('transcript.text.delta')
      break
    }
    expect(isAbortError(await caught(stream.final))).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('ends with the caller’s abort', async () => {
    const controller = new AbortController()
    const stream = await openai().streamTranscription({ model: 'openai/gpt-4o-transcribe', file, signal: controller.signal, headers: paced })
    const iterator = stream[Symbol.asyncIterator]()
    expect((await iterator.next()).value).toMatchObject({ type: 'transcript.text.delta' })
    controller.abort()
    expect(isAbortError(await caught(stream.final))).toBe(true)
    expect(isAbortError(await caught(iterator.next()))).toBe(true)
  })
})

describe('streamTranscription where the server answers whole', () => {
  it('reads whisper-1’s JSON answer (it ignores stream) as one final event', async () => {
    const stream = await openai().streamTranscription({ model: 'openai/whisper-1', file })
    const events: TranscriptionStreamEvent[] = []
    for await (const event of stream) events.push(event)
    expect(events).toEqual([{ type: 'transcript.text.done', text: SENTENCE, transcription: expect.objectContaining({ text: SENTENCE }) }])
    const pieces: string[] = []
    for await (const piece of stream.textStream) pieces.push(piece)
    expect(pieces).toEqual([SENTENCE])
    expect(emu.emulator.requests.at(-1)!.fields).toMatchObject({ stream: 'true' })
  })

  it('does not send stream to a LiteLLM proxy, which answers whole, and says so', async () => {
    const stream = await emu.client().streamTranscription({ model: 'gpt-4o-transcribe', file })
    expect(stream.warnings).toEqual([{ option: 'stream', message: expect.stringContaining('LiteLLM proxy') }])
    expect((await stream.final).text).toBe(SENTENCE)
    expect(emu.emulator.requests.at(-1)!.fields).not.toHaveProperty('stream')
  })

  it('rejects bad input before any request', async () => {
    const error = await caught(openai().streamTranscription({ model: 'openai/gpt-4o-transcribe', file, temperature: 3 }))
    expect(error).toMatchObject({ name: 'InvalidRequestError', field: 'temperature' })
    expect(emu.emulator.requests).toHaveLength(0)
  })
})
