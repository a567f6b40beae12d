import { APIError } from './classes.ts'
import { redact, redactBody, redactHeaders } from './redact.ts'

// The keys and tokens a request carried, by the answer it got: errors built from that answer
// later (an unexpected 2xx body) are redacted without every caller passing secrets along.
const secretsByAnswer = new WeakMap<object, readonly string[]>()

export function rememberSecrets(response: Response, secrets: readonly string[]): void {
  secretsByAnswer.set(response, secrets)
}

export function secretsFor(response: object | undefined): readonly string[] {
  return (response && secretsByAnswer.get(response)) ?? []
}

/**
 * Runs a pure decoder of `response`'s body; an `APIError` it throws (it cannot know the keys)
 * comes out with the request's secrets blanked from its message, body and headers.
 */
export function decodingAnswer<T>(response: Response, decode: () => T): T {
  try {
    return decode()
  } catch (error) {
    const secrets = secretsFor(response)
    if (!(error instanceof APIError) || secrets.length === 0) throw error
    throw new APIError({
      status: error.status,
      provider: error.provider,
      message: redact(error.message, secrets),
      type: error.type,
      param: error.param,
      code: error.code,
      requestId: error.requestId,
      headers: redactHeaders(error.headers ?? response.headers, secrets),
      body: error.body === undefined ? undefined : redactBody(error.body, secrets),
    })
  }
}
