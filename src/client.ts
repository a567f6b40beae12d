import { clientOptionsSchema, type ClientOptions } from './options/client-options.ts'
import type { SpeechParams } from './speech/params.ts'
import type { TranscriptionParams } from './transcription/params.ts'
import type { SpeechResult } from './speech/result.ts'
import type { TranscriptionStream } from './transcription/stream.ts'
import type { Transcription } from './transcription/result.ts'
import { validate } from './options/validate.ts'

export interface VoxfetchClient {
  /** Text → audio (LiteLLM's `speech`). Every client option may also be given per call. */
  speech(params: SpeechParams): Promise<SpeechResult>
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
    transcription: (params) => createTranscription(clientOptions, params),
    streamTranscription: (params) => createTranscriptionStream(clientOptions, params),
  }
}

/** One-off text → audio with options inline, like LiteLLM's `speech()`. */
export function speech(params: SpeechParams): Promise<SpeechResult> {
  return createSpeech({}, params)
}

/** One-off audio → text with options inline, like LiteLLM's `transcription()`. */
export function transcription(params: TranscriptionParams): Promise<Transcription> {
  return createTranscription({}, params)
}

/** One-off streamed audio → text with options inline; see `VoxfetchClient.streamTranscription`. */
export function streamTranscription(params: TranscriptionParams): Promise<TranscriptionStream> {
  return createTranscriptionStream({}, params)
}

// Each capability is a chunk of its own, loaded on its first call: a page that only speaks never loads the upload pipeline, one that only transcribes
// never loads the speech decoders, and neither pays for the other's schemas. Validation still
// runs inside the chunk before any request, so bad input is still refused before the network.
const speechModule = /* @__PURE__ */ once(() => import('./speech/create.ts'))
const transcriptionModule = /* @__PURE__ */ once(() => import('./transcription/create.ts'))

async function createSpeech(options: ClientOptions, params: SpeechParams): Promise<SpeechResult> {
  return (await speechModule()).createSpeech(options, params)
}

async function createTranscription(options: ClientOptions, params: TranscriptionParams): Promise<Transcription> {
  return (await transcriptionModule()).createTranscription(options, params)
}

/**
 * Keeps a module's promise: an `import()` per call costs more CPU than the call's own work. A
 * failed load (a chunk the network dropped) is forgotten, so the next call tries again.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => (loading ??= load().catch((error: unknown) => {
    loading = undefined
    throw error
  }))
}

async function createTranscriptionStream(options: ClientOptions, params: TranscriptionParams): Promise<TranscriptionStream> {
  const [{ createTranscriptionStream: create }, { streamingDeps }] = await Promise.all([import('./streaming.ts'), import('./streaming-deps.ts')])
  return create(options, params, streamingDeps)
}
