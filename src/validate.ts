import type * as z from 'zod/mini'
import { InvalidRequestError } from './errors.ts'

/** Parses `input` with `schema`, or throws an `InvalidRequestError` naming the first bad field. */
export function validate<Schema extends z.ZodMiniType>(schema: Schema, input: unknown): z.output<Schema> {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidRequestError('options', 'must be an object')
  }
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => key || '""').join(', ')
    throw new InvalidRequestError(keys, 'is not a known option (send extra fields with extraBody)')
  }
  const field = formatPath(issue.path) || 'options'
  // Issues carry no input (zod leaves it out unless asked), so look the value up.
  const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined
  throw new InvalidRequestError(field, missing ? 'is required' : issue.message)
}

/** `['modelList', 2, 'litellm_params', 'model']` → `modelList[2].litellm_params.model`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) =>
    typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key), '')
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
