// The streaming code, loaded on first use. It imports nothing the eager core loads: what it needs
// is handed in (streaming-deps.ts), because esbuild gives every set of importers a chunk of its
// own, and sharing modules with the core would split the core's chunks and cost bytes up front.
export { openSpeechEvents } from './speech-sse.ts'
export { createTranscriptionStream } from './stream-transcription.ts'
