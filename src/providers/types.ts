import type { SpeechFormat } from '../audio/media-type.ts'
import type { ServiceAccount } from '../options/client-options.ts'
import type { ChunkingStrategy, TranscriptionFormat } from '../options/transcription-values.ts'
import type { HttpRequest } from '../transport/http-request.ts'

/** Something voxfetch could not do exactly as asked, reported instead of silently dropped. */
export interface Warning {
  /** The option concerned, e.g. `speed` or `voice`. */
  option: string
  message: string
}

export type ProviderId = 'proxy' | 'openai' | 'openai_compatible' | 'azure' | 'gemini' | 'vertex_ai'

/** Where one call goes, decided from the model name, options, model list and environment. */
export interface Route {
  provider: ProviderId
  /** The model (or Azure deployment) as the provider names it, without the prefix. */
  model: string
  baseURL: string
  /** The key for this provider (never put in a URL). */
  apiKey?: string | undefined
  apiVersion?: string | undefined
  vertexProject?: string | undefined
  vertexLocation?: string | undefined
  /** Service-account JSON (object, JSON text or, in Node, a file path) of a Vertex route. */
  vertexCredentials?: string | ServiceAccount | undefined
  maxFileSizeMB?: number | undefined
  /** Set when the provider needs a key: what the missing-key error names (`openai/ models (…)`). */
  keyRequiredFor?: string | undefined
}

/** What every builder gets besides the input: the route and the resolved credential. */
export interface RequestContext {
  route: Route
  /** Key or token, already resolved (token providers are called before building). */
  credential: string | undefined
  /** How the credential is sent: a provider key header, or a Bearer token. */
  credentialKind: 'key' | 'token'
  headers: Record<string, string>
  organization?: string | undefined
  project?: string | undefined
}

export interface SpeechInput {
  input: string
  voice?: string | { id: string } | undefined
  speakers?: Record<string, string> | undefined
  /** The caller's format, else the adapter's default. */
  response_format: SpeechFormat
  speed?: number | undefined
  instructions?: string | undefined
  /** `sse` when the caller asked for a streamed (server-sent events) answer. */
  stream_format?: 'audio' | 'sse' | undefined
  extraBody?: Record<string, unknown> | undefined
}

/**
 * What `speech()` hands an adapter: `response_format` is absent only for an adapter whose
 * default is `undefined` (a proxy alias), which then sends none. Adapters with a default take
 * `SpeechInput`, whose format is always set.
 */
export type OpaqueSpeechInput = Omit<SpeechInput, 'response_format'> & { response_format?: SpeechFormat | undefined }

export interface TranscriptionInput {
  file: Blob
  filename: string
  mediaType: string
  language?: string | undefined
  prompt?: string | undefined
  response_format: TranscriptionFormat
  temperature?: number | undefined
  timestamp_granularities?: Array<'word' | 'segment'> | undefined
  include?: string[] | undefined
  /** Ask for server-sent events (streamTranscription). */
  stream?: boolean | undefined
  chunking_strategy?: ChunkingStrategy | undefined
  known_speaker_names?: string[] | undefined
  known_speaker_references?: string[] | undefined
  extraBody?: Record<string, unknown> | undefined
}

export interface BuiltRequest {
  request: HttpRequest
  warnings: Warning[]
}

export interface DecodedAudio {
  bytes: Uint8Array
  mediaType: string
}

/** A provider's wire format. Pure functions: no I/O, clocks or globals. */
export interface ProviderAdapter {
  /** Longest input accepted, in characters (code points). */
  readonly maxInputChars: number
  /** The provider's documented upload limit in MB, applied when no `maxFileSizeMB` is set. */
  readonly maxFileSizeMB?: number
  /**
   * The format used when the caller names none (`mp3` when absent). `undefined` sends none and
   * lets the server decide: a proxy alias is opaque, and its model has its own default.
   */
  defaultSpeechFormat?(model: string): SpeechFormat | undefined
  buildSpeechRequest(input: OpaqueSpeechInput, context: RequestContext): BuiltRequest
  /** For providers that answer speech as JSON with base64 audio; absent when they stream bytes. */
  decodeSpeech?(payload: unknown, input: OpaqueSpeechInput): DecodedAudio
  buildTranscriptionRequest?(input: TranscriptionInput, context: RequestContext): BuiltRequest
}
