export { createClient, speech, transcription, type VoxfetchClient } from './client.ts'
export {
  APIError,
  ConnectionError,
  FileTooLargeError,
  InvalidRequestError,
  ResponseTooLargeError,
  TimeoutError,
  VoxfetchError,
  isAbortError,
  isAPIError,
  isConnectionError,
  isFileTooLargeError,
  isInvalidRequestError,
  isResponseTooLargeError,
  isTimeoutError,
  isVoxfetchError,
} from './errors.ts'
export type {
  AudioInput,
  ChunkingStrategy,
  ClientOptions,
  ModelListEntry,
  OpenAIVoice,
  ServiceAccount,
  SpeechModel,
  SpeechParams,
  TranscriptionFormat,
  TranscriptionInclude,
  TranscriptionModel,
  TranscriptionParams,
  UploadProgress,
} from './schemas.ts'
export type { SpeechFormat } from './audio/media-type.ts'
export type { GeminiVoice } from './providers/gemini-voices.ts'
export { SpeechResult, type Warning } from './speech-result.ts'
export type { Transcription, TranscriptionLogprob, TranscriptionSegment, TranscriptionWord } from './transcription-result.ts'
