import { secretsFor } from './answer-secrets.ts'
import { redact, redactBody, redactHeaders } from './redact.ts'
import { APIError } from './classes.ts'

/**
 * A 2xx answer that holds nothing usable (no audio, no transcript, not the JSON it should be):
 * an `APIError` with the capped body text, and the status and headers when known.
 */
export function unexpectedAnswer(
  provider: string,
  message: string,
  body?: unknown,
  response?: { status: number; headers: Headers },
): APIError {
  const status = response?.status ?? 200
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  // Secrets the server echoed are blanked out here too: a 2xx body is no safer than an error's.
  const secrets = secretsFor(response)
  return new APIError({
    status,
    provider,
    message: `${status} Unexpected answer: ${redact(message, secrets)}`,
    headers: response && redactHeaders(response.headers, secrets),
    body: text === undefined ? undefined : redactBody(text, secrets),
  })
}
