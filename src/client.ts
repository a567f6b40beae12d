import { clientOptionsSchema, type ClientOptions } from './options/client-options.ts'
import type { SpeechParams } from './speech/params.ts'
import type { TranscriptionParams } from './transcription/params.ts'
import type { SpeechResult } from './speech/result.ts'
import type { StreamSpeechParams } from './stream-speech/params.ts'
import type { SpeechStream } from './stream-speech/stream.ts'
import type { TranscriptionStream } from './transcription/stream.ts'
import type { Transcription } from './transcription/result.ts'
import { validate } from './options/validate.ts'
import { createSpeech } from './speech/create.ts'
import { createTranscription } from './transcription/create.ts'

export interface VoxfetchClient {
  /** Text → audio (LiteLLM's `speech`). Every client option may also be given per call. */
  speech(params: SpeechParams): Promise<SpeechResult>
  /**
   * Text that is still being written (an LLM's answer) → speech, sentence by sentence: `text` is
   * a string, an `AsyncIterable<string>` or a `ReadableStream<string>`. Resolves once the call is
   * checked, before any request; then `player.playSegments(stream)`, `for await (const segment
   * of stream)` or `await stream.blob()`.
   */
  streamSpeech(params: StreamSpeechParams): Promise<SpeechStream>
  /** Audio → text (LiteLLM's `transcription`). Every client option may also be given per call. */
  transcription(params: TranscriptionParams): Promise<Transcription>
  /**
   * Audio → text as it is recognized (`stream: true` on the wire; gpt-4o transcribers stream,
   * whisper-1 and LiteLLM proxies answer whole, as one final event). Resolves once the server
   * answered; then `for await (const event of stream)`, `stream.textStream`, `await stream.final`.
   */
  streamTranscription(params: TranscriptionParams): Promise<TranscriptionStream>
  /** The options this client was made with. */
  readonly options: Readonly<ClientOptions>
}

/** A client with shared options: base URL, key, retries, timeout, model list… */
export function createClient(options: ClientOptions = {}): VoxfetchClient {
  const clientOptions = Object.freeze(validate(clientOptionsSchema, options))
  return {
    options: clientOptions,
    speech: (params) => createSpeech(clientOptions, params),
    streamSpeech: (params) => createSpeechStream(clientOptions, params),
    transcription: (params) => createTranscription(clientOptions, params),
    streamTranscription: (params) => createTranscriptionStream(clientOptions, params),
  }
}

/** One-off text → audio with options inline, like LiteLLM's `speech()`. */
export function speech(params: SpeechParams): Promise<SpeechResult> {
  return createSpeech({}, params)
}

/** One-off streamed text → speech with options inline; see `VoxfetchClient.streamSpeech`. */
export function streamSpeech(params: StreamSpeechParams): Promise<SpeechStream> {
  return createSpeechStream({}, params)
}

/** One-off audio → text with options inline, like LiteLLM's `transcription()`. */
export function transcription(params: TranscriptionParams): Promise<Transcription> {
  return createTranscription({}, params)
}

/** One-off streamed audio → text with options inline; see `VoxfetchClient.streamTranscription`. */
export function streamTranscription(params: TranscriptionParams): Promise<TranscriptionStream> {
  return createTranscriptionStream({}, params)
}

// Speech and transcription through a proxy or OpenAI-compatible server are in the static graph:
// a page's first call waits for no second download. Only what many calls never need loads on
// demand: event-stream decoding (here and in speech/create.ts), speech of a text stream, and the
// Azure, Gemini and Vertex adapters (providers/registry.ts).
async function createTranscriptionStream(options: ClientOptions, params: TranscriptionParams): Promise<TranscriptionStream> {
  return (await import('./transcription/create-stream.ts')).createTranscriptionStream(options, params)
}

async function createSpeechStream(options: ClientOptions, params: StreamSpeechParams): Promise<SpeechStream> {
  return (await import('./stream-speech/create.ts')).createSpeechStream(options, params)
}
