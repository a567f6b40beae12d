import * as z from 'zod/mini'
import { type AudioInput, isAudioInput } from '../audio/input.ts'
import { chunkingStrategySchema, TRANSCRIPTION_FORMATS } from '../options/transcription-values.ts'
import { callSchema } from '../options/call-schema.ts'
import { fn, got, nonEmptyString, type UploadProgress } from '../options/client-options.ts'

export type TranscriptionModel =
  | 'whisper-1' | 'gpt-4o-transcribe' | 'gpt-4o-mini-transcribe' | 'gpt-4o-transcribe-diarize'
  | `openai/${'whisper-1' | 'gpt-4o-transcribe' | 'gpt-4o-mini-transcribe' | 'gpt-4o-transcribe-diarize'}`
  | (string & {})

/** Extra data a transcription can carry; `'logprobs'` adds token log probabilities (json only). */
export type TranscriptionInclude = 'logprobs' | (string & {})
// openai/openai-openapi CreateTranscriptionRequest: known_speaker_* have maxItems 4.
const atMostFour = z.maxLength(4, 'must have at most 4 entries')

/** Checks a transcription call's params (see `callSchema`: `.full` is the whole schema). */
export const transcriptionParams = callSchema({
  model: z.custom<TranscriptionModel>((value) => typeof value === 'string' && value.length > 0, 'is required'),
  /** The audio: a Blob/File (e.g. from `fileFromPath`), ArrayBuffer or Uint8Array. */
  file: z.custom<AudioInput>(isAudioInput, got('expected a Blob, File, ArrayBuffer or Uint8Array')),
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
  chunking_strategy: z.optional(chunkingStrategySchema),
  /** Up to 4 speaker names (e.g. `['agent', 'customer']`), one per `known_speaker_references` sample; diarized results use them as labels. */
  known_speaker_names: z.optional(z.array(nonEmptyString('must not be empty')).check(atMostFour)),
  /** Up to 4 audio samples of 2 to 10 s as data URLs (`data:audio/wav;base64,…`), one per `known_speaker_names` entry. */
  known_speaker_references: z.optional(z.array(z.string().check(z.regex(/^data:[^,]*,/, 'must be a data URL (data:audio/wav;base64,…)'))).check(atMostFour)),
  /** Called as the upload advances: at most 20 times a second, always ending at 100 %. */
  onUploadProgress: z.optional(fn<(progress: UploadProgress) => void>('must be a function')),
})
export const transcriptionParamsSchema = transcriptionParams.full
export type TranscriptionParams = z.input<typeof transcriptionParamsSchema>

