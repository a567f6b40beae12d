import { isRecord } from './config.ts'
import { reject, typeName, type Validated } from './validation.ts'

export const SPEECH_FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'] as const
export type SpeechFormat = (typeof SPEECH_FORMATS)[number]

export interface SpeechRequest {
  input: string
  /** A voice name, or the id of a custom voice. */
  voice: string
  instructions?: string
  format: SpeechFormat
  speed: number
  streamFormat: 'audio' | 'sse'
}

const FIELDS = ['model', 'input', 'voice', 'instructions', 'response_format', 'speed', 'stream_format']
const LEGACY_MODELS = /^tts-1(-hd)?(-\d{4}-\d{2}-\d{2})?$/

/**
 * Checks an OpenAI speech body the way OpenAI does (§1 of PROVIDERS.md). `upstreamModel` is
 * the model that would serve it; `strict` refuses unknown fields like OpenAI itself;
 * `maxInputLength` is OpenAI's 4096 (openai/openai-openapi CreateSpeechRequest) unless the model
 * behind a proxy alias is not OpenAI's.
 */
export function validateSpeech(body: unknown, upstreamModel: string, strict: boolean, maxInputLength = 4096): Validated<SpeechRequest> {
  if (!isRecord(body)) return reject('We could not parse the JSON body of your request. The API expects a JSON object payload.')
  if (strict) {
    const unknown = Object.keys(body).find((key) => !FIELDS.includes(key))
    if (unknown) return reject(`Unrecognized request argument supplied: ${unknown}`, unknown, 'unknown_parameter')
  }
  const { input, voice, instructions, response_format: format = 'mp3', speed = 1, stream_format: streamFormat = 'audio' } = body
  if (input === undefined) return reject("Missing required parameter: 'input'.", 'input', 'missing_required_parameter')
  if (typeof input !== 'string') return reject(`Invalid type for 'input': expected a string, but got ${typeName(input)} instead.`, 'input', 'invalid_type')
  if (input.length === 0) return reject("Invalid 'input': empty string. Expected a string with minimum length 1, but got an empty string instead.", 'input', 'string_below_min_length')
  if (input.length > maxInputLength) {
    return reject(`Invalid 'input': string too long. Expected a string with maximum length ${maxInputLength}, but got a string with length ${input.length} instead.`, 'input', 'string_above_max_length')
  }
  if (voice === undefined) return reject("Missing required parameter: 'voice'.", 'voice', 'missing_required_parameter')
  let voiceName: string
  if (typeof voice === 'string' && voice.length > 0) voiceName = voice
  else if (isRecord(voice) && typeof voice.id === 'string' && voice.id.startsWith('voice_')) voiceName = voice.id
  else return reject(`Invalid value for 'voice': expected a voice name or {"id": "voice_…"}, but got ${typeName(voice)}.`, 'voice', 'invalid_value')
  if (instructions !== undefined) {
    if (typeof instructions !== 'string') return reject(`Invalid type for 'instructions': expected a string, but got ${typeName(instructions)} instead.`, 'instructions', 'invalid_type')
    if (LEGACY_MODELS.test(upstreamModel)) return reject(`Instructions are not supported for ${upstreamModel}. Use gpt-4o-mini-tts to pass instructions.`, 'instructions', 'unsupported_parameter')
  }
  if (typeof format !== 'string' || !(SPEECH_FORMATS as readonly string[]).includes(format)) {
    return reject(`Invalid value: '${String(format)}'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.`, 'response_format', 'invalid_value')
  }
  if (typeof speed !== 'number' || Number.isNaN(speed)) return reject(`Invalid type for 'speed': expected a decimal, but got ${typeName(speed)} instead.`, 'speed', 'invalid_type')
  if (speed < 0.25) return reject(`Invalid 'speed': decimal below minimum value. Expected a value >= 0.25, but got ${speed} instead.`, 'speed', 'decimal_below_min_value')
  if (speed > 4) return reject(`Invalid 'speed': decimal above maximum value. Expected a value <= 4, but got ${speed} instead.`, 'speed', 'decimal_above_max_value')
  if (streamFormat !== 'audio' && streamFormat !== 'sse') {
    return reject(`Invalid value: '${String(streamFormat)}'. Supported values are: 'sse' and 'audio'.`, 'stream_format', 'invalid_value')
  }
  if (streamFormat === 'sse' && LEGACY_MODELS.test(upstreamModel)) {
    return reject(`stream_format 'sse' is not supported for ${upstreamModel}. Use gpt-4o-mini-tts or stream_format 'audio'.`, 'stream_format', 'unsupported_value')
  }
  return {
    ok: true,
    value: { input, voice: voiceName, ...(instructions === undefined ? {} : { instructions }), format: format as SpeechFormat, speed, streamFormat },
  }
}
