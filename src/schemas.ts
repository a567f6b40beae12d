import * as z from 'zod/mini'
import { SPEECH_FORMATS } from './audio/media-type.ts'
import type { GeminiVoice } from './providers/gemini-voices.ts'

const nonEmptyString = (message: string) => z.string().check(z.minLength(1, message))
const fn = <T>(message: string) => z.custom<T>((value) => typeof value === 'function', message)
// setTimeout fires at once for delays over 2^31 - 1 ms (about 24.8 days).
const positiveMs = z.number().check(
  z.positive('must be a positive number of milliseconds'),
  z.lte(2_147_483_647, 'must be at most 2147483647 ms (about 24.8 days)'),
)

export type OpenAIVoice =
  | 'alloy' | 'ash' | 'ballad' | 'coral' | 'echo' | 'fable' | 'onyx'
  | 'nova' | 'sage' | 'shimmer' | 'verse' | 'marin' | 'cedar'
export type SpeechModel =
  | 'tts-1' | 'tts-1-hd' | 'gpt-4o-mini-tts'
  | `openai/${'tts-1' | 'tts-1-hd' | 'gpt-4o-mini-tts'}`
  | `gemini/${'gemini-2.5-flash-preview-tts' | 'gemini-2.5-pro-preview-tts'}`
  | `vertex_ai/${'gemini-2.5-flash-preview-tts' | 'gemini-2.5-pro-preview-tts'}`
  | (string & {})
export type TranscriptionModel =
  | 'whisper-1' | 'gpt-4o-transcribe' | 'gpt-4o-mini-transcribe' | 'gpt-4o-transcribe-diarize'
  | `openai/${'whisper-1' | 'gpt-4o-transcribe' | 'gpt-4o-mini-transcribe' | 'gpt-4o-transcribe-diarize'}`
  | (string & {})

/** A progress report of an upload: bytes handed to the network so far. */
export interface UploadProgress {
  loaded: number
  total: number
  /** 0 to 100, rounded down; 100 only once every byte was sent. */
  percent: number
  /**
   * 1 for the first sending. When a retryable failure (a 5xx, 429, a broken connection) makes
   * the upload go out again, `attempt` goes up and `loaded` starts over from 0: progress never
   * goes backwards within an attempt.
   */
  attempt: number
}

/**
 * The parts of a Google service-account JSON key that signing a token needs. Other fields of
 * the file are accepted and dropped (a plain object, so typed key interfaces assign to it).
 */
export const serviceAccountSchema = z.object({
  client_email: nonEmptyString('client_email is required'),
  private_key: nonEmptyString('private_key is required'),
  token_uri: z.optional(z.string()),
  project_id: z.optional(z.string()),
  private_key_id: z.optional(z.string()),
})
const serviceAccountSource = z.union(
  [z.string(), serviceAccountSchema],
  'must be a service-account key: its JSON as an object or text, or (Node only) a path to it',
)
export type ServiceAccount = z.infer<typeof serviceAccountSchema>

/** One deployment of a LiteLLM proxy's `model_list`. */
const modelListEntry = z.object({
  model_name: nonEmptyString('model_name is required'),
  litellm_params: z.looseObject({
    model: nonEmptyString('litellm_params.model is required'),
    api_key: z.optional(z.string()),
    api_base: z.optional(z.string()),
    api_version: z.optional(z.string()),
    vertex_project: z.optional(z.string()),
    vertex_location: z.optional(z.string()),
    vertex_credentials: z.optional(serviceAccountSource),
    max_file_size_mb: z.optional(z.number().check(z.positive('must be positive'))),
  }),
  model_info: z.optional(z.record(z.string(), z.unknown())),
})
export type ModelListEntry = z.infer<typeof modelListEntry>

type TokenSource = string | (() => string | Promise<string>)

