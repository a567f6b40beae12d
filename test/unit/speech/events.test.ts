import { describe, expect, it } from 'vitest'
import { DEFAULT_PCM, sealStreamedWav, streamingWavHeader, wavToPcm } from '../../../src/audio/wav.ts'
import { APIError, ConnectionError } from '../../../src/errors/classes.ts'
import type { SpeechInput } from '../../../src/providers/types.ts'
import { openSpeechEvents } from '../../../src/speech/events.ts'
import { openBody } from '../../../src/transport/body-stream.ts'
import { createDeadline } from '../../../src/transport/deadline.ts'

const base64 = (bytes: number[]) => Buffer.from(bytes).toString('base64')
const input = (response_format: SpeechInput['response_format']): SpeechInput => ({ input: 'x', response_format, stream_format: 'sse' })

/** A text/event-stream Response that sends `text` in pieces of `piece` characters. */
function eventResponse(text: string, piece = 7): Response {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, (offset += piece)))
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
}

async function decode(text: string, format: SpeechInput['response_format'], piece?: number) {
  const speech = await openSpeechEvents(await opened(eventResponse(text, piece)), eventResponse('', 1), input(format), 'test', 1 << 20)
  const bytes = new Uint8Array(await new Response(speech.stream).arrayBuffer())
  return { ...speech, bytes }
}

/** The body as speech.ts hands it over: opened under a deadline, with typed errors. */
const opened = async (response: Response) => (await openBody(response, createDeadline(10_000, undefined))).stream

const mp3Head = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]

describe('OpenAI speech events', () => {
  it('decodes speech.audio.delta events in order and reads usage from speech.audio.done', async () => {
    const text = `data: {"type":"speech.audio.delta","audio":"${base64(mp3Head.slice(0, 5))}"}\n\n` +
      `data: {"type":"speech.audio.delta","audio":"${base64(mp3Head.slice(5))}"}\n\n` +
      'data: {"type":"speech.audio.done","usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}}\n\n'
    for (const piece of [1, 3, 64]) {
      const speech = await decode(text, 'mp3', piece)
      expect(speech.mediaType).toBe('audio/mpeg')
      expect([...speech.bytes]).toEqual(mp3Head)
      expect(speech.usage()).toEqual({ input_tokens: 1, output_tokens: 2, total_tokens: 3 })
    }
  })

  it('turns an error event into an APIError carrying its message', async () => {
    const text = `data: {"type":"speech.audio.delta","audio":"${base64(mp3Head)}"}\n\n` +
      'data: {"type":"error","error":{"message":"model overloaded"}}\n\n'
    const speech = await openSpeechEvents(await opened(eventResponse(text, 200)), eventResponse('', 1), input('mp3'), 'openai', 1 << 20)
    const error = await new Response(speech.stream).arrayBuffer().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(APIError)
    expect((error as APIError).message).toContain('model overloaded')
  })

  it('refuses an event that is not JSON, and audio that is not base64', async () => {
    await expect(decode('data: {not json\n\n', 'mp3')).rejects.toBeInstanceOf(APIError)
    await expect(decode('data: {"type":"speech.audio.delta","audio":"***"}\n\n', 'mp3')).rejects.toThrow(/base64/)
  })

  it('errors a stream that ends before speech.audio.done, early or late', async () => {
    const deltas = `data: {"type":"speech.audio.delta","audio":"${base64(mp3Head.slice(0, 5))}"}\n\n` +
      `data: {"type":"speech.audio.delta","audio":"${base64(mp3Head.slice(5))}"}\n\n`
    await expect(decode(deltas, 'mp3', 64)).rejects.toThrow(/speech\.audio\.done/)
    await expect(decode(deltas.split('\n\n')[0] + '\n\n', 'mp3', 64)).rejects.toThrow(/speech\.audio\.done/)
  })

  it('refuses a stream that carried no audio', async () => {
    await expect(decode('data: {"type":"speech.audio.done","usage":{}}\n\n', 'mp3')).rejects.toThrow(/no audio/)
  })
})

describe('Gemini streamGenerateContent chunks', () => {
  const chunk = (pcm: number[], extra = '') =>
    `data: {"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"audio/L16;codec=pcm;rate=16000","data":"${base64(pcm)}"}}]}${extra}}]}\r\n\r\n`

  it('wraps the PCM of every chunk behind one WAV header of unknown length, at the rate the mimeType gives', async () => {
    const speech = await decode(chunk([1, 2, 3, 4]) + chunk([5, 6], ',"finishReason":"STOP"').replace('}]}\r', '}],"usageMetadata":{"totalTokenCount":9}}\r'), 'wav', 5)
    expect(speech.mediaType).toBe('audio/wav')
    expect(wavToPcm(speech.bytes)).toEqual({ pcm: new Uint8Array([1, 2, 3, 4, 5, 6]), format: { sampleRate: 16_000, channels: 1, bitsPerSample: 16 } })
    expect(new DataView(speech.bytes.buffer).getUint32(40, true)).toBe(0xffffffff)
    expect(speech.usage()).toEqual({ totalTokenCount: 9 })
  })

  it('hands raw PCM over for pcm, labelled with its rate', async () => {
    const speech = await decode(chunk([1, 2]) + chunk([3, 4]), 'pcm')
    expect(speech.mediaType).toBe('audio/pcm;rate=16000;channels=1')
    expect([...speech.bytes]).toEqual([1, 2, 3, 4])
  })

  it('refuses a mimeType whose layout a WAV header would wrap (65536 channels, a rate of 2^32)', async () => {
    for (const layout of ['channels=65536', 'rate=4294967296']) {
      const text = chunk([1, 2, 3, 4]).replace('rate=16000', layout)
      await expect(decode(text, 'wav')).rejects.toThrow(/cannot be true/)
    }
  })

  it('errors the stream when the connection ends in the middle of the answer', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(chunk(Array.from({ length: 40 }, (_, index) => index))))
      },
      pull(controller) {
        controller.error(new TypeError('terminated'))
      },
    })
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } })
    const speech = await openSpeechEvents(await opened(response), response, input('wav'), 'gemini', 1 << 20)
    await expect(new Response(speech.stream).arrayBuffer()).rejects.toBeInstanceOf(ConnectionError)
  })
})

describe('streamed WAV headers', () => {
  it('declares unknown sizes, and gets the real ones once sealed', () => {
    const header = streamingWavHeader(DEFAULT_PCM)
    const view = new DataView(header.buffer)
    expect(String.fromCharCode(...header.subarray(0, 4), ...header.subarray(8, 16), ...header.subarray(36, 40))).toBe('RIFFWAVEfmt data')
    expect([view.getUint32(4, true), view.getUint32(40, true)]).toEqual([0xffffffff, 0xffffffff])
    expect([view.getUint16(22, true), view.getUint32(24, true), view.getUint32(28, true), view.getUint16(32, true), view.getUint16(34, true)]).toEqual([1, 24_000, 48_000, 2, 16])

    const whole = new Uint8Array(44 + 6)
    whole.set(header)
    sealStreamedWav(whole)
    expect([view.getUint32(4, true), new DataView(whole.buffer).getUint32(4, true), new DataView(whole.buffer).getUint32(40, true)]).toEqual([0xffffffff, 42, 6])
  })

  it('leaves a WAV with known sizes as it is', () => {
    const wav = new Uint8Array(50)
    wav.set(streamingWavHeader(DEFAULT_PCM))
    new DataView(wav.buffer).setUint32(40, 4, true)
    const before = wav.slice()
    sealStreamedWav(wav)
    expect(wav).toEqual(before)
  })
})
