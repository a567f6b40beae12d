import type { TranscriptionFormat } from '../options/transcription-values.ts'
import type { Warning } from '../providers/types.ts'

/**
 * One stretch of the transcript. verbose_json segments carry a numeric `id` and Whisper's
 * decoding details; diarized_json segments carry a string `id` and the `speaker`
 * (openai/openai-openapi: TranscriptionSegment, TranscriptionDiarizedSegment).
 */
export interface TranscriptionSegment {
  id?: number | string
  start: number
  end: number
  text: string
  /** diarized_json: the speaker's label, a `known_speaker_names` entry or `A`, `B`, … */
  speaker?: string
  [field: string]: unknown
}

export interface TranscriptionWord {
  word: string
  start: number
  end: number
  [field: string]: unknown
}

/** One token's log probability (with `include: ['logprobs']`). */
export interface TranscriptionLogprob {
  token: string
  logprob: number
  bytes?: number[]
  [field: string]: unknown
}

/** One shape for every answer: json, verbose_json, diarized_json, text, srt, vtt, or a proxy's JSON-wrapped text. */
export interface Transcription {
  /** The transcript; for srt and vtt, the whole subtitle document. Always a string. */
  text: string
  language?: string
  /** Seconds of audio. */
  duration?: number
  /** verbose_json segments, or diarized_json segments with their `speaker`. */
  segments?: TranscriptionSegment[]
  words?: TranscriptionWord[]
  /** Token log probabilities, when asked with `include: ['logprobs']`. */
  logprobs?: TranscriptionLogprob[]
  usage?: Record<string, unknown>
  /** The format that was asked for. */
  format: TranscriptionFormat
  /** The answer as the server sent it: the parsed JSON, or the text. */
  raw: unknown
  headers: Headers
  provider: string
  warnings: readonly Warning[]
  /** `x-request-id`, LiteLLM's `x-litellm-call-id` or Azure's `apim-request-id`. */
  requestId?: string
}

type Fields = Pick<Transcription, 'text' | 'language' | 'duration' | 'segments' | 'words' | 'logprobs' | 'usage' | 'raw'>

/** The formats whose answer must be a JSON document; anything else in their place is an error. */
const JSON_FORMATS = new Set<TranscriptionFormat>(['json', 'verbose_json', 'diarized_json'])

/**
 * Reads a transcription answer whatever its shape. Returns a reason string when it holds no
 * transcript: a JSON format answered with text that does not parse (truncated, HTML, plain
 * text) is never taken for the transcript. text/srt/vtt stay text, unless a proxy wrapped them
 * in JSON `{ text }` as LiteLLM does.
 */
export function parseTranscriptionBody(body: string, contentType: string | null, format: TranscriptionFormat): Fields | string {
  const expectsJson = JSON_FORMATS.has(format)
  const looksJson = /json/i.test(contentType ?? '') || body.trimStart().startsWith('{')
  const json = expectsJson || looksJson ? tryParse(body) : undefined
  if (json === undefined) {
    if (expectsJson) return `not valid JSON (truncated?), though response_format "${format}" asks for JSON`
    return /html/i.test(contentType ?? '') ? 'an HTML page, not a transcript' : { text: body, raw: body }
  }
  if (typeof json !== 'object' || json === null || typeof (json as { text?: unknown }).text !== 'string') {
    return 'no transcript text in it'
  }
  const payload = json as Record<string, unknown>
  const fields: Fields = { text: payload.text as string, raw: json }
  if (typeof payload.language === 'string') fields.language = payload.language
  if (typeof payload.duration === 'number') fields.duration = payload.duration
  if (Array.isArray(payload.segments)) fields.segments = payload.segments as TranscriptionSegment[]
  if (Array.isArray(payload.words)) fields.words = payload.words as TranscriptionWord[]
  if (Array.isArray(payload.logprobs)) fields.logprobs = payload.logprobs as TranscriptionLogprob[]
  if (typeof payload.usage === 'object' && payload.usage !== null) fields.usage = payload.usage as Record<string, unknown>
  return fields
}

function tryParse(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}
