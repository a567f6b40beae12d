import type { SpeechModelInfo } from './speech-capabilities.ts'
import { OPENAI_VOICES } from './voices.ts'

/** What the playground server tells the page at `/playground.json` (never a key). */
export interface PlaygroundInfo {
  /** Who answers `/v1/audio/*` on the page's own origin. */
  upstream: { kind: 'emulator' } | { kind: 'proxy'; origin: string; keyAdded: boolean }
  speechModels: SpeechModelInfo[]
  transcriptionModels: TranscriptionModelInfo[]
  /** File extensions voxfetch accepts for upload: the list its type error names. */
  uploadFormats: string[]
  /**
   * Where a streamed transcript can be watched growing. A LiteLLM proxy answers a transcription
   * as one JSON document (its `atranscription` returns a whole `TranscriptionResponse`), so with
   * the embedded emulator this names its OpenAI persona on the same origin, with the emulator's
   * public test key; a real proxy has none.
   */
  streamingTranscription?: StreamingTranscriptionInfo
}

export interface StreamingTranscriptionInfo {
  /** A model that streams its transcript, e.g. `openai/gpt-4o-transcribe`. */
  model: string
  /** The persona's base path on the page's origin, e.g. `/openai/v1`. */
  path: string
  /** The emulator's public test key for that persona (never a real provider key). */
  apiKey: string
}

export interface TranscriptionModelInfo {
  name: string
  /** The proxy's `max_file_size_mb` for this alias, else the 25 MB OpenAI accepts. */
  maxFileSizeMB: number
}

/** Used when the page is served without the playground server (or it did not answer). */
export const FALLBACK_INFO: PlaygroundInfo = {
  upstream: { kind: 'emulator' },
  speechModels: [{ name: 'tts', voices: OPENAI_VOICES, formats: ['mp3', 'wav'], instructions: false, speed: true }],
  transcriptionModels: [{ name: 'whisper', maxFileSizeMB: 25 }],
  uploadFormats: ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'wav', 'webm'],
}
