import * as z from 'zod/mini'
import { clientOptionsShape, got } from './client-options.ts'

/** What every call accepts besides its capability's fields and the client options. */
export const callShape = {
  /** Cancels the request; a user abort rejects with an `AbortError` and is never retried. */
  signal: z.optional(z.custom<AbortSignal>((value) => isAbortSignal(value), got('must be an AbortSignal'))),
  /** Extra fields merged into the request body (LiteLLM's `extra_body`). */
  extraBody: z.optional(z.record(z.string(), z.unknown())),
}

/**
 * A call's schema in two forms: `full` (every client option may be given per call too) and
 * `own` (the call's own fields only). Both check the same fields the same way and refuse the
 * same unknown keys; `own` just skips the two dozen client options a call rarely repeats, which
 * was most of a small call's parsing time.
 */
export function callSchema<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const full = z.strictObject({ ...clientOptionsShape, ...callShape, ...shape })
  const own = z.strictObject({ ...callShape, ...shape }) as unknown as typeof full
  return {
    full,
    /** The schema for these params: `own` unless they repeat a client option. */
    for(params: unknown): typeof full {
      if (typeof params === 'object' && params !== null) for (const key of Object.keys(params)) if (Object.hasOwn(clientOptionsShape, key)) return full
      return own
    },
  }
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value
}