export const clientOptionsShape = {
  /** Base URL of a LiteLLM proxy or of the provider (LiteLLM's `api_base`): http(s), with no `user:password@` in it. */
  baseURL: z.optional(
    z.url({ message: 'must be an absolute http(s) URL', protocol: /^https?$/ }).check(
      z.refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'must not contain credentials (user:password@); pass the key as apiKey'),
    ),
  ),
  /** A proxy virtual key (`sk-…`) or a provider key. Sent only in headers, never in URLs. */
  apiKey: z.optional(nonEmptyString('must not be empty')),
  /** OpenAI `OpenAI-Organization` header. */
  organization: z.optional(z.string()),
  /** OpenAI `OpenAI-Project` header. */
  project: z.optional(z.string()),
  /**
   * Extra headers sent with every request. Names are compared without case: per-call headers
   * replace the client's of the same name, and a header set here replaces the one voxfetch
   * would send (an `Authorization` here wins over the one built from `apiKey`). Names must be
   * HTTP tokens and values must have no line breaks, or the call fails before sending.
   */
  headers: z.optional(z.record(z.string(), z.string())),
  /** Retries after network errors, 408, 409, 429 and 5xx. @default 2 */
  maxRetries: z.optional(z.int().check(z.gte(0, 'must be 0 or more'), z.lte(10, 'must be at most 10'))),
  /** Milliseconds the whole call may take: retries, headers and body. @default 600000 */
  timeout: z.optional(positiveMs),
  /** The fetch to use; looked up on `globalThis` at call time by default. */
  fetch: z.optional(fn<typeof globalThis.fetch>('must be a function')),
  /** Allow provider keys in a browser, where anyone can read them. @default false */
  dangerouslyAllowBrowser: z.optional(z.boolean()),
  /**
   * Largest answer read whole into memory, in bytes: transcripts, JSON with base64 audio
   * (Gemini, Vertex), unexpected text. Past it the call fails with a `ResponseTooLargeError`
   * and the rest is not read. Streamed audio is not limited; error bodies are read up to 8 KiB.
   * @default 134217728 (128 MiB)
   */
  maxResponseBytes: z.optional(z.int().check(z.positive('must be a positive number of bytes'))),
  /** Largest transcription upload in MB (bytes / 1,048,576), checked before sending. */
  maxFileSizeMB: z.optional(z.number().check(z.positive('must be positive'))),
  /** A LiteLLM proxy config's `model_list`, so aliases resolve without a proxy. */
  modelList: z.optional(z.array(modelListEntry)),
  /** Azure OpenAI `api-version`. @default '2025-02-01-preview' */
  apiVersion: z.optional(nonEmptyString('must not be empty')),
  /** Azure Entra ID token, sent as `Authorization: Bearer`. */
  azureAdToken: z.optional(nonEmptyString('must not be empty')),
  /** Called before each Azure request for a fresh Entra ID token. */
  azureAdTokenProvider: z.optional(fn<() => string | Promise<string>>('must be a function')),
  /** Google OAuth access token (or a function returning one) for Vertex AI. */
  accessToken: z.optional(
    z.custom<TokenSource>(
      (value) => (typeof value === 'string' && value.length > 0) || typeof value === 'function',
      'must be a token or a function returning one',
    ),
  ),
  /** Service-account key used to mint Vertex AI tokens: the JSON as an object or text, or (Node only) a path to it. Refused in browsers. */
  vertexCredentials: z.optional(serviceAccountSource),
  /** Google Cloud project for Vertex AI. */
  vertexProject: z.optional(nonEmptyString('must not be empty')),
  /** Vertex AI location. @default 'us-central1' */
  vertexLocation: z.optional(nonEmptyString('must not be empty')),
}

export const clientOptionsSchema = z.strictObject(clientOptionsShape)
export type ClientOptions = z.input<typeof clientOptionsSchema>

const requestShape = {
  ...clientOptionsShape,
  /** Cancels the request; a user abort rejects with an `AbortError` and is never retried. */
  signal: z.optional(z.custom<AbortSignal>((value) => isAbortSignal(value), 'must be an AbortSignal')),
  /** Extra fields merged into the request body (LiteLLM's `extra_body`). */
  extraBody: z.optional(z.record(z.string(), z.unknown())),
}

export const speechParamsSchema = z.strictObject({
  ...requestShape,
  model: z.custom<SpeechModel>((value) => typeof value === 'string' && value.length > 0, 'is required'),
  /** The text to speak. */
  input: z.string('must be a string').check(z.minLength(1, 'must not be empty')),
  /** A voice name, or `{ id }` of an OpenAI custom voice. Required by OpenAI-compatible servers. */
  voice: z.optional(
    z.union([
      z.custom<OpenAIVoice | GeminiVoice | (string & {})>((value) => typeof value === 'string' && value.length > 0),
      z.object({ id: nonEmptyString('must not be empty') }),
    ], 'must be a voice name or { id }'),
  ),
  /** Speaker name → voice for Gemini multi-speaker speech (exactly two), e.g. `{ Joe: 'Kore', Jane: 'Puck' }`. */
  speakers: z.optional(z.record(z.string(), z.string())),
  /**
   * @default the provider's: `mp3` (OpenAI, Azure, Cloud TTS), `wav` (Gemini). A proxy alias is
   * sent none, so the model behind the proxy decides (a Gemini alias answers WAV).
   */
  response_format: z.optional(z.enum(SPEECH_FORMATS, `must be one of ${SPEECH_FORMATS.join(', ')}`)),
  /** 0.25 to 4. @default 1 */
  speed: z.optional(z.number().check(z.gte(0.25, 'must be at least 0.25'), z.lte(4, 'must be at most 4'))),
  /** How to speak (gpt-4o-mini-tts; a style line for Gemini). */
  instructions: z.optional(z.string()),
})
export type SpeechParams = z.input<typeof speechParamsSchema>

