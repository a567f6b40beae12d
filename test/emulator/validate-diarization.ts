import { reject, type Rejection } from './validation.ts'

// openai/openai-openapi openapi.yaml, CreateTranscriptionRequest and VadConfig. The limits are
// the spec's; the wording of the refusals is ours (OpenAI's exact messages are not published).

/** `chunking_strategy`: "auto" or a server_vad object; undefined when absent. */
export type ChunkingStrategy = 'auto' | { type: 'server_vad'; prefix_padding_ms?: number; silence_duration_ms?: number; threshold?: number }

export interface Speakers {
  names: string[]
  references: string[]
}

type Checked<T> = { ok: true; value: T } | { ok: false; rejection: Rejection }

const VAD_KEYS = new Set(['type', 'prefix_padding_ms', 'silence_duration_ms', 'threshold'])

/** Reads `chunking_strategy` (`auto`, or `chunking_strategy[type]=server_vad` and friends). */
export function checkChunkingStrategy(value: unknown): Checked<ChunkingStrategy | undefined> {
  if (value === undefined) return { ok: true, value: undefined }
  if (value === 'auto') return { ok: true, value: 'auto' }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // A JSON text such as '{"type":"server_vad"}' is a string to the server, not an object.
    return reject(`Invalid value for 'chunking_strategy': expected "auto" or an object with type "server_vad", got '${String(value)}'.`, 'chunking_strategy', 'invalid_value')
  }
  const fields = value as Record<string, unknown>
  const unknown = Object.keys(fields).find((key) => !VAD_KEYS.has(key))
  if (unknown) return reject(`Unknown parameter: 'chunking_strategy.${unknown}'.`, `chunking_strategy.${unknown}`, 'unknown_parameter')
  if (fields.type !== 'server_vad') {
    return reject(`Invalid value for 'chunking_strategy.type': expected 'server_vad', got '${String(fields.type)}'.`, 'chunking_strategy.type', 'invalid_value')
  }
  const strategy: ChunkingStrategy = { type: 'server_vad' }
  for (const key of ['prefix_padding_ms', 'silence_duration_ms'] as const) {
    if (fields[key] === undefined) continue
    const number = Number(fields[key])
    if (!Number.isInteger(number)) return reject(`Invalid 'chunking_strategy.${key}': expected an integer, got '${String(fields[key])}'.`, `chunking_strategy.${key}`, 'invalid_type')
    strategy[key] = number
  }
  if (fields.threshold !== undefined) {
    const threshold = Number(fields.threshold)
    if (Number.isNaN(threshold) || threshold < 0 || threshold > 1) {
      return reject(`Invalid 'chunking_strategy.threshold': expected a number from 0.0 to 1.0, got '${String(fields.threshold)}'.`, 'chunking_strategy.threshold', 'invalid_value')
    }
    strategy.threshold = threshold
  }
  return { ok: true, value: strategy }
}

const MAX_SPEAKERS = 4

/** `known_speaker_names[]` and `known_speaker_references[]`: at most 4 each, references as data URLs. */
export function checkSpeakers(names: unknown, references: unknown): Checked<Speakers> {
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)])
  const speakers = { names: list(names), references: list(references) }
  for (const [field, values] of [['known_speaker_names', speakers.names], ['known_speaker_references', speakers.references]] as const) {
    if (values.length > MAX_SPEAKERS) {
      return reject(`Invalid '${field}': array too long. Expected an array with maximum length ${MAX_SPEAKERS}, but got an array with length ${values.length} instead.`, field, 'array_above_max_length')
    }
  }
  const notDataURL = speakers.references.find((reference) => !/^data:[^,]*,/.test(reference))
  if (notDataURL !== undefined) {
    return reject(`Invalid 'known_speaker_references': each sample must be a data URL, got '${notDataURL.slice(0, 40)}'.`, 'known_speaker_references', 'invalid_value')
  }
  // Not checked: that each sample lasts 2 to 10 s, as the spec asks.
  return { ok: true, value: speakers }
}
