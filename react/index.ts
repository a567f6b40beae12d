'use client'

export { VoxfetchProvider, useVoxfetchClient, type SerializableClientOptions, type VoxfetchProviderProps } from './provider.tsx'
export {
  useSpeech,
  type SpeechAudio,
  type SpeechOverrides,
  type SpeechStreamOverrides,
  type UseSpeechOptions,
  type UseSpeechResult,
} from './use-speech.ts'
export {
  useTranscription,
  type TranscriptionOverrides,
  type TranscriptionProgress,
  type UseTranscriptionOptions,
  type UseTranscriptionResult,
} from './use-transcription.ts'
export { useRecorder, type UseRecorderOptions, type UseRecorderResult } from './use-recorder.ts'
export { useDictation, type UseDictationOptions, type UseDictationResult } from './use-dictation.ts'
export { useObjectURL } from './use-object-url.ts'
export type { RequestResultBase, RequestStatus } from './store.ts'
