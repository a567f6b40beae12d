import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventStreamParser, readEventStream, type ServerSentEvent } from '../../../src/transport/sse.ts'

const encode = (text: string) => new TextEncoder().encode(text)

/** A byte stream that hands out `bytes` cut at the given offsets. */
function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts)].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b)
  const pieces: Uint8Array[] = []
  let start = 0
  for (const cut of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, cut))
    start = cut
  }
  return new ReadableStream({
    pull(controller) {
      const piece = pieces.shift()
      if (piece) controller.enqueue(piece)
      else controller.close()
    },
  })
}

async function collect(body: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = []
  for await (const event of readEventStream(body, 1 << 20)) events.push(event)
  return events
}

const parseWhole = (text: string) => new EventStreamParser(1 << 20).push(text)

// Every field kind, comments, a BOM, all three line ends, multi-line data and non-ASCII text.
const SAMPLE = '\uFEFF: hello\r\nevent: speech.audio.delta\r\ndata: {"a":1}\r\n\r\n' +
  'data: line one\ndata: line two\nid: 7\nretry: 1500\n\n' +
  'data:no space\rdata:  two spaces\r\r' +
  'event: done\ndata: é漢字🎵\n\n'
const SAMPLE_EVENTS: ServerSentEvent[] = [
  { type: 'speech.audio.delta', data: '{"a":1}', id: '' },
  { type: 'message', data: 'line one\nline two', id: '7', retry: 1500 },
  { type: 'message', data: 'no space\n two spaces', id: '7' },
  { type: 'done', data: 'é漢字🎵', id: '7' },
]

describe('EventStreamParser', () => {
  it('reads every field kind, comments, a BOM and CR, LF and CRLF line ends', async () => {
    expect(await collect(streamOf(encode(SAMPLE), []))).toEqual(SAMPLE_EVENTS)
  })

  it('gives the same events whatever single byte boundary the bytes are cut at', async () => {
    const bytes = encode(SAMPLE)
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect(streamOf(bytes, [cut])), `cut at ${cut}`).toEqual(SAMPLE_EVENTS)
    }
  })

  it('gives the same events one byte at a time', async () => {
    const bytes = encode(SAMPLE)
    const everyByte = Array.from({ length: bytes.length }, (_, index) => index)
    expect(await collect(streamOf(bytes, everyByte))).toEqual(SAMPLE_EVENTS)
  })

  it('gives the same events for random streams cut at random places', async () => {
    const field = fc.constantFrom('data', 'event', 'id', 'retry', 'other')
    const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => text.replace(/[\r\n\0]/g, '')), fc.constantFrom('123', ' x', ''))
    const line = fc.oneof(
      fc.tuple(field, value).map(([name, text]) => `${name}: ${text}`),
      fc.tuple(field, value).map(([name, text]) => `${name}:${text}`),
      field,
      value.map((text) => `:${text}`),
      fc.constant(''),
    )
    const document = fc.tuple(
      fc.array(fc.tuple(line, fc.constantFrom('\n', '\r', '\r\n')), { maxLength: 30 }),
      fc.boolean(),
    ).map(([lines, bom]) => (bom ? '\uFEFF' : '') + lines.map(([text, end]) => text + end).join(''))
    await fc.assert(
      fc.asyncProperty(document, fc.array(fc.nat(400), { maxLength: 12 }), async (text, cuts) => {
        const bytes = encode(text)
        const whole = parseWhole(text.replace(/^\uFEFF/, ''))
        expect(await collect(streamOf(bytes, cuts))).toEqual(whole)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps a CR at the end of one piece and an LF at the start of the next as one line end', () => {
    const parser = new EventStreamParser(1 << 20)
    expect(parser.push('data: a\r')).toEqual([])
    expect(parser.push('\n')).toEqual([])
    expect(parser.push('\r')).toEqual([{ type: 'message', data: 'a', id: '' }])
    expect(parser.push('\ndata: b\n\n')).toEqual([{ type: 'message', data: 'b', id: '' }])
  })

  it('dispatches nothing for a blank line with no data, and resets the event type', () => {
    expect(parseWhole('event: x\n\ndata: y\n\n')).toEqual([{ type: 'message', data: 'y', id: '' }])
  })

  it('keeps the last id across events, ignores an id with NUL and a retry that is not digits', () => {
    expect(parseWhole('id: 1\ndata: a\n\nid: 2\0\nretry: 1s\ndata: b\n\nid\ndata: c\n\n')).toEqual([
      { type: 'message', data: 'a', id: '1' },
      { type: 'message', data: 'b', id: '1' },
      { type: 'message', data: 'c', id: '' },
    ])
  })

  it('drops an event the stream ends in the middle of', async () => {
    const events = await collect(streamOf(encode('data: whole\n\ndata: cut off'), [5]))
    expect(events).toEqual([{ type: 'message', data: 'whole', id: '' }])
  })

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encode('data: again\n\n'))
      },
      cancel() {
        cancelled = true
      },
    })
    for await (const event of readEventStream(body, 1 << 20)) {
      expect(event.data).toBe('again')
      break
    }
    expect(cancelled).toBe(true)
  })
})

