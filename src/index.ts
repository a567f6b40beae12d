export { createClient, speech, streamTranscription, transcription, type VoxfetchClient } from './client.ts'
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
export type { ClientOptions, ModelListEntry, ServiceAccount, UploadProgress } from './schemas.ts'
export type { OpenAIVoice, SpeechModel, SpeechParams } from './speech-schema.ts'
export type {
  AudioInput,
  ChunkingStrategy,
  TranscriptionFormat,
  TranscriptionInclude,
  TranscriptionModel,
  TranscriptionParams,
} from './transcription-schema.ts'
export type { SpeechFormat } from './audio/media-type.ts'
export type { GeminiVoice } from './providers/gemini-voices.ts'
export { SpeechResult, type Warning } from './speech-result.ts'
export type { Transcription, TranscriptionLogprob, TranscriptionSegment, TranscriptionWord } from './transcription-result.ts'
export type { TranscriptionStream, TranscriptionStreamEvent } from './transcription-stream.ts'
