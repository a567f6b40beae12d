// The streaming code, loaded on first use. esbuild gives every set of importers a chunk of its
// own, so this code imports from the core only what the lazy adapters already share (media types,
// the unexpected-answer error); everything else is handed in (streaming-deps.ts). Importing more
// would split the core's chunks and cost bytes up front.
export { openSpeechEvents } from './speech/events.ts'
export { createTranscriptionStream } from './transcription/create-stream.ts'
