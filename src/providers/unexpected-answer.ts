import { APIError } from '../errors.ts'

/** A 200 answer that holds no usable audio: an `APIError` with the (capped) payload as body. */
export function unexpectedAnswer(provider: string, message: string, payload?: unknown): APIError {
  return new APIError({
    status: 200,
    provider,
    message: `200 Unexpected answer: ${message}`,
    ...(payload !== undefined && { body: JSON.stringify(payload).slice(0, 2_000) }),
  })
}
