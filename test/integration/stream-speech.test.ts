import { describe, expect, it } from 'vitest'
import {
  InvalidRequestError, isAbortError, isTextSourceError, streamSpeech, type SpeechSegment, type SpeechStream,
} from '../../src/index.ts'
import { parseWavText, TEST_KEYS } from '../emulator/index.ts'
import { chatTextStream } from './chat-text.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()

const ANSWER = 'The first sentence is here. A second one follows it. Then comes a third sentence. The fourth one is short. And the fifth ends it.'
let scenarios = 0

async function collect(stream: SpeechStream): Promise<SpeechSegment[]> {
  const segments: SpeechSegment[] = []
  for await (const segment of stream) segments.push(segment)
  return segments
}

async function* slowly(text: string, perChunk = 4, ms = 2): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += perChunk) {
    yield text.slice(start, start + perChunk)
    await new Promise((resolve) => setTimeout(resolve, ms))
  }
}

describe('streamSpeech', () => {
  it('speaks a streamed chat answer sentence by sentence, in order, each piece its own request', async () => {
    const text = await chatTextStream(emu.emulator.url, TEST_KEYS.proxy, {
      'x-emulator-answer': encodeURIComponent(ANSWER), 'x-emulator-tokens-per-second': '2000',
    })
    const stream = await emu.client().streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav', text })
    const segments = await collect(stream)
    expect(segments.map((segment) => segment.text)).toEqual([
      'The first sentence is here.', 'A second one follows it.', 'Then comes a third sentence.', 'The fourth one is short.', 'And the fifth ends it.',
    ])
    expect(segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3, 4])
    for (const segment of segments) expect(parseWavText(segment.audio)).toBe(segment.text)
    const speechRequests = emu.emulator.requests.filter((request) => request.path === '/v1/audio/speech')
    // One request per piece; two run at once, so the server may log them in either order.
    const sent = speechRequests.map((request) => (request.json as { input: string }).input)
    expect([...sent].sort()).toEqual(segments.map((segment) => segment.text).sort())
    // Each piece starts where the one before ends.
    for (const [index, segment] of segments.entries()) {
      if (index === 0) expect(segment.start).toBe(0)
      else expect(segment.start).toBeCloseTo(segments[index - 1]!.start! + segments[index - 1]!.duration!, 6)
      expect(segment.duration).toBeGreaterThan(0.5)
    }
  })

  it('keeps order and loses nothing when answers come out of order and one piece fails once', async () => {
    const sequential = await emu.client().streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav', text: slowly(ANSWER), concurrency: 1 })
    const expected = new Uint8Array(await (await sequential.blob()).arrayBuffer())
    emu.emulator.reset()
    const headers = {
      // The first piece answers last of the two running; the third fails once and is retried.
      'x-emulator-fault-by-input': JSON.stringify({ 'first sentence': 'slow-headers:900', 'third sentence': '503' }),
      'x-emulator-fault-times': '1',
      'x-emulator-scenario': `stream-order-${process.pid}-${++scenarios}`,
    }
    // The order answers came back in, as fetch saw them.
    const answered: string[] = []
    const watching: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      answered.push(`${(JSON.parse(String(init?.body)) as { input: string }).input} ${response.status}`)
      return response
    }
    const stream = await emu.client({ headers, fetch: watching }).streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav', text: slowly(ANSWER) })
    const whole = stream.blob()
    const segments = await collect(stream)
    const bytes = new Uint8Array(await (await whole).arrayBuffer())
    expect(segments.map((segment) => segment.text).join(' ')).toBe(ANSWER)
    expect(bytes.byteLength).toBe(expected.byteLength)
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true)
    // Really out of order: the second piece was answered before the first; the third failed once.
    expect(answered.indexOf('A second one follows it. 200')).toBeLessThan(answered.indexOf('The first sentence is here. 200'))
    expect(answered.filter((line) => line.startsWith('Then comes a third sentence.'))).toEqual(['Then comes a third sentence. 503', 'Then comes a third sentence. 200'])
  })

  it('runs at most `concurrency` requests ahead of its reader and reads the text only as needed', async () => {
    const sentence = 'This sentence is one of very many in a long text. '
    const huge = sentence.repeat(Math.ceil(100_000 / sentence.length))
    let given = 0
    async function* source() {
      for (let start = 0; start < huge.length; start += 64) {
        given += 64
        yield huge.slice(start, start + 64)
      }
    }
    const stream = await emu.client().streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'pcm', text: source() })
    const iterator = stream[Symbol.asyncIterator]()
    for (let read = 0; read < 3; read++) expect((await iterator.next()).done).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 300))
    // 3 read, 2 running ahead, and the text read just past the sixth sentence.
    expect(emu.emulator.requests.length).toBeLessThanOrEqual(5)
    expect(given).toBeLessThan(sentence.length * 7 + 64)
    await iterator.return?.()
    expect(stream.signal.aborted).toBe(true)
  })

  it('ends with a TextSourceError after the pieces before the failure were spoken', async () => {
    async function* failing() {
      yield 'This first sentence will be spoken. And this second one too. '
      throw new Error('the model stream broke')
    }
    const stream = await emu.client().streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav', text: failing() })
    const spoken: string[] = []
    const error = await caught((async () => {
      for await (const segment of stream) spoken.push(segment.text)
    })())
    expect(isTextSourceError(error)).toBe(true)
    expect((error.cause as Error).message).toBe('the model stream broke')
    expect(spoken).toEqual(['This first sentence will be spoken.', 'And this second one too.'])
  })

  it('ends with the API error of a piece that finally fails, after the pieces before it', async () => {
    const headers = { 'x-emulator-fault-by-input': JSON.stringify({ 'third sentence': '400' }) }
    const stream = await emu.client({ headers }).streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav', text: ANSWER })
    const spoken: string[] = []
    const error = await caught((async () => {
      for await (const segment of stream) spoken.push(segment.text)
    })())
    expect(error).toMatchObject({ name: 'APIError', status: 400 })
    expect(spoken).toEqual(['The first sentence is here.', 'A second one follows it.'])
  })

  it('one abort cancels the requests in flight and the text stream', async () => {
    const controller = new AbortController()
    let cancelled = false
    const text = new ReadableStream<string>({
      start(source) {
        source.enqueue('A sentence that is spoken first. Then one that is slow to come back. And ')
      },
      cancel() {
        cancelled = true
      },
    })
    const headers = { 'x-emulator-fault-by-input': JSON.stringify({ 'slow to come': 'slow-headers:5000' }) }
    const stream = await emu.client({ headers }).streamSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav', text, signal: controller.signal })
    const iterator = stream[Symbol.asyncIterator]()
    expect((await iterator.next()).value?.text).toBe('A sentence that is spoken first.')
    const pending = iterator.next()
    setTimeout(() => controller.abort(), 100)
    const started = Date.now()
    const error = await caught(pending)
    expect(isAbortError(error)).toBe(true)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(cancelled).toBe(true)
  })

  it('strips Markdown and joins a short sentence to the next', async () => {
    const stream = await emu.client().streamSpeech({
      model: 'tts', voice: 'alloy', response_format: 'wav',
      text: slowly('## Result\n\nSure! See **the docs** at [this page](https://example.com/a.b) for more.\n```js\nlet x = 1.5\n```\nDone now, thanks.'),
    })
    const segments = await collect(stream)
    expect(segments.map((segment) => segment.text)).toEqual(['Result. Sure! See the docs at this page for more.', 'Done now, thanks.'])
  })

  it('refuses bad input before any request', async () => {
    const error = await caught(emu.client().streamSpeech({ model: 'tts', voice: 'alloy', text: 42 as never }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error.message).toMatch(/^text: must be a string, an AsyncIterable<string> or a ReadableStream<string>/)
    expect(await caught(emu.client().streamSpeech({ model: 'tts', text: 'Hi.', concurrency: 0 }))).toMatchObject({ field: 'concurrency' })
    expect(await caught(emu.client().streamSpeech({ model: 'tts', text: 'Hi.', minChars: 500, maxChars: 100 }))).toMatchObject({ field: 'minChars' })
    expect(await caught(emu.client().streamSpeech({ model: 'tts', text: 'Hi.', locale: 'not a locale!' }))).toMatchObject({ field: 'locale' })
    async function* bytes() {
      yield new Uint8Array([1, 2]) as unknown as string
    }
    const stream = await emu.client().streamSpeech({ model: 'tts', voice: 'alloy', text: bytes() })
    expect(await caught(collect(stream))).toMatchObject({ name: 'InvalidRequestError', field: 'text' })
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('works as a one-off call and joins MP3 pieces into one clip', async () => {
    const stream = await streamSpeech({
      model: 'openai/tts-1', baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, voice: 'alloy',
      text: 'One sentence in MP3 here. Another sentence in MP3 there.',
    })
    const whole = stream.blob()
    const segments = await collect(stream)
    const blob = await whole
    expect(blob.type).toBe('audio/mpeg')
    expect(segments.map((segment) => segment.mediaType)).toEqual(['audio/mpeg', 'audio/mpeg'])
    expect(segments[1]!.start).toBeUndefined()
    expect(blob.size).toBe(segments[0]!.audio.byteLength + segments[1]!.audio.byteLength)
    expect(emu.emulator.requests).toHaveLength(2)
  })

  it('sums the usage the pieces report', async () => {
    const stream = await emu.client().streamSpeech({
      model: 'openai/gpt-4o-mini-tts', baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, voice: 'alloy',
      response_format: 'pcm', stream_format: 'sse', text: ANSWER,
    })
    const segments = await collect(stream)
    const total = segments.reduce((sum, segment) => sum + (segment.usage?.total_tokens as number), 0)
    expect(total).toBeGreaterThan(0)
    expect(stream.usage?.total_tokens).toBe(total)
  })
})
