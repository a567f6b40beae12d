/** A request the upstream API would refuse, in OpenAI's terms. */
export interface Rejection {
  status: number
  message: string
  param: string | null
  code: string | null
  type?: string
}

export type Validated<T> = { ok: true; value: T } | { ok: false; rejection: Rejection }

export const reject = (message: string, param: string | null = null, code: string | null = null, status = 400): { ok: false; rejection: Rejection } =>
  ({ ok: false, rejection: { status, message, param, code } })

export function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

export const OPENAI_SPEECH_MODELS = /^(tts-1|tts-1-hd|gpt-4o-mini-tts)(-\d{4}-\d{2}-\d{2})?$/
export const OPENAI_TRANSCRIPTION_MODELS = /^(whisper-1|gpt-4o(-mini)?-transcribe(-diarize)?)(-\d{4}-\d{2}-\d{2})?$/

/** OpenAI's answer for a model it does not serve. */
export function unknownModel(model: string): { ok: false; rejection: Rejection } {
  return reject(`The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found', 404)
}
