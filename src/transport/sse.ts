/**
 * A streaming reader of `text/event-stream` bodies, after the WHATWG HTML standard's "event
 * stream interpretation": UTF-8 with an optional BOM; lines ended by CRLF, LF or CR; `event`,
 * `data` (multi-line), `id` and `retry` fields; `:` comments; an event is dispatched at a blank
 * line, and an event left unfinished when the stream ends is dropped.
 */
import { ResponseTooLargeError } from '../errors/classes.ts'

/** One dispatched server-sent event. */
export interface ServerSentEvent {
  /** The `event` field, `message` when the event named none. */
  type: string
  /** The `data` lines joined with `\n`. */
  data: string
  /** The last event id seen so far in the stream (ids persist across events), `''` when none. */
  id: string
  /** The `retry` field of this event in milliseconds, when it had a valid one. */
  retry?: number
}

/**
 * Pure incremental parser: feed it text in pieces of any size, take events as they complete.
 * What it holds (the line being read and the data of the event being built) may not pass
 * `maxChars`: a `ResponseTooLargeError` then. Characters are UTF-16 units, never more than the
 * UTF-8 bytes they came from.
 */
export class EventStreamParser {
  readonly #maxChars: number
  #buffer = ''
  #dataChars = 0
  #afterCR = false
  #type = ''
  #data: string[] = []
  #lastId = ''
  #retry: number | undefined

  constructor(maxChars: number) {
    this.#maxChars = maxChars
  }

  /** Parses a piece of decoded text; returns the events it completed, in order. */
  push(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = []
    let start = 0
    // A CR that ended the previous piece already ended its line: an LF right after it is its pair.
    if (this.#afterCR && text.startsWith('\n')) start = 1
    this.#afterCR = false
    for (let index = start; index < text.length; index++) {
      const char = text.charCodeAt(index)
      if (char !== 10 && char !== 13) continue
      const line = this.#buffer + text.slice(start, index)
      this.#buffer = ''
      if (char === 13) {
        if (index + 1 === text.length) this.#afterCR = true
        else if (text.charCodeAt(index + 1) === 10) index++
      }
      start = index + 1
      const event = this.#line(line)
      if (event) events.push(event)
    }
    this.#buffer += text.slice(start)
    this.#bound(this.#buffer.length)
    return events
  }

  #bound(line: number): void {
    if (this.#dataChars + line > this.#maxChars) throw new ResponseTooLargeError(this.#maxChars)
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch()
    if (line.startsWith(':')) return undefined
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.#type = value
    else if (field === 'data') {
      this.#dataChars += value.length + 1
      this.#bound(0)
      this.#data.push(value)
    }
    else if (field === 'id') {
      if (!value.includes('\0')) this.#lastId = value
    } else if (field === 'retry' && /^[0-9]+$/.test(value)) this.#retry = Number(value)
    return undefined
  }

  #dispatch(): ServerSentEvent | undefined {
    const data = this.#data
    const type = this.#type
    const retry = this.#retry
    this.#data = []
    this.#dataChars = 0
    this.#type = ''
    this.#retry = undefined
    if (data.length === 0) return undefined
    return { type: type || 'message', data: data.join('\n'), id: this.#lastId, ...(retry !== undefined && { retry }) }
  }
}

/** Pulls events from a byte stream one at a time; cancelling releases the body at once. */
export interface EventStreamReader {
  /** The next event, or `undefined` once the stream has ended. Body errors are thrown as they are. */
  read(): Promise<ServerSentEvent | undefined>
  /** Stops reading and cancels the body (a read in flight ends with `undefined`). */
  cancel(reason?: unknown): Promise<void>
}

/**
 * Events of `body` one by one. One line, or one event's data, longer than `maxBytes` fails the
 * read with a `ResponseTooLargeError` and cancels the body: a hostile server cannot make the
 * client hold an endless event.
 */
export function eventStreamReader(body: ReadableStream<Uint8Array>, maxBytes: number): EventStreamReader {
  const reader = body.getReader()
  // TextDecoder drops a leading BOM and keeps multi-byte characters split across chunks whole.
  const decoder = new TextDecoder('utf-8')
  const parser = new EventStreamParser(maxBytes)
  const queue: ServerSentEvent[] = []
  let ended = false
  return {
    async read() {
      while (queue.length === 0) {
        if (ended) return undefined
        const { done, value } = await reader.read()
        if (ended) return undefined
        if (done) ended = true
        try {
          queue.push(...parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true })))
        } catch (error) {
          ended = true
          await reader.cancel(error).catch(() => {})
          throw error
        }
      }
      return queue.shift()
    },
    async cancel(reason) {
      ended = true
      queue.length = 0
      await reader.cancel(reason).catch(() => {})
    },
  }
}

/**
 * Reads server-sent events from a byte stream as they arrive. Breaking out of the loop (or an
 * error) cancels the stream, which releases the connection.
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>, maxBytes: number): AsyncGenerator<ServerSentEvent, void, undefined> {
  const events = eventStreamReader(body, maxBytes)
  let finished = false
  try {
    for (let event = await events.read(); event; event = await events.read()) yield event
    finished = true
  } finally {
    if (!finished) await events.cancel()
  }
}
