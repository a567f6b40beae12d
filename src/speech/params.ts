import * as z from 'zod/mini'
import { SPEECH_FORMATS } from '../audio/media-type.ts'
import type { GeminiVoice } from '../providers/gemini-voices.ts'
import { callSchema } from '../options/call-schema.ts'
import { got, nonEmptyString } from '../options/client-options.ts'

export type OpenAIVoice =
  | 'alloy' | 'ash' | 'ballad' | 'coral' | 'echo' | 'fable' | 'onyx'
  | 'nova' | 'sage' | 'shimmer' | 'verse' | 'marin' | 'cedar'
export type SpeechModel =
  | 'tts-1' | 'tts-1-hd' | 'gpt-4o-mini-tts'
  | `openai/${'tts-1' | 'tts-1-hd' | 'gpt-4o-mini-tts'}`
  | `gemini/${'gemini-2.5-flash-preview-tts' | 'gemini-2.5-pro-preview-tts'}`
  | `vertex_ai/${'gemini-2.5-flash-preview-tts' | 'gemini-2.5-pro-preview-tts'}`
  | (string & {})

/** A speech call's own fields (streamed speech takes them all but `input`). */
export const speechShape = {
  model: z.custom<SpeechModel>((value) => typeof value === 'string' && value.length > 0, 'is required'),
  /** The text to speak. */
  input: z.string(got('must be a string')).check(z.minLength(1, 'must not be empty')),
  /** A voice name, or `{ id }` of an OpenAI custom voice. Required by OpenAI-compatible servers. */
  voice: z.optional(
    z.union([
      z.custom<OpenAIVoice | GeminiVoice | (string & {})>((value) => typeof value === 'string' && value.length > 0),
      z.object({ id: nonEmptyString('must not be empty') }),
    ], got('must be a voice name or { id }')),
  ),
  /** Speaker name → voice for Gemini multi-speaker speech (exactly two), e.g. `{ Joe: 'Kore', Jane: 'Puck' }`. */
  speakers: z.optional(z.record(z.string(), z.string())),
  /**
   * @default the provider's: `mp3` (OpenAI, Azure, Cloud TTS), `wav` (Gemini). A proxy alias is
   * sent none, so the model behind the proxy decides (a Gemini alias answers WAV).
   */
  response_format: z.optional(z.enum(SPEECH_FORMATS, `must be one of ${SPEECH_FORMATS.join(', ')}`)),
  /** 0.25 to 4. @default 1 */
  speed: z.optional(z.number().check(z.gte(0.25, 'must be at least 0.25'), z.lte(4, 'must be at most 4'))),
  /** How to speak (gpt-4o-mini-tts; a style line for Gemini). */
  instructions: z.optional(z.string()),
  /**
   * How the answer travels; the result is the same byte stream either way. `'sse'` asks for
   * server-sent events where the provider has them, so audio arrives in pieces while it is made
   * and `result.usage` is set once it was read to the end: OpenAI and Azure `stream_format: 'sse'`
   * (not tts-1 / tts-1-hd), Gemini and Vertex Gemini `streamGenerateContent?alt=sse` (a `wav`
   * answer then starts with a header of unknown length, sealed by `blob()` / `arrayBuffer()`).
   * Where it cannot be honoured (a LiteLLM proxy, which does not pass it on; tts-1; Cloud TTS) it
   * is not sent and a warning says so. @default 'audio'
   */
  stream_format: z.optional(z.enum(['audio', 'sse'], 'must be "audio" or "sse"')),
}
/** Checks a speech call's params (see `callSchema`: `.full` is the whole schema). */
export const speechParams = callSchema(speechShape)
export const speechParamsSchema = speechParams.full

/**
 * Models that speak without a `voice`: Gemini and Vertex Gemini default to Kore, Cloud TTS to the
 * voice the model names or its default. Every OpenAI-compatible server (OpenAI, Azure, a LiteLLM
 * proxy alias, groq/…) refuses a speech request without one.
 */
export type SpeechModelWithDefaultVoice = `gemini/${string}` | `vertex_ai/${string}`

/** `T` with `voice` required unless its `model` is one of {@link SpeechModelWithDefaultVoice}. */
export type WithRequiredVoice<T extends { model: SpeechModel; voice?: unknown }> =
  | (T & { model: SpeechModelWithDefaultVoice })
  | (T & { voice: NonNullable<T['voice']> })

/** Every speech option, `voice` optional (overrides, defaults). */
export type SpeechFields = z.input<typeof speechParamsSchema>
/** A speech call's options: `voice` is required except for Gemini and Vertex AI models. */
export type SpeechParams = WithRequiredVoice<SpeechFields>

