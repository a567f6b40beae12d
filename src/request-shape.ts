import * as z from 'zod/mini'
import { clientOptionsShape, got } from './schemas.ts'

/** What every call accepts besides its own fields: each client option, a signal and extra body fields. */
export const requestShape = {
  ...clientOptionsShape,
  /** Cancels the request; a user abort rejects with an `AbortError` and is never retried. */
  signal: z.optional(z.custom<AbortSignal>((value) => isAbortSignal(value), got('must be an AbortSignal'))),
  /** Extra fields merged into the request body (LiteLLM's `extra_body`). */
  extraBody: z.optional(z.record(z.string(), z.unknown())),
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value
}
