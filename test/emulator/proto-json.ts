import { isRecord } from './config.ts'
import { reject, type Rejection } from './validation.ts'

/*
 * Google's REST APIs parse bodies by the proto3 JSON mapping (protocolbuffers/protobuf docs,
 * "JSON Mapping"): a field is accepted under its lowerCamelCase JSON name and under its proto
 * name (snake_case). An unknown name is refused with a 400; the text below is the one Google's
 * front end answers, as observed: no googleapis file documents it.
 */

export type Refused = { ok: false; rejection: Rejection }

const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())

/** The message's fields under their lowerCamelCase names, or the refusal of the first unknown one. */
export function readMessage(object: Record<string, unknown>, known: readonly string[], at: string): Record<string, unknown> | Refused {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) {
    const name = camel(key)
    if (!known.includes(name)) return reject(`Invalid JSON payload received. Unknown name "${key}"${at ? ` at '${at}'` : ''}: Cannot find field.`)
    out[name] = value
  }
  return out
}

export const isRefused = (value: unknown): value is Refused => isRecord(value) && value.ok === false
