/** What the playground server tells the page at `/playground.json` (never a key). */
export interface PlaygroundInfo {
  /** Who answers `/v1/audio/*` on the page's own origin. */
  upstream: { kind: 'emulator' } | { kind: 'proxy'; origin: string; keyAdded: boolean }
  speechModels: string[]
  transcriptionModels: TranscriptionModelInfo[]
}

export interface TranscriptionModelInfo {
  name: string
  /** The proxy's `max_file_size_mb` for this alias, else the 25 MB OpenAI accepts. */
  maxFileSizeMB: number
}

/** Used when the page is served without the playground server (or it did not answer). */
export const FALLBACK_INFO: PlaygroundInfo = {
  upstream: { kind: 'emulator' },
  speechModels: ['tts'],
  transcriptionModels: [{ name: 'whisper', maxFileSizeMB: 25 }],
}
