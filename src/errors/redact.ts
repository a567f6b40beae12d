/** The most of a body an error keeps, in characters. */
export const MAX_ERROR_BODY_CHARS = 2_000
/** A secret's first characters at the very end of a cut text are blanked from this many on. */
const MIN_PREFIX = 4

/** `value` with every secret of 8 characters or more replaced by `[redacted]`. */
export function redact(value: string, secrets: readonly string[]): string {
  let result = value
  for (const secret of secrets) {
    if (secret.length >= 8) result = result.split(secret).join('[redacted]')
  }
  return result
}

/**
 * A body for an error: redacted first, then cut to `MAX_ERROR_BODY_CHARS` with an ellipsis.
 * The text may already have been cut (a bounded read), so a secret's beginning left at the end
 * is blanked too: cutting before redacting would keep all of a key but its last characters.
 */
export function redactBody(value: string, secrets: readonly string[]): string {
  // A body cut earlier (by a decoder that knew no secrets) ends in an ellipsis: look before it.
  const cutBefore = value.endsWith('…')
  const redacted = blankCutSecret(redact(cutBefore ? value.slice(0, -1) : value, secrets), secrets)
  if (redacted.length <= MAX_ERROR_BODY_CHARS) return cutBefore ? `${redacted}…` : redacted
  return `${blankCutSecret(redacted.slice(0, MAX_ERROR_BODY_CHARS), secrets)}…`
}

function blankCutSecret(value: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    if (secret.length < 8) continue
    for (let length = Math.min(secret.length - 1, value.length); length >= MIN_PREFIX; length--) {
      if (value.endsWith(secret.slice(0, length))) return `${value.slice(0, value.length - length)}[redacted]`
    }
  }
  return value
}

/** A copy of `headers` with every secret blanked out of the values (servers echo them too). */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const copy = new Headers()
  headers.forEach((value, name) => copy.append(name, redact(value, secrets)))
  return copy
}
