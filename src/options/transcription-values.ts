import * as z from 'zod/mini'

// The transcription values that callers pass and provider builders put on the wire.

// openai/openai-openapi openapi.yaml: AudioResponseFormat.
export const TRANSCRIPTION_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'] as const
export type TranscriptionFormat = (typeof TRANSCRIPTION_FORMATS)[number]

const wholeMs = z.int('must be a whole number of ms').check(z.gte(0, 'must be 0 or more'))
// openai/openai-openapi openapi.yaml: VadConfig (no other properties allowed).
const serverVadSchema = z.strictObject({
  type: z.enum(['server_vad'], 'must be "server_vad"'),
  /** Milliseconds of audio kept before detected speech. @default 300 */
  prefix_padding_ms: z.optional(wholeMs),
  /** Milliseconds of silence that end speech. @default 200 */
  silence_duration_ms: z.optional(wholeMs),
  /** Voice activity threshold, 0 to 1; higher needs louder audio. @default 0.5 */
  threshold: z.optional(z.number().check(z.gte(0, 'must be at least 0'), z.lte(1, 'must be at most 1'))),
})
/** How the server cuts the audio into chunks: `'auto'`, or server VAD with your own settings. */
export type ChunkingStrategy = 'auto' | z.infer<typeof serverVadSchema>

export const chunkingStrategySchema = z.union([z.enum(['auto']), serverVadSchema], 'must be "auto" or { type: "server_vad", … }')
