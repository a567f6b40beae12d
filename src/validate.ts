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
    throw new InvalidRequestError(issue.keys.join(', '), 'is not a known option (send extra fields with extraBody)')
  }
  const field = issue.path.map(String).join('.') || 'options'
  const missing = issue.code === 'invalid_type' && issue.input === undefined
  throw new InvalidRequestError(field, missing ? 'is required' : issue.message)
}
