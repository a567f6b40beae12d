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
} from './errors/classes.ts'
export type { ClientOptions, ModelListEntry, ServiceAccount, UploadProgress } from './options/client-options.ts'
export type { OpenAIVoice, SpeechModel, SpeechParams } from './speech/params.ts'
export type { TranscriptionInclude, TranscriptionModel, TranscriptionParams } from './transcription/params.ts'
export type { AudioInput } from './audio/input.ts'
export type { ChunkingStrategy, TranscriptionFormat } from './options/transcription-values.ts'
export type { SpeechFormat } from './audio/media-type.ts'
export type { GeminiVoice } from './providers/gemini-voices.ts'
export { SpeechResult } from './speech/result.ts'
export type { Warning } from './providers/types.ts'
export type { Transcription, TranscriptionLogprob, TranscriptionSegment, TranscriptionWord } from './transcription/result.ts'
export type { TranscriptionStream, TranscriptionStreamEvent } from './transcription/stream.ts'