// openai/openai-openapi openapi.yaml: AudioResponseFormat.
export const TRANSCRIPTION_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'] as const
export type TranscriptionFormat = (typeof TRANSCRIPTION_FORMATS)[number]

const wholeMs = z.int('must be a whole number of ms').check(z.gte(0, 'must be 0 or more'))
// openai/openai-openapi openapi.yaml: VadConfig (no other properties allowed).
const serverVadSchema = z.strictObject({
  type: z.enum(['server_vad'], 'must be "server_vad"'),
  /** Milliseconds of audio kept before detected speech. @default 300 */
  prefix_padding_ms: z.optional(wholeMs),
  /** Milliseconds of silence that end speech. @default 200 */
  silence_duration_ms: z.optional(wholeMs),
  /** Voice activity threshold, 0 to 1; higher needs louder audio. @default 0.5 */
  threshold: z.optional(z.number().check(z.gte(0, 'must be at least 0'), z.lte(1, 'must be at most 1'))),
})
/** How the server cuts the audio into chunks: `'auto'`, or server VAD with your own settings. */
export type ChunkingStrategy = 'auto' | z.infer<typeof serverVadSchema>
/** Extra data a transcription can carry; `'logprobs'` adds token log probabilities (json only). */
export type TranscriptionInclude = 'logprobs' | (string & {})
// openai/openai-openapi CreateTranscriptionRequest: known_speaker_* have maxItems 4.
const atMostFour = z.maxLength(4, 'must have at most 4 entries')

export type AudioInput = Blob | ArrayBuffer | Uint8Array

export const transcriptionParamsSchema = z.strictObject({
  ...requestShape,
  model: z.custom<TranscriptionModel>((value) => typeof value === 'string' && value.length > 0, 'is required'),
  /** The audio: a Blob/File (e.g. from `fileFromPath`), ArrayBuffer or Uint8Array. */
  file: z.custom<AudioInput>(
    (value) => value instanceof Blob || value instanceof ArrayBuffer || value instanceof Uint8Array,
    'is required: a Blob, File, ArrayBuffer or Uint8Array',
  ),
  /** Name sent with the file; its extension tells the server the format. Derived when absent. */
  filename: z.optional(nonEmptyString('must not be empty')),
  /** ISO-639-1 code of the spoken language. */
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be an ISO-639-1 code such as "en"'))),
  prompt: z.optional(z.string()),
  /** @default 'json' */
  response_format: z.optional(z.enum(TRANSCRIPTION_FORMATS, `must be one of ${TRANSCRIPTION_FORMATS.join(', ')}`)),
  /** 0 to 1. */
  temperature: z.optional(z.number().check(z.gte(0, 'must be at least 0'), z.lte(1, 'must be at most 1'))),
  /** Needs `response_format: 'verbose_json'`. */
  timestamp_granularities: z.optional(z.array(z.enum(['word', 'segment'], 'must be "word" or "segment"'))),
  /** `['logprobs']` returns token log probabilities in `logprobs` (needs `response_format: 'json'`). */
  include: z.optional(z.array(z.custom<TranscriptionInclude>((value) => typeof value === 'string', 'must be a string'))),
  /**
   * `'auto'` or `{ type: 'server_vad', … }`: cut the audio into chunks by voice activity. OpenAI
   * requires it for `gpt-4o-transcribe-diarize` on audio longer than 30 s.
   */
  chunking_strategy: z.optional(z.union([z.enum(['auto']), serverVadSchema], 'must be "auto" or { type: "server_vad", … }')),
  /** Up to 4 speaker names (e.g. `['agent', 'customer']`), one per `known_speaker_references` sample; diarized results use them as labels. */
  known_speaker_names: z.optional(z.array(nonEmptyString('must not be empty')).check(atMostFour)),
  /** Up to 4 audio samples of 2 to 10 s as data URLs (`data:audio/wav;base64,…`), one per `known_speaker_names` entry. */
  known_speaker_references: z.optional(z.array(z.string().check(z.regex(/^data:[^,]*,/, 'must be a data URL (data:audio/wav;base64,…)'))).check(atMostFour)),
  /** Called as the upload advances: at most 20 times a second, always ending at 100 %. */
  onUploadProgress: z.optional(fn<(progress: UploadProgress) => void>('must be a function')),
})
export type TranscriptionParams = z.input<typeof transcriptionParamsSchema>

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value
}
