import type { TranscriptionFormat } from './schemas.ts'
import type { Warning } from './speech-result.ts'

export interface TranscriptionSegment {
  id?: number
  start: number
  end: number
  text: string
  [field: string]: unknown
}

export interface TranscriptionWord {
  word: string
  start: number
  end: number
  [field: string]: unknown
}

/** The log probability of one token (openai/openai-openapi TranscriptTextDeltaEvent.logprobs). */
export interface TranscriptionLogprob {
  token: string
  logprob: number
  bytes?: number[]
}

/** One shape for every answer: json, verbose_json, text, srt, vtt, or a proxy's JSON-wrapped text. */
export interface Transcription {
  /** The transcript; for srt and vtt, the whole subtitle document. Always a string. */
  text: string
  language?: string
  /** Seconds of audio. */
  duration?: number
  segments?: TranscriptionSegment[]
  words?: TranscriptionWord[]
  usage?: Record<string, unknown>
  /** Token log probabilities, when asked with `include: ['logprobs']` (gpt-4o transcribers). */
  logprobs?: TranscriptionLogprob[]
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

type Fields = Pick<Transcription, 'text' | 'language' | 'duration' | 'segments' | 'words' | 'usage' | 'logprobs' | 'raw'>

/** Reads a transcription answer whatever its shape; `undefined` when it carries no text. */
export function parseTranscriptionBody(body: string, contentType: string | null): Fields | undefined {
  const json = /json/i.test(contentType ?? '') || body.trimStart().startsWith('{') ? tryParse(body) : undefined
  if (json === undefined) return /html/i.test(contentType ?? '') ? undefined : { text: body, raw: body }
  if (typeof json !== 'object' || json === null || typeof (json as { text?: unknown }).text !== 'string') {
    return undefined
  }
  const payload = json as Record<string, unknown>
  const fields: Fields = { text: payload.text as string, raw: json }
  if (typeof payload.language === 'string') fields.language = payload.language
  if (typeof payload.duration === 'number') fields.duration = payload.duration
  if (Array.isArray(payload.segments)) fields.segments = payload.segments as TranscriptionSegment[]
  if (Array.isArray(payload.words)) fields.words = payload.words as TranscriptionWord[]
  if (typeof payload.usage === 'object' && payload.usage !== null) fields.usage = payload.usage as Record<string, unknown>
  if (Array.isArray(payload.logprobs)) fields.logprobs = payload.logprobs as TranscriptionLogprob[]
  return fields
}

function tryParse(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}