describe('bounds on what an event stream may make the client hold', () => {
  /** A body of `piece` forever (a server that never ends its line or its event), counting reads. */
  function endless(piece: string) {
    const state = { sent: 0, cancelled: undefined as unknown }
    const bytes = encode(piece)
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        state.sent += bytes.byteLength
        controller.enqueue(bytes)
      },
      cancel(reason) {
        state.cancelled = reason ?? true
      },
    })
    return { body, state }
  }
  const LIMIT = 64 * 1024

  it('fails a line longer than the limit with ResponseTooLargeError and cancels the body', async () => {
    const { body, state } = endless('x'.repeat(4096))
    const error = await collectWithLimit(body, LIMIT).catch((failure: unknown) => failure)
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', limit: LIMIT })
    expect(state.cancelled).toBeTruthy()
    expect(state.sent).toBeLessThanOrEqual(LIMIT + 2 * 4096)
  })

  it('fails an event whose data lines together pass the limit, though each line is short', async () => {
    const { body, state } = endless(`data: ${'y'.repeat(1000)}\n`)
    const error = await collectWithLimit(body, LIMIT).catch((failure: unknown) => failure)
    expect(error).toMatchObject({ name: 'ResponseTooLargeError' })
    expect(state.cancelled).toBeTruthy()
    expect(state.sent).toBeLessThanOrEqual(LIMIT + 2 * 1007)
  })

  it('lets any number of events through when each stays under the limit', async () => {
    const events = await collectWithLimit(streamOf(encode(`data: ${'z'.repeat(900)}\n\n`.repeat(200)), [1000, 5000]), 1024)
    expect(events).toHaveLength(200)
  })

  it('fails when an event passes the limit and never when its text stays under it, wherever the bytes are cut', async () => {
    const event = fc.array(fc.string({ maxLength: 40 }).map((text) => `L${text.replace(/[\r\n]/g, '')}`), { minLength: 1, maxLength: 5 })
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), fc.integer({ min: 8, max: 120 }), fc.array(fc.nat(600), { maxLength: 10 }), async (events, limit, cuts) => {
        const text = events.map((lines) => lines.map((line) => `data:${line}\n`).join('') + '\n').join('')
        const data = (lines: string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0)
        const outcome = await collectWithLimit(streamOf(encode(text), cuts), limit).then(
          (parsed) => parsed.map((parsedEvent) => parsedEvent.data),
          (error: Error) => error.name,
        )
        if (events.some((lines) => data(lines) > limit)) expect(outcome).toBe('ResponseTooLargeError')
        else if (events.every((lines) => data(lines) + 5 * lines.length <= limit)) expect(outcome).toEqual(events.map((lines) => lines.join('\n')))
      }),
      { numRuns: 300 },
    )
  })
})

async function collectWithLimit(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = []
  for await (const event of readEventStream(body, maxBytes)) events.push(event)
  return events
}
