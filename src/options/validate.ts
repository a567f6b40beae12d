import type * as z from 'zod/mini'
import { InvalidRequestError } from '../errors/classes.ts'
import { withoutUnsafeKeys } from '../util/safe-lookup.ts'

/**
 * Parses `input` with `schema`, or throws an `InvalidRequestError` naming the first bad field.
 * A `modelList` (config data) loses its `__proto__`, `constructor` and `prototype` keys at
 * every depth first.
 */
export function validate<Schema extends z.ZodMiniType>(schema: Schema, input: unknown): z.output<Schema> {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidRequestError('options', 'must be an object')
  }
  const headers = (input as { headers?: unknown }).headers
  // A plain object cannot hold this name as a header: parsing would silently drop it.
  if (typeof headers === 'object' && headers !== null && Object.hasOwn(headers, '__proto__')) {
    throw new InvalidRequestError('headers', '"__proto__" cannot be sent as a header name')
  }
  const modelList = (input as { modelList?: unknown }).modelList
  const checked = modelList === undefined ? input : { ...input, modelList: withoutUnsafeKeys(modelList) }
  const result = schema.safeParse(checked)
  if (result.success) return result.data
  // Parsed again for the message, with `reportInput` (issues carry the value, so a missing one is
  // told from a wrong one): asking for it on every parse made a good call's check four times slower.
  // A getter answering differently the second time must not turn this into a TypeError.
  const issue = (schema.safeParse(checked, { reportInput: true }).error ?? result.error).issues[0]!
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => formatPath([...issue.path, key || '""'])).join(', ')
    throw new InvalidRequestError(keys, 'is not a known option (send extra fields with extraBody)')
  }
  const field = formatPath(issue.path) || 'options'
  const missing = issue.input === undefined
  throw new InvalidRequestError(field, missing ? 'is required' : issue.message)
}

/** `['modelList', 2, 'litellm_params', 'model']` → `modelList[2].litellm_params.model`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) =>
    typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key), '')
}
