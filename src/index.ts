export { createClient, speech, streamSpeech, streamTranscription, transcription, type VoxfetchClient } from './client.ts'
export {
  APIError,
  ConnectionError,
  FileTooLargeError,
  InvalidRequestError,
  ResponseTooLargeError,
  TextSourceError,
  TimeoutError,
  VoxfetchError,
  isAbortError,
  isAPIError,
  isConnectionError,
  isFileTooLargeError,
  isInvalidRequestError,
  isResponseTooLargeError,
  isTextSourceError,
  isTimeoutError,
  isVoxfetchError,
} from './errors/classes.ts'
export type { ClientOptions, ModelListEntry, ServiceAccount, UploadProgress } from './options/client-options.ts'
export type { OpenAIVoice, SpeechFields, SpeechModel, SpeechModelWithDefaultVoice, SpeechParams, WithRequiredVoice } from './speech/params.ts'
export type { TranscriptionInclude, TranscriptionModel, TranscriptionParams } from './transcription/params.ts'
export type { AudioInput } from './audio/input.ts'
export type { ChunkingStrategy, TranscriptionFormat } from './options/transcription-values.ts'
export type { SpeechFormat } from './audio/media-type.ts'
export type { GeminiVoice } from './providers/gemini-voices.ts'
export { SpeechResult } from './speech/result.ts'
export type { SpeechStream } from './stream-speech/stream.ts'
export type { SpeechSegment } from './stream-speech/segment.ts'
export type { StreamSpeechParams } from './stream-speech/params.ts'
export type { TextSource } from './stream-speech/text-source.ts'
export type { Warning } from './providers/types.ts'
export type { Transcription, TranscriptionLogprob, TranscriptionSegment, TranscriptionWord } from './transcription/result.ts'
export type { TranscriptionStream, TranscriptionStreamEvent } from './transcription/stream.ts'
